// The one verifier of inbound webhooks: a preParsing hook, scoped to the routes registered through it, that reads
// the raw body, checks the timestamp and the HMAC against the shop's secrets and refuses with 401 before any JSON
// is parsed. Routes then read the verified shop with `verifiedShopOf(request)`.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../server/errors.js';
import type { App } from '../../server/http.js';
import { idSchema } from '../../shared/schemas/common.js';
import { checkWebhookHeaders, signatureMatchesAny, webhookHeaders } from './rules.js';
import { webhookSecretsOf } from './service.js';

const verifiedShops = new WeakMap<FastifyRequest, string>();

/** The shop whose secret signed this request; only defined on routes registered through signedWebhookScope. */
export function verifiedShopOf(request: FastifyRequest): string {
  const shopId = verifiedShops.get(request);
  if (!shopId) throw new AppError('webhook_unsigned');
  return shopId;
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new AppError('payload_too_large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Registers `routes` in a scope whose every request must be signed. Usage:
 * `await app.register(signedWebhookScope(async (scope) => { scope.post(...) }))`.
 */
export function signedWebhookScope(routes: (scope: App) => Promise<void>): FastifyPluginAsyncZod {
  return async (scope) => {
    const db = scope.deps.database.db;
    scope.addHook('preParsing', async (request, _reply, payload) => {
      const timestamp = headerOf(request, webhookHeaders.timestamp);
      const signature = headerOf(request, webhookHeaders.signature);
      const refusal = checkWebhookHeaders(timestamp, signature, Date.now());
      if (refusal) throw new AppError(refusal);
      const shopId = headerOf(request, webhookHeaders.shop);
      if (!shopId || !idSchema.safeParse(shopId).success) throw new AppError('webhook_signature_invalid');
      const raw = await readAll(
        payload,
        request.routeOptions.bodyLimit ?? scope.initialConfig.bodyLimit ?? 0,
      );
      const secrets = await webhookSecretsOf(db, shopId);
      if (!signatureMatchesAny(secrets, timestamp!, signature!, raw)) {
        throw new AppError('webhook_signature_invalid');
      }
      verifiedShops.set(request, shopId);
      const verified = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
      verified.receivedEncodedLength = raw.length;
      return verified;
    });
    await routes(scope);
  };
}
