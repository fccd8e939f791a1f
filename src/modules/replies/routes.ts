// HTTP routes of quick replies (every agent: shop-wide ones to use, personal ones to keep) and auto-replies (admins).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams, okSchema } from '../../shared/schemas/common.js';
import {
  autoReplySchema,
  createPromotionReplySchema,
  createQuickReplySchema,
  quickReplySchema,
  updateAutoReplySchema,
  updateQuickReplySchema,
} from '../../shared/schemas/replies.js';
import * as replies from './service.js';

export const replyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/quick-replies', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['replies'],
      summary: "Quick replies I can use: the shop's and my own",
      response: { 200: z.object({ items: z.array(quickReplySchema) }) },
    },
    handler: async (request) => ({ items: await replies.listQuickReplies(db, actorOf(request)) }),
  });

  app.post('/api/quick-replies', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['replies'],
      summary: 'Add a quick reply: personal, or shop-wide (needs chat.supervise)',
      body: createQuickReplySchema,
      response: { 201: quickReplySchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await replies.createQuickReply(db, actorOf(request), request.body)),
  });

  app.patch('/api/quick-replies/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['replies'],
      summary: 'Change a quick reply',
      params: idParams,
      body: updateQuickReplySchema,
      response: { 200: quickReplySchema },
    },
    handler: (request) => replies.updateQuickReply(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/quick-replies/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['replies'],
      summary: 'Delete a quick reply',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await replies.deleteQuickReply(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/auto-replies', {
    config: { access: { permission: 'shop.manage' } },
    schema: {
      tags: ['replies'],
      summary: 'Auto-replies: greeting, out-of-hours, queue notice and promotions with their state',
      response: { 200: z.object({ items: z.array(autoReplySchema) }) },
    },
    handler: async (request) => ({
      items: await replies.listAutoReplies(db, actorOf(request)),
    }),
  });

  app.post('/api/auto-replies', {
    config: { access: { permission: 'shop.manage' } },
    schema: {
      tags: ['replies'],
      summary: 'Add a promotion auto-reply, sent from startsAt until endsAt',
      body: createPromotionReplySchema,
      response: { 201: autoReplySchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await replies.createPromotionReply(db, actorOf(request), request.body)),
  });

  app.patch('/api/auto-replies/:id', {
    config: { access: { permission: 'shop.manage' } },
    schema: {
      tags: ['replies'],
      summary: 'Change an auto-reply: text, on/off, and for promotions the period',
      params: idParams,
      body: updateAutoReplySchema,
      response: { 200: autoReplySchema },
    },
    handler: (request) => replies.updateAutoReply(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/auto-replies/:id', {
    config: { access: { permission: 'shop.manage' } },
    schema: {
      tags: ['replies'],
      summary: 'Delete a promotion auto-reply (the standard three can only be switched off)',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await replies.deleteAutoReply(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
};
