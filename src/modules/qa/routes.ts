// HTTP routes of quality inspection: settings, scorecards, the weekly sample and queue, the inspection workspace,
// scoring, inspections and their appeals.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  appealSchema,
  createAppealSchema,
  drawSamplesResultSchema,
  drawSamplesSchema,
  inspectSchema,
  inspectionListSchema,
  inspectionQuerySchema,
  inspectionSchema,
  qaSettingsSchema,
  sampleQuerySchema,
  sampleSchema,
  saveScorecardSchema,
  scorecardSchema,
  updateQaSettingsSchema,
  workspaceSchema,
} from '../../shared/schemas/quality.js';
import { z } from 'zod';
import { qaPolicy } from './policy.js';
import * as qa from './service.js';
import type { QaDeps } from './service.js';

export const qaRoutes: FastifyPluginAsyncZod<{ deps: QaDeps }> = async (app, { deps }) => {
  const db = deps.db;

  app.get('/api/qa/settings', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary: 'Sample sizes, pre-check limits, forbidden and greeting words, the appeal window',
      response: { 200: qaSettingsSchema },
    },
    handler: (request) => qa.qaSettingsOf(db, actorOf(request).shopId),
  });

  app.patch('/api/qa/settings', {
    config: { access: { permission: qaPolicy.manage } },
    schema: {
      tags: ['quality'],
      summary: 'Change the QA settings',
      body: updateQaSettingsSchema,
      response: { 200: qaSettingsSchema },
    },
    handler: (request) => qa.updateQaSettings(db, actorOf(request), request.body),
  });

  app.get('/api/qa/scorecards', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary: 'Every version of the scorecard, newest first (the active one is marked)',
      response: { 200: z.array(scorecardSchema) },
    },
    handler: (request) => qa.listScorecards(db, actorOf(request)),
  });

  app.post('/api/qa/scorecards', {
    config: { access: { permission: qaPolicy.manage } },
    schema: {
      tags: ['quality'],
      summary: 'Save the scorecard as a new version (items must add up to 100); old inspections keep theirs',
      body: saveScorecardSchema,
      response: { 201: scorecardSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await qa.saveScorecard(db, actorOf(request), request.body)),
  });

  app.post('/api/qa/samples/draw', {
    config: { access: { permission: qaPolicy.inspect } },
    schema: {
      tags: ['quality'],
      summary:
        "Draw the week's sample per agent (random plus rule-based picks); drawing again adds only new ones",
      body: drawSamplesSchema,
      response: { 200: drawSamplesResultSchema },
    },
    handler: (request) => qa.drawWeeklySample(deps, actorOf(request), request.body.week),
  });

  app.get('/api/qa/samples', {
    config: { access: { permission: qaPolicy.inspect } },
    schema: {
      tags: ['quality'],
      summary: 'The inspection queue: sampled chats and calls of a week with their pre-check marks',
      querystring: sampleQuerySchema,
      response: { 200: z.array(sampleSchema) },
    },
    handler: (request) => qa.listSamples(deps, actorOf(request), request.query),
  });

  app.get('/api/qa/samples/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary:
        'The inspection workspace: transcript or call record, pre-checks, scorecard, the inspection if any',
      params: idParams,
      response: { 200: workspaceSchema },
    },
    handler: (request) => qa.getWorkspace(deps, actorOf(request), request.params.id),
  });

  app.post('/api/qa/samples/:id/inspection', {
    config: { access: { permission: qaPolicy.inspect } },
    schema: {
      tags: ['quality'],
      summary:
        'Score a sampled record: points per item, comments anchored to messages; deduction charged weekly-capped',
      params: idParams,
      body: inspectSchema,
      response: { 201: inspectionSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await qa.inspectSample(deps, actorOf(request), request.params.id, request.body)),
  });

  app.get('/api/qa/inspections', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary: "Inspections: my own, or (inspectors, supervisors) anyone's",
      querystring: inspectionQuerySchema,
      response: { 200: inspectionListSchema },
    },
    handler: (request) => qa.listInspections(deps, actorOf(request), request.query),
  });

  app.get('/api/qa/inspections/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary: "One inspection (another agent's is 404)",
      params: idParams,
      response: { 200: inspectionSchema },
    },
    handler: (request) => qa.getInspection(deps, actorOf(request), request.params.id),
  });

  app.post('/api/qa/inspections/:id/appeal', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['quality'],
      summary: 'The inspected agent appeals within the window (default 3 workdays)',
      params: idParams,
      body: createAppealSchema,
      response: { 201: appealSchema },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await qa.appealInspection(deps, actorOf(request), request.params.id, request.body.reason)),
  });
};
