// HTTP route of the audit log (read only; nothing can change or delete an entry).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { auditPageSchema, listAuditQuerySchema } from '../../shared/schemas/audit.js';
import { auditPolicy } from './policy.js';
import { presentAuditEntry } from './presenter.js';
import { listAudit } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/audit', {
    config: { access: { permission: auditPolicy.read } },
    schema: {
      tags: ['audit'],
      summary: "The shop's audit log, newest first, paged by cursor",
      querystring: listAuditQuerySchema,
      response: { 200: auditPageSchema },
    },
    handler: async (request) => {
      const { limit } = request.query;
      const rows = await listAudit(db, actorOf(request).shopId, { ...request.query, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map(presentAuditEntry),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  });
};
