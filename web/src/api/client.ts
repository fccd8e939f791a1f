// The one way the web talks to the API: JSON over fetch, the CSRF header, typed errors, Zod-checked answers.
import type { z } from 'zod';
import { errorBodySchema } from '@shared/schemas/common.js';
import { currentLocale, i18n } from '../i18n';

/** An error answered by the API (or met on the way); `message` is ready to show in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface ApiRequest<T> {
  method?: HttpMethod;
  query?: QueryParams;
  body?: unknown;
  /** Raw bytes sent as they are (e.g. an image upload) instead of a JSON body. */
  rawBody?: Blob;
  /** Extra request headers (e.g. the file name of an upload). */
  headers?: Record<string, string>;
  /** The shared contract schema the answer must match. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

/** Paths whose 401 is an expected answer rather than an expired session. */
const quietUnauthorizedPaths = new Set(['/api/auth/session', '/api/auth/login']);

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The session provider hands the token over after sign-in and clears it after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network_error', i18n.t('errors.network'));
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(path: string, request: ApiRequest<T>): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = {
    ...request.headers,
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  if (request.rawBody !== undefined) headers['Content-Type'] = request.rawBody.type;
  else if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, request.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: request.rawBody ?? (request.body === undefined ? null : JSON.stringify(request.body)),
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  const payload = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && !quietUnauthorizedPaths.has(path)) unauthorizedHandler?.();
    const parsed = errorBodySchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(
      response.status,
      `http_${response.status}`,
      i18n.t('errors.unexpected', { status: response.status }),
    );
  }

  const parsed = request.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      i18n.t('errors.invalidResponse'),
      parsed.error.issues,
    );
  }
  return parsed.data;
}
