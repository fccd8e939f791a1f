// The customer-facing widget API: opening a session for an anonymous visitor or a vouched-for member.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../server/errors.js';
import { widgetSessionBodySchema, widgetSessionSchema } from '../../shared/schemas/chat.js';
import { openConversationOf, queuePositions, serviceHoursOf } from '../conversations/service.js';
import { identifyWidgetCustomer } from '../customers/service.js';
import { isWithinServiceHours } from '../routing/service-hours.js';
import { findShopByWidgetKey } from '../shops/service.js';

export const widgetRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.post('/api/widget/session', {
    config: {
      access: 'public',
      rateLimit: { max: app.deps.config.widgetSessionRateLimit, timeWindow: 60_000 },
    },
    schema: {
      tags: ['widget'],
      summary:
        "Start or resume a customer's chat session (then connect to the /widget socket with the token)",
      security: [],
      body: widgetSessionBodySchema,
      response: { 200: widgetSessionSchema },
    },
    handler: async (request) => {
      const shop = await findShopByWidgetKey(db, request.body.shopKey);
      if (!shop) throw new AppError('unknown_shop');
      const { customer, visitorToken } = await identifyWidgetCustomer(db, {
        shopId: shop.id,
        identitySecret: shop.identitySecret,
        visitorToken: request.body.visitorToken,
        member: request.body.member,
      });
      const conversation = await openConversationOf(db, customer);
      const place = conversation
        ? (await queuePositions(db, shop.id)).find((q) => q.conversationId === conversation.id)
        : undefined;
      return {
        visitorToken,
        customerId: customer.id,
        shop: {
          name: shop.name,
          serviceOpen: isWithinServiceHours(Date.now(), await serviceHoursOf(db, shop.id)),
        },
        conversation,
        queuePosition: place?.position ?? null,
      };
    },
  });
};
