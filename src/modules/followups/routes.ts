// HTTP routes of follow-ups: my tasks (all of them with followup.supervise), the result form, tasks by hand, and
// the per-shop rules.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  completeFollowUpSchema,
  createFollowUpSchema,
  followUpKindParams,
  followUpRuleSchema,
  followUpTaskSchema,
  listFollowUpsQuerySchema,
  updateFollowUpRuleSchema,
} from '../../shared/schemas/follow-ups.js';
import { followUpPolicy } from './policy.js';
import * as followUps from './service.js';

export const followUpRoutes: FastifyPluginAsyncZod<{ deps: followUps.FollowUpDeps }> = async (
  app,
  options,
) => {
  const { deps } = options;
  const tags = ['follow-ups'];

  app.get('/api/follow-ups', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'Follow-up tasks: mine, or any owner’s with followup.supervise; status overdue = late or undone',
      querystring: listFollowUpsQuerySchema,
      response: { 200: z.object({ items: z.array(followUpTaskSchema) }) },
    },
    handler: async (request) => ({ items: await followUps.listTasks(deps, actorOf(request), request.query) }),
  });

  app.post('/api/follow-ups', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Create a follow-up task by hand',
      body: createFollowUpSchema,
      response: { 201: followUpTaskSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await followUps.createTask(deps, actorOf(request), request.body)),
  });

  app.get('/api/follow-ups/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One follow-up task', params: idParams, response: { 200: followUpTaskSchema } },
    handler: (request) => followUps.getTask(deps, actorOf(request), request.params.id),
  });

  app.post('/api/follow-ups/:id/complete', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'The result form: reached, satisfaction (the verdict on the work order: unsatisfied reopens it), new problems, suggestion',
      params: idParams,
      body: completeFollowUpSchema,
      response: { 200: followUpTaskSchema },
    },
    handler: (request) => followUps.completeTask(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/follow-ups/:id/cancel', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Cancel an open follow-up task',
      params: idParams,
      response: { 200: followUpTaskSchema },
    },
    handler: (request) => followUps.cancelTask(deps, actorOf(request), request.params.id),
  });

  app.get('/api/follow-up-rules', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'The follow-up rules of the shop (on/off, delay, who gets the task)',
      response: { 200: z.object({ items: z.array(followUpRuleSchema) }) },
    },
    handler: async (request) => ({ items: await followUps.listRules(deps.db, actorOf(request)) }),
  });

  app.patch('/api/follow-up-rules/:kind', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags,
      summary: 'Change one follow-up rule',
      params: followUpKindParams,
      body: updateFollowUpRuleSchema,
      response: { 200: followUpRuleSchema },
    },
    handler: (request) => followUps.updateRule(deps, actorOf(request), request.params.kind, request.body),
  });
};
