// HTTP routes of calls: the signed PBX webhook, the call log, the manual call form, self-checks, spot checks,
// call-back tasks, the audited reveal of numbers and the call settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  callContactSchema,
  callPageSchema,
  callSchema,
  callSettingsSchema,
  callWebhookEventSchema,
  createCallSchema,
  listCallsQuerySchema,
  spotCheckSampleQuerySchema,
  spotCheckSampleSchema,
  spotCheckSchema,
  updateCallRecordSchema,
  updateCallSettingsSchema,
} from '../../shared/schemas/calls.js';
import { signedWebhookHeadersSchema, webhookAckSchema } from '../../shared/schemas/webhooks.js';
import { signedWebhookScope, verifiedShopOf } from '../webhooks/signed-webhook.js';
import { callPolicy } from './policy.js';
import * as calls from './service.js';

export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const bus = app.deps.bus;

  await app.register(
    signedWebhookScope(async (scope) => {
      scope.post('/api/webhooks/calls', {
        config: { access: 'public' },
        schema: {
          tags: ['calls'],
          summary:
            'PBX/CTI call event (ringing, answered, ended, recording_ready), HMAC-signed; idempotent on eventId',
          security: [],
          headers: signedWebhookHeadersSchema,
          body: callWebhookEventSchema,
          response: { 200: webhookAckSchema },
        },
        handler: async (request) => {
          const result = await calls.receiveCallEvent(db, bus, verifiedShopOf(request), request.body);
          return { ok: true as const, ...result };
        },
      });
    }),
  );

  app.get('/api/calls', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary:
        'The call log, newest first: all calls with calls.supervise, else my calls and unassigned ones',
      querystring: listCallsQuerySchema,
      response: { 200: callPageSchema },
    },
    handler: (request) => calls.listCalls(db, actorOf(request), request.query),
  });

  app.post('/api/calls', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary: 'Log a call by hand (SPEC §5 record fields)',
      body: createCallSchema,
      response: { 201: callSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await calls.createManualCall(db, bus, actorOf(request), request.body)),
  });

  app.get('/api/calls/spot-check-sample', {
    config: { access: { permission: callPolicy.supervise } },
    schema: {
      tags: ['calls'],
      summary: "The week's random sample of records to spot-check (the same every time for that week)",
      querystring: spotCheckSampleQuerySchema,
      response: { 200: spotCheckSampleSchema },
    },
    handler: (request) => calls.spotCheckSample(db, actorOf(request), request.query.week),
  });

  app.get('/api/calls/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['calls'], summary: 'One call', params: idParams, response: { 200: callSchema } },
    handler: (request) => calls.getCall(db, actorOf(request), request.params.id),
  });

  app.put('/api/calls/:id/record', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary: "Write the call's record (its agent, or a supervisor correcting it)",
      params: idParams,
      body: updateCallRecordSchema,
      response: { 200: callSchema },
    },
    handler: (request) => calls.updateCallRecord(db, bus, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/calls/:id/self-check', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary: 'The agent marks their own record as checked',
      params: idParams,
      response: { 200: callSchema },
    },
    handler: (request) => calls.selfCheckCall(db, bus, actorOf(request), request.params.id),
  });

  app.post('/api/calls/:id/spot-check', {
    config: { access: { permission: callPolicy.supervise } },
    schema: {
      tags: ['calls'],
      summary: 'A supervisor spot-checks a record: ok, or needs the correction in the comment',
      params: idParams,
      body: spotCheckSchema,
      response: { 200: callSchema },
    },
    handler: (request) => calls.spotCheckCall(db, bus, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/calls/:id/reveal', {
    config: { access: { permission: callPolicy.reveal } },
    schema: {
      tags: ['calls'],
      summary: 'The unmasked numbers and e-mail of a call (audited)',
      params: idParams,
      response: { 200: callContactSchema },
    },
    handler: (request) => calls.revealCallContact(db, actorOf(request), request.params.id),
  });

  app.post('/api/callback-tasks/:id/done', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary: 'Mark the call-back of a missed call as done',
      params: idParams,
      response: { 200: callSchema },
    },
    handler: (request) => calls.completeCallbackTask(db, bus, actorOf(request), request.params.id),
  });

  app.get('/api/call-settings', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calls'],
      summary: 'Ring length, allowed rings, call-back delay, sample size and extension → agent mapping',
      response: { 200: callSettingsSchema },
    },
    handler: (request) => calls.getCallSettings(db, actorOf(request)),
  });

  app.patch('/api/call-settings', {
    config: { access: { permission: callPolicy.manage } },
    schema: {
      tags: ['calls'],
      summary: 'Change the call settings',
      body: updateCallSettingsSchema,
      response: { 200: callSettingsSchema },
    },
    handler: (request) => calls.updateCallSettings(db, actorOf(request), request.body),
  });
};
