// HTTP routes of the knowledge base: every staff member reads it and may propose templates; editing entries and
// approving templates needs knowledge.manage (checked in the service).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { templateStatuses } from '../../shared/assist.js';
import { idParams, okSchema } from '../../shared/schemas/common.js';
import {
  createKnowledgeEntrySchema,
  createReplyTemplateSchema,
  knowledgeEntrySchema,
  listKnowledgeQuerySchema,
  replyTemplateSchema,
  reviewReplyTemplateSchema,
  updateKnowledgeEntrySchema,
} from '../../shared/schemas/knowledge.js';
import * as knowledge from './service.js';

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const tags = ['knowledge'];

  app.get('/api/knowledge/entries', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'Knowledge entries, searchable (Chinese or English, BM25) and filtered by kind, category, review overdue',
      querystring: listKnowledgeQuerySchema,
      response: { 200: z.object({ items: z.array(knowledgeEntrySchema) }) },
    },
    handler: async (request) => ({ items: await knowledge.listEntries(db, actorOf(request), request.query) }),
  });

  app.post('/api/knowledge/entries', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Add an FAQ entry or article (needs knowledge.manage)',
      body: createKnowledgeEntrySchema,
      response: { 201: knowledgeEntrySchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await knowledge.createEntry(db, actorOf(request), request.body)),
  });

  app.patch('/api/knowledge/entries/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change an entry: text, phrasings, validity, owner, next review date (needs knowledge.manage)',
      params: idParams,
      body: updateKnowledgeEntrySchema,
      response: { 200: knowledgeEntrySchema },
    },
    handler: (request) => knowledge.updateEntry(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/knowledge/entries/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Delete an entry (needs knowledge.manage)',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await knowledge.deleteEntry(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/knowledge/templates', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Unified reply templates, optionally by status (pending ones await approval)',
      querystring: z.strictObject({ status: z.enum(templateStatuses).optional() }),
      response: { 200: z.object({ items: z.array(replyTemplateSchema) }) },
    },
    handler: async (request) => ({
      items: await knowledge.listTemplates(db, actorOf(request), request.query.status),
    }),
  });

  app.post('/api/knowledge/templates', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Propose a reply template; it is used only after approval',
      body: createReplyTemplateSchema,
      response: { 201: replyTemplateSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await knowledge.proposeTemplate(db, actorOf(request), request.body)),
  });

  app.post('/api/knowledge/templates/:id/review', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'Approve (published as a shop quick reply) or reject a pending template (needs knowledge.manage)',
      params: idParams,
      body: reviewReplyTemplateSchema,
      response: { 200: replyTemplateSchema },
    },
    handler: (request) => knowledge.reviewTemplate(db, actorOf(request), request.params.id, request.body),
  });
};
