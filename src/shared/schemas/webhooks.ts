// API contract of signed webhooks: the headers every inbound webhook carries and the shop's signing secrets.
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** Documented on every signed webhook route; checked (401) before the body is read. */
export const signedWebhookHeadersSchema = z.object({
  'x-kefu-shop': idSchema.describe('The shop id the webhook is for'),
  'x-kefu-timestamp': z
    .string()
    .regex(/^\d{1,12}$/)
    .describe('Unix time in seconds when the request was signed; refused when more than 5 minutes off'),
  'x-kefu-signature': z
    .string()
    .regex(/^sha256=[0-9a-f]{64}$/)
    .describe('sha256= + hex HMAC-SHA256(secret, `${timestamp}.${raw body}`)'),
});

const secretInfo = z.object({
  hint: z.string().describe('The last four characters of the secret'),
  createdAt: instantSchema,
});

export const webhookSecretsSchema = z
  .object({
    current: secretInfo.nullable(),
    previous: secretInfo.nullable().describe('Still accepted until it is retired or the next rotation'),
  })
  .meta({ id: 'WebhookSecrets' });
export type WebhookSecrets = z.infer<typeof webhookSecretsSchema>;

export const rotatedWebhookSecretSchema = webhookSecretsSchema.extend({
  secret: z.string().describe('The new current secret, shown only this once'),
});
export type RotatedWebhookSecret = z.infer<typeof rotatedWebhookSecretSchema>;

export const webhookAckSchema = z.object({
  ok: z.literal(true),
  duplicate: z.boolean().describe('true when this event id had been received before (nothing changed)'),
  id: idSchema.optional(),
});
