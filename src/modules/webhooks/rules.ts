// Signed webhooks (SPEC: security): the signing scheme every inbound webhook uses, as pure functions.
// signature = hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`), timestamp in Unix seconds, 5-minute window.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookHeaders = {
  shop: 'x-kefu-shop',
  timestamp: 'x-kefu-timestamp',
  signature: 'x-kefu-signature',
} as const;

/** Requests signed more than this far from our clock (either way) are refused as stale. */
export const webhookToleranceMs = 5 * 60_000;

const signaturePrefix = 'sha256=';

/** The value of the signature header for `rawBody` sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `${signaturePrefix}${mac}`;
}

export type WebhookRefusal = 'webhook_unsigned' | 'webhook_stale' | 'webhook_signature_invalid';

/** Header checks that need neither the body nor the secrets: present, well-formed, inside the window. */
export function checkWebhookHeaders(
  timestamp: string | undefined,
  signature: string | undefined,
  now: number,
): WebhookRefusal | null {
  if (!timestamp || !signature) return 'webhook_unsigned';
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) {
    return 'webhook_signature_invalid';
  }
  return Math.abs(now - Number(timestamp) * 1000) > webhookToleranceMs ? 'webhook_stale' : null;
}

/** Whether one of the shop's secrets (current or, during a rotation, previous) signed this body; constant time. */
export function signatureMatchesAny(
  secrets: readonly string[],
  timestamp: string,
  signature: string,
  rawBody: Buffer,
): boolean {
  const given = Buffer.from(signature);
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
    // Every secret is tried, so the time taken does not tell which one matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) matched = true;
  }
  return matched;
}
