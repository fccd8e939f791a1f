// HTTP routes of order events: the signed order webhook and the CSV import (upload, progress, error report).
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  orderImportDetailSchema,
  orderImportSchema,
  orderWebhookAckSchema,
  orderWebhookBodySchema,
  fileNameOf,
  orderImportHeadersSchema,
} from '../../shared/schemas/orders.js';
import { signedWebhookHeadersSchema } from '../../shared/schemas/webhooks.js';
import { shopPolicy } from '../shops/policy.js';
import { signedWebhookScope, verifiedShopOf } from '../webhooks/signed-webhook.js';
import { createOrderImporter, maxCsvBytes, receiveOrderEvents } from './service.js';

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, bus, config } = app.deps;
  const db = database.db;
  const importer = createOrderImporter({
    db,
    bus,
    dataDir: config.dataDir,
    onError: (error) => app.log.error({ err: error }, 'order import failed'),
  });
  app.addHook('preClose', () => importer.idle());

  await app.register(
    signedWebhookScope(async (scope) => {
      scope.post('/api/webhooks/orders', {
        config: { access: 'public' },
        schema: {
          tags: ['orders'],
          summary:
            'Order-side events from the shop platform (orders, payments, shipments, after-sales, refunds), signed',
          security: [],
          headers: signedWebhookHeadersSchema,
          body: orderWebhookBodySchema,
          response: { 200: orderWebhookAckSchema },
        },
        handler: async (request) => ({
          ok: true as const,
          ...(await receiveOrderEvents(db, bus, verifiedShopOf(request), request.body.events)),
        }),
      });
    }),
  );

  // The CSV arrives as a stream and goes to disk as it comes; nothing else in this scope reads text/csv.
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) =>
    done(null, payload),
  );

  app.post('/api/order-imports', {
    bodyLimit: maxCsvBytes,
    config: { access: { permission: shopPolicy.manage } },
    schema: {
      tags: ['orders'],
      summary:
        'Import order events from a CSV (body: the file as text/csv; columns event_id, kind, order_no, subject_no, ' +
        'member_id, phone, occurred_at, amount_fen). Answers with the job once the file is saved; poll it for progress',
      headers: orderImportHeadersSchema,
      response: { 201: orderImportSchema },
    },
    handler: async (request, reply) => {
      if (!(request.body instanceof Readable)) throw new AppError('unsupported_media_type');
      const fileName = fileNameOf(request.headers['x-file-name']);
      return reply.code(201).send(await importer.start(actorOf(request), fileName, request.body));
    },
  });

  app.get('/api/order-imports', {
    config: { access: { permission: shopPolicy.manage } },
    schema: {
      tags: ['orders'],
      summary: 'Recent CSV imports',
      response: { 200: z.object({ items: z.array(orderImportSchema) }) },
    },
    handler: async (request) => ({ items: await importer.list(actorOf(request)) }),
  });

  app.get('/api/order-imports/:id', {
    config: { access: { permission: shopPolicy.manage } },
    schema: {
      tags: ['orders'],
      summary: 'An import with its progress (rows done / total) and its bad rows',
      params: idParams,
      response: { 200: orderImportDetailSchema },
    },
    handler: (request) => importer.get(actorOf(request), request.params.id, request.locale),
  });

  app.get('/api/order-imports/:id/errors.csv', {
    config: { access: { permission: shopPolicy.manage } },
    schema: {
      tags: ['orders'],
      summary: "The bad rows as CSV (row, column, code, message in the caller's language)",
      params: idParams,
      response: { 200: z.string().describe('text/csv') },
    },
    handler: async (request, reply) => {
      const report = await importer.errorReport(actorOf(request), request.params.id, request.locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(report);
    },
  });
};
