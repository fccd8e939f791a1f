// The customer-facing widget API: opening a session for an anonymous visitor or a vouched-for member.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../server/errors.js';
import { widgetSessionBodySchema, widgetSessionSchema } from '../../shared/schemas/chat.js';
import { isQueueFull, openConversationOf, queuePositions } from '../conversations/service.js';
import { identifyWidgetCustomer } from '../customers/service.js';
import { isWithinServiceHours } from '../routing/service-hours.js';
import { findShopByWidgetKey, getChatSettings } from '../shops/service.js';

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
      const place =
        conversation?.status === 'queued'
          ? (await queuePositions(db, shop.id)).find((q) => q.conversationId === conversation.id)
          : undefined;
      const settings = await getChatSettings(db, shop.id);
      return {
        visitorToken,
        customerId: customer.id,
        shop: { name: shop.name, serviceOpen: isWithinServiceHours(Date.now(), settings.serviceHours) },
        conversation,
        queuePosition: place?.position ?? null,
        estimatedWaitSeconds: place?.estimatedWaitSeconds ?? null,
        queueFull: conversation ? false : await isQueueFull(db, shop.id, settings.maxQueueLength),
      };
    },
  });
};
