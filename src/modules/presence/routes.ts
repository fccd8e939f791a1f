// HTTP route for an agent to set their own presence (the socket event does the same).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { presenceSchema } from '../../shared/schemas/chat.js';
import { setPresence } from './service.js';

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
};
