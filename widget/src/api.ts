// The widget's HTTP calls: open (or resume) the visitor's session, upload a chat image, answer an FAQ auto-answer.
import type { Attachment, WidgetSession } from '../../src/shared/schemas/chat.js';

export interface MemberIdentity {
  id: string;
  name?: string;
  signature: string;
}

/** A refusal from the server, with its stable code and the message it localised for the visitor. */
export class WidgetApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok && body !== null) return body as T;
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  throw new WidgetApiError(
    error?.code ?? 'internal',
    error?.message ?? `HTTP ${response.status}`,
    response.status,
  );
}

export function startSession(
  baseUrl: string,
  body: { shopKey: string; visitorToken?: string; member?: MemberIdentity },
  language: string,
): Promise<WidgetSession> {
  return fetch(`${baseUrl}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify(body),
    credentials: 'omit',
  }).then((response) => readJson<WidgetSession>(response));
}

/** The raw image bytes as the body, their type as Content-Type, the visitor identified by the token header. */
export function uploadImage(
  baseUrl: string,
  visitorToken: string,
  file: Blob,
  language: string,
): Promise<Attachment> {
  return fetch(`${baseUrl}/api/widget/uploads`, {
    method: 'POST',
    headers: { 'content-type': file.type, 'x-visitor-token': visitorToken, 'accept-language': language },
    body: file,
    credentials: 'omit',
  }).then((response) => readJson<Attachment>(response));
}

/** The customer's answer to an FAQ auto-answer: this solved it, or talk to a person (the first answer counts). */
export function reactToAnswer(
  baseUrl: string,
  visitorToken: string,
  body: { messageId: string; reaction: 'solved' | 'handover' },
  language: string,
): Promise<{ reaction: 'solved' | 'handover' }> {
  return fetch(`${baseUrl}/api/widget/assist/reactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-visitor-token': visitorToken,
      'accept-language': language,
    },
    body: JSON.stringify(body),
    credentials: 'omit',
  }).then((response) => readJson<{ reaction: 'solved' | 'handover' }>(response));
}
