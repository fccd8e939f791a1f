// HTTP routes of conversations for staff: lists (mine, queue, all), one conversation, its messages, closing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { actorOf } from '../../server/http.js';
import {
  assignBodySchema,
  conversationSchema,
  customerPanelSchema,
  messageSchema,
  transferBodySchema,
} from '../../shared/schemas/chat.js';
import { transferConversation } from '../routing/service.js';
import { idParams } from '../../shared/schemas/common.js';
import * as conversations from './service.js';

export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, bus } = app.deps;
  const db = database.db;

  app.get('/api/conversations', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'Conversations: mine (assigned to me), queue (waiting), open or all (supervisors)',
      querystring: z.strictObject({ view: z.enum(['mine', 'queue', 'open', 'all']).default('mine') }),
      response: { 200: z.object({ items: z.array(conversationSchema) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { view } = request.query;
      if ((view === 'open' || view === 'all') && !actor.permissions.has('chat.supervise')) {
        throw new AppError('forbidden');
      }
      return { items: await conversations.listConversations(db, actor, view) };
    },
  });

  app.get('/api/conversations/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'One conversation',
      params: idParams,
      response: { 200: conversationSchema },
    },
    handler: (request) => conversations.getConversation(db, actorOf(request), request.params.id),
  });

  app.get('/api/conversations/:id/messages', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'Messages after a sequence number, in order (the full history with afterSeq=0)',
      params: idParams,
      querystring: z.strictObject({ afterSeq: z.coerce.number().int().min(0).default(0) }),
      response: { 200: z.object({ items: z.array(messageSchema) }) },
    },
    handler: async (request) => ({
      items: await conversations.messagesAfter(
        db,
        { kind: 'staff', actor: actorOf(request) },
        request.params.id,
        request.query.afterSeq,
      ),
    }),
  });

  app.post('/api/conversations/:id/close', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary: 'End a conversation; the freed capacity takes the next queued chat',
      params: idParams,
      response: { 200: conversationSchema },
    },
    handler: (request) => conversations.closeConversation({ db, bus }, actorOf(request), request.params.id),
  });

  app.post('/api/conversations/:id/transfer', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary:
        "Transfer my chat to another agent (online or busy, below their cap) or back to a group's queue, with a note",
      params: idParams,
      body: transferBodySchema,
      response: { 200: conversationSchema },
    },
    handler: (request) =>
      transferConversation({ db, bus }, actorOf(request), request.params.id, request.body, 'transfer'),
  });

  app.post('/api/conversations/:id/assign', {
    config: { access: { permission: 'chat.supervise' } },
    schema: {
      tags: ['chat'],
      summary:
        'Supervisor: give a queued chat to an agent, or move a chat to another agent (caps still hold)',
      params: idParams,
      body: assignBodySchema,
      response: { 200: conversationSchema },
    },
    handler: (request) =>
      transferConversation(
        { db, bus },
        actorOf(request),
        request.params.id,
        { to: { kind: 'agent', agentId: request.body.agentId }, note: request.body.note },
        'supervisor',
      ),
  });

  app.get('/api/customers/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['chat'],
      summary:
        'The customer panel: identity (phone masked without the reveal permission) and past conversations',
      params: idParams,
      response: { 200: customerPanelSchema },
    },
    handler: (request) => conversations.customerPanel(db, actorOf(request), request.params.id),
  });
};
