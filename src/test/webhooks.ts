// Test helpers for signed webhooks: a shop's secret (rotated through the admin API) and signed requests.
import type { LightMyRequestResponse } from 'fastify';
import { signWebhook } from '../modules/webhooks/rules.js';
import type { App } from '../server/http.js';
import type { ApiClient } from './factories.js';

export async function rotateSecret(admin: ApiClient): Promise<string> {
  const response = await admin.post('/api/webhook-secrets/rotate');
  if (response.statusCode !== 201) throw new Error(`rotation failed: ${response.body}`);
  return response.json<{ secret: string }>().secret;
}

export interface SignOptions {
  /** Unix seconds; default now */
  timestamp?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

/** POSTs `body` (serialised once, exactly as signed) to a signed webhook route. */
export function signedPost(
  app: App,
  url: string,
  shop: { id: string; secret: string },
  body: unknown,
  options: SignOptions = {},
): Promise<LightMyRequestResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      ...options.headers,
      'content-type': options.contentType ?? 'application/json',
      'x-kefu-shop': shop.id,
      'x-kefu-timestamp': String(timestamp),
      'x-kefu-signature': signWebhook(shop.secret, timestamp, raw),
    },
    payload: raw,
  });
}

/** An ApiClient whose every request is signed for the shop, for suites that call routes generically. */
export function signedClient(app: App, shop: { id: string; secret: string }): ApiClient {
  const request: ApiClient['request'] = (_method, url, body, headers = {}) =>
    signedPost(app, url, shop, body ?? {}, { headers });
  return {
    session: null,
    cookie: null,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
    delete: (url) => request('DELETE', url),
  };
}
