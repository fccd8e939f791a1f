import { describe, expect, it } from 'vitest';
import { checkWebhookHeaders, signatureMatchesAny, signWebhook } from './rules.js';

const now = Date.UTC(2026, 2, 2, 8, 0, 0);
const ts = String(now / 1000);
const body = Buffer.from('{"eventId":"e1"}');

describe('webhook signatures', () => {
  it('accepts a body signed with the current or the previous secret', () => {
    const signature = signWebhook('old-secret', ts, body);
    expect(signatureMatchesAny(['new-secret', 'old-secret'], ts, signature, body)).toBe(true);
    expect(signatureMatchesAny(['new-secret'], ts, signature, body)).toBe(false);
  });
  it('refuses a tampered body or a signature made for another timestamp', () => {
    const signature = signWebhook('s', ts, body);
    expect(signatureMatchesAny(['s'], ts, signature, Buffer.from('{"eventId":"e2"}'))).toBe(false);
    expect(signatureMatchesAny(['s'], String(Number(ts) + 1), signature, body)).toBe(false);
  });
  it('calls a request without headers unsigned and one outside five minutes stale, in either direction', () => {
    const signature = signWebhook('s', ts, body);
    expect(checkWebhookHeaders(undefined, signature, now)).toBe('webhook_unsigned');
    expect(checkWebhookHeaders(ts, undefined, now)).toBe('webhook_unsigned');
    expect(checkWebhookHeaders(ts, signature, now + 5 * 60_000)).toBeNull();
    expect(checkWebhookHeaders(ts, signature, now + 5 * 60_000 + 1000)).toBe('webhook_stale');
    expect(checkWebhookHeaders(ts, signature, now - 5 * 60_000 - 1000)).toBe('webhook_stale');
    expect(checkWebhookHeaders('12:00', signature, now)).toBe('webhook_signature_invalid');
    expect(checkWebhookHeaders(ts, 'md5=abc', now)).toBe('webhook_signature_invalid');
  });
});
