// HTTP route for an agent to set their own presence (the socket event does the same).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { z } from 'zod';
import { agentBoardEntrySchema, idleEventSchema, presenceSchema } from '../../shared/schemas/chat.js';
import { instantSchema } from '../../shared/schemas/common.js';
import { agentBoard, idleEvents, setPresence } from './service.js';

export const presenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, bus } = app.deps;

  app.put('/api/presence', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'Set my presence: online, busy, away or offline (away and offline agents get no chats)',
      body: presenceSchema,
      response: { 200: presenceSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return {
        status: await setPresence({ db: database.db, bus }, actor, request.body.status, 'set_by_agent'),
      };
    },
  });

  app.get('/api/presence/agents', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'Agents with presence, open chats and cap (transfer targets; the live board for supervisors)',
      response: { 200: z.object({ items: z.array(agentBoardEntrySchema) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const board = await agentBoard(database.db, actor.shopId);
      // Idleness is a supervisor's matter; colleagues see presence and load only.
      const supervising = actor.permissions.has('chat.supervise');
      return { items: supervising ? board : board.map((entry) => ({ ...entry, idleSince: null })) };
    },
  });

  app.get('/api/presence/idle-events', {
    config: { access: { permission: 'chat.supervise' } },
    schema: {
      tags: ['chat'],
      summary: 'Idle-while-online stretches past the limit (violation candidates), newest first',
      querystring: z.strictObject({
        since: instantSchema.optional().describe('Default: the last 7 days'),
      }),
      response: { 200: z.object({ items: z.array(idleEventSchema) }) },
    },
    handler: async (request) => {
      const since = request.query.since ? Date.parse(request.query.since) : Date.now() - 7 * 86_400_000;
      return { items: await idleEvents(database.db, actorOf(request).shopId, since) };
    },
  });
};
