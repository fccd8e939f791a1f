// HTTP routes of the smart service: suggestions and classification for staff who may see the conversation, the
// widget's auto-answer buttons, and the auto-answer rates for supervisors.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { actorOf } from '../../server/http.js';
import { autoAnswerReactions } from '../../shared/assist.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  autoAnswerRatesQuerySchema,
  autoAnswerRatesSchema,
  autoAnswerReactionSchema,
  classificationSchema,
  correctClassificationSchema,
  suggestionSchema,
} from '../../shared/schemas/knowledge.js';
import { resolveVisitor } from '../customers/service.js';
import * as assist from './service.js';

export const assistRoutes: FastifyPluginAsyncZod<{ deps: assist.AssistDeps }> = async (app, options) => {
  const { deps } = options;
  const tags = ['assist'];

  app.get('/api/assist/conversations/:id/suggestions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: "The top three knowledge entries and approved templates for the customer's last messages",
      params: idParams,
      response: { 200: z.object({ items: z.array(suggestionSchema) }) },
    },
    handler: async (request) => ({
      items: await assist.suggestionsFor(deps, actorOf(request), request.params.id),
    }),
  });

  app.get('/api/assist/conversations/:id/classification', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Problem type and complaint category of a conversation (suggested when none is stored yet)',
      params: idParams,
      response: { 200: z.object({ classification: classificationSchema.nullable() }) },
    },
    handler: async (request) => ({
      classification: await assist.classificationOf(deps, actorOf(request), request.params.id),
    }),
  });

  app.put('/api/assist/conversations/:id/classification', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: "Correct a conversation's classification; the correction trains the shop's classifier",
      params: idParams,
      body: correctClassificationSchema,
      response: { 200: classificationSchema },
    },
    handler: (request) =>
      assist.correctClassification(deps, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/assist/auto-answer-rates', {
    config: { access: { permission: 'chat.supervise' } },
    schema: {
      tags,
      summary: 'FAQ auto-answers in a period: answer rate (chats answered / opened) and hand-over rate',
      querystring: autoAnswerRatesQuerySchema,
      response: { 200: autoAnswerRatesSchema },
    },
    handler: (request) =>
      assist.autoAnswerMetrics(
        deps.db,
        actorOf(request).shopId,
        Date.parse(request.query.from),
        Date.parse(request.query.to),
      ),
  });

  app.post('/api/widget/assist/reactions', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags: ['widget'],
      summary: 'The customer answers an FAQ auto-answer: this solved it, or talk to a person',
      security: [],
      headers: z.object({
        'x-visitor-token': z.string().min(20).max(128).describe('From POST /api/widget/session'),
      }),
      body: autoAnswerReactionSchema,
      response: { 200: z.object({ reaction: z.enum(autoAnswerReactions) }) },
    },
    handler: async (request) => {
      const customer = await resolveVisitor(deps.db, request.headers['x-visitor-token']);
      if (!customer) throw new AppError('invalid_visitor');
      return assist.reactToAutoAnswer(deps, customer, request.body);
    },
  });
};
