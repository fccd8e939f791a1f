// HTTP routes of SLA policies (admins edit them) and of the warnings and breaches the clocks record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  listSlaAlertsQuerySchema,
  slaAlertSchema,
  slaPolicySchema,
  updateSlaPolicySchema,
} from '../../shared/schemas/sla.js';
import * as sla from './service.js';

export const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/sla/policies', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['sla'],
      summary: "The shop's SLA policies: start and stop events, target, pause statuses, warning threshold",
      response: { 200: z.object({ items: z.array(slaPolicySchema) }) },
    },
    handler: async (request) => ({ items: await sla.listPolicies(db, actorOf(request)) }),
  });

  app.patch('/api/sla/policies/:id', {
    config: { access: { permission: 'shop.manage' } },
    schema: {
      tags: ['sla'],
      summary: 'Change a policy: target, warning threshold, pause statuses, work-order types, on/off',
      params: idParams,
      body: updateSlaPolicySchema,
      response: { 200: slaPolicySchema },
    },
    handler: (request) => sla.updatePolicy(db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/sla/alerts', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['sla'],
      summary: 'SLA warnings and breaches: mine, or the whole shop (workorder.supervise), newest first',
      querystring: listSlaAlertsQuerySchema,
      response: { 200: z.object({ items: z.array(slaAlertSchema) }) },
    },
    handler: async (request) => ({ items: await sla.listAlerts(db, actorOf(request), request.query) }),
  });
};
