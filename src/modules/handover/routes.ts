// HTTP routes of shift hand-overs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import { createHandoverSchema, handoverListSchema, handoverSchema } from '../../shared/schemas/quality.js';
import * as handovers from './service.js';

export const handoverRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/handovers', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['handover'],
      summary: 'Recent shift hand-overs, newest first',
      response: { 200: handoverListSchema },
    },
    handler: (request) => handovers.listHandovers(db, actorOf(request)),
  });

  app.post('/api/handovers', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['handover'],
      summary: 'End my shift with a note; my open chats, work orders and due follow-ups are attached',
      body: createHandoverSchema,
      response: { 201: handoverSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await handovers.createHandover(db, actorOf(request), request.body)),
  });

  app.post('/api/handovers/:id/acknowledge', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['handover'],
      summary: 'The next agent on shift acknowledges the hand-over',
      params: idParams,
      response: { 200: handoverSchema },
    },
    handler: (request) => handovers.acknowledgeHandover(db, actorOf(request), request.params.id),
  });
};
