// Image uploads for chat (customers with their visitor token, staff with their session) and serving them by key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { actorOf } from '../../server/http.js';
import { attachmentSchema, imageContentTypes, maxImageBytes } from '../../shared/schemas/chat.js';
import { resolveVisitor } from '../customers/service.js';
import { readAttachment, storeImage } from './service.js';

const uploadHeaders = z.object({
  'content-type': z.enum(imageContentTypes).describe('The image type; the file bytes must match it'),
});

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  // Images arrive as raw bytes; only these types are parsed, everything else gets 415.
  app.addContentTypeParser(
    [...imageContentTypes],
    { parseAs: 'buffer', bodyLimit: maxImageBytes },
    (_request, body, done) => done(null, body),
  );
  const bodyOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type');
    return body;
  };

  app.post('/api/widget/uploads', {
    bodyLimit: maxImageBytes,
    config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: {
      tags: ['widget'],
      summary: 'A customer uploads a chat image (raw bytes, ≤ 5 MB, PNG/JPEG/GIF/WebP), then sends its id',
      security: [],
      headers: uploadHeaders.extend({
        'x-visitor-token': z.string().min(20).max(128).describe('From POST /api/widget/session'),
      }),
      response: { 201: attachmentSchema },
    },
    handler: async (request, reply) => {
      const customer = await resolveVisitor(db, request.headers['x-visitor-token']);
      if (!customer) throw new AppError('invalid_visitor');
      const attachment = await storeImage(
        db,
        { shopId: customer.shopId, kind: 'customer', id: customer.id },
        request.headers['content-type'],
        bodyOf(request.body),
      );
      return reply.code(201).send(attachment);
    },
  });

  app.post('/api/uploads', {
    bodyLimit: maxImageBytes,
    config: { access: 'authenticated', rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags: ['chat'],
      summary: 'Staff upload a chat image (raw bytes, ≤ 5 MB, PNG/JPEG/GIF/WebP), then send its id',
      headers: uploadHeaders,
      response: { 201: attachmentSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const attachment = await storeImage(
        db,
        { shopId: actor.shopId, kind: 'staff', id: actor.userId },
        request.headers['content-type'],
        bodyOf(request.body),
      );
      return reply.code(201).send(attachment);
    },
  });

  app.get('/api/attachments/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['chat'],
      summary: 'A chat image by its unguessable key (the key is the permission to read it)',
      security: [],
      params: z.strictObject({
        id: z
          .string()
          .min(20)
          .max(64)
          .regex(/^[0-9a-zA-Z_-]+$/),
      }),
      response: { 200: z.string().describe('The image bytes, with its image/* Content-Type') },
    },
    handler: async (request, reply) => {
      const found = await readAttachment(db, request.params.id);
      if (!found) throw new AppError('not_found');
      return (
        reply
          .header('content-type', found.contentType)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('etag', found.etag)
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          // Bytes, not the documented string: Fastify sends a Buffer as it is, without serialising it.
          .send(found.data as unknown as string)
      );
    },
  });
};
