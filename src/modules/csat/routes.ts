// HTTP routes of satisfaction and suggestions: the verdict on a work order (recorded by staff or through the
// customer's link), questionnaires and their links, the public survey page's two routes (no login), suggestions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams, okSchema } from '../../shared/schemas/common.js';
import {
  createSuggestionSchema,
  listSuggestionsQuerySchema,
  publicSurveySchema,
  questionnaireSchema,
  resolveSuggestionSchema,
  saveQuestionnaireSchema,
  sendSurveyResultSchema,
  sendSurveySchema,
  suggestionSchema,
  surveyAnswerSchema,
  surveyLinkSchema,
  surveyResultSchema,
  surveyTokenParams,
  verdictSchema,
} from '../../shared/schemas/feedback.js';
import { workOrderDetailSchema } from '../../shared/schemas/work-orders.js';
import { followUpPolicy } from '../followups/policy.js';
import { recordVerdict, type TicketDeps } from '../tickets/service.js';
import * as suggestions from './suggestions.js';
import * as surveys from './surveys.js';

export const feedbackRoutes: FastifyPluginAsyncZod<{ deps: TicketDeps }> = async (app, options) => {
  const { deps } = options;
  const { db } = deps;

  app.post('/api/work-orders/:id/verdict', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['work-orders'],
      summary:
        "Record the customer's verdict: unsatisfied reopens the work order for its holder, otherwise it closes",
      params: idParams,
      body: verdictSchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => recordVerdict(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/verdict-link', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['work-orders'],
      summary: 'A one-time link (no login) for the customer to give the verdict on a resolved work order',
      params: idParams,
      body: z.strictObject({ validDays: z.number().int().min(1).max(60).default(7) }),
      response: { 201: surveyLinkSchema },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await surveys.verdictLink(deps, actorOf(request), request.params.id, request.body.validDays)),
  });

  app.get('/api/questionnaires', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary: 'The questionnaires of the shop, with how many links were sent and answered',
      response: { 200: z.object({ items: z.array(questionnaireSchema) }) },
    },
    handler: async (request) => ({ items: await surveys.listQuestionnaires(db, actorOf(request)) }),
  });

  app.post('/api/questionnaires', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary: 'Compose a questionnaire (single choice, scale, text questions)',
      body: saveQuestionnaireSchema,
      response: { 201: questionnaireSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await surveys.saveQuestionnaire(db, actorOf(request), request.body)),
  });

  app.put('/api/questionnaires/:id', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary: 'Change a questionnaire',
      params: idParams,
      body: saveQuestionnaireSchema,
      response: { 200: questionnaireSchema },
    },
    handler: (request) => surveys.saveQuestionnaire(db, actorOf(request), request.body, request.params.id),
  });

  app.post('/api/questionnaires/:id/send', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary:
        'One link per customer (once per recipient), valid for validDays; the links are shown only here',
      params: idParams,
      body: sendSurveySchema,
      response: { 200: sendSurveyResultSchema },
    },
    handler: (request) => surveys.sendQuestionnaire(deps, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/questionnaires/:id/answers', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary: 'The answers a questionnaire received',
      params: idParams,
      response: { 200: z.object({ items: z.array(surveyResultSchema) }) },
    },
    handler: async (request) => ({
      items: await surveys.surveyAnswers(db, actorOf(request).shopId, { questionnaireId: request.params.id }),
    }),
  });

  app.get('/api/public/surveys/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['feedback'],
      summary:
        'What a survey link shows (no login): the shop name and the questions; 404 forged, 410 expired',
      security: [],
      params: surveyTokenParams,
      response: { 200: publicSurveySchema },
    },
    handler: (request) => surveys.publicSurvey(deps, request.params.token),
  });

  app.post('/api/public/surveys/:token', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['feedback'],
      summary: 'Answer a survey link once (a second answer is refused with 409 and stores nothing)',
      security: [],
      params: surveyTokenParams,
      body: surveyAnswerSchema,
      response: { 200: okSchema },
    },
    handler: (request) => surveys.answerSurvey(deps, request.params.token, request.body),
  });

  app.get('/api/suggestions', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['feedback'],
      summary: 'Suggestions: all with followup.supervise, else those routed to my department',
      querystring: listSuggestionsQuerySchema,
      response: { 200: z.object({ items: z.array(suggestionSchema) }) },
    },
    handler: async (request) => ({
      items: await suggestions.listSuggestions(db, actorOf(request), request.query),
    }),
  });

  app.post('/api/suggestions', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['feedback'],
      summary: 'Record a customer suggestion and route it to the responsible department',
      body: createSuggestionSchema,
      response: { 201: suggestionSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await suggestions.createSuggestion(db, deps.bus, actorOf(request), request.body)),
  });

  app.post('/api/suggestions/:id/route', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags: ['feedback'],
      summary: 'Route a suggestion to a department',
      params: idParams,
      body: z.strictObject({ departmentId: z.string().min(1).max(64) }),
      response: { 200: suggestionSchema },
    },
    handler: (request) =>
      suggestions.routeSuggestion(
        db,
        deps.bus,
        actorOf(request),
        request.params.id,
        request.body.departmentId,
      ),
  });

  app.post('/api/suggestions/:id/resolve', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['feedback'],
      summary: 'The department adopts (what was done) or declines (why); the customer is told',
      params: idParams,
      body: resolveSuggestionSchema,
      response: { 200: suggestionSchema },
    },
    handler: (request) =>
      suggestions.resolveSuggestion(db, deps.bus, actorOf(request), request.params.id, request.body),
  });
};
