// HTTP routes of the shop profile.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { shopSchema, updateShopBodySchema } from '../../shared/schemas/shops.js';
import { shopPolicy } from './policy.js';
import { getShop, updateShop } from './service.js';

export const shopRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/shop', {
    config: { access: 'authenticated' },
    schema: { tags: ['shop'], summary: "The caller's shop", response: { 200: shopSchema } },
    handler: (request) => getShop(db, actorOf(request)),
  });

  app.patch('/api/shop', {
    config: { access: { permission: shopPolicy.manage } },
    schema: {
      tags: ['shop'],
      summary: 'Change the shop name, time zone or default language',
      body: updateShopBodySchema,
      response: { 200: shopSchema },
    },
    handler: (request) => updateShop(db, actorOf(request), request.body),
  });
};
