// HTTP routes of the discipline ledger: rules, the monthly ledger, manual entries, detection runs, appeals of
// entries and inspections (deciding them), and daily data reports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  appealListSchema,
  appealQuerySchema,
  appealSchema,
  createAppealSchema,
  dailyReportListSchema,
  dailyReportSchema,
  decideAppealSchema,
  detectResultSchema,
  detectSchema,
  disciplineRuleSchema,
  ledgerEntrySchema,
  ledgerQuerySchema,
  ledgerSchema,
  manualEntrySchema,
  submitDailyReportSchema,
  updateDisciplineRuleSchema,
} from '../../shared/schemas/quality.js';
import { disciplinePolicy } from './policy.js';
import * as discipline from './service.js';
import type { DisciplineDeps } from './service.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const disciplineRoutes: FastifyPluginAsyncZod<{ deps: DisciplineDeps }> = async (app, { deps }) => {
  const db = deps.db;

  app.get('/api/discipline/rules', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: 'The rules of SPEC §9 with their points, doubling and limits',
      response: { 200: z.array(disciplineRuleSchema) },
    },
    handler: (request) => discipline.listRules(db, actorOf(request)),
  });

  app.patch('/api/discipline/rules/:id', {
    config: { access: { permission: disciplinePolicy.manage } },
    schema: {
      tags: ['discipline'],
      summary: 'Change a rule (points, supervisor points, doubling, limit, on/off)',
      params: idParams,
      body: updateDisciplineRuleSchema,
      response: { 200: disciplineRuleSchema },
    },
    handler: (request) => discipline.updateRule(db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/discipline/ledger', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: "A month's entries and totals per person: my own, or everyone's with discipline.manage",
      querystring: ledgerQuerySchema,
      response: { 200: ledgerSchema },
    },
    handler: (request) => discipline.getLedger(deps, actorOf(request), request.query),
  });

  app.get('/api/discipline/entries/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: "One ledger entry with its evidence (another agent's is 404)",
      params: idParams,
      response: { 200: ledgerEntrySchema },
    },
    handler: (request) => discipline.getEntry(db, actorOf(request), request.params.id),
  });

  app.post('/api/discipline/entries', {
    config: { access: { permission: disciplinePolicy.manage } },
    schema: {
      tags: ['discipline'],
      summary: 'Add a violation by hand with its evidence',
      body: manualEntrySchema,
      response: { 201: ledgerEntrySchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await discipline.addManualEntry(deps, actorOf(request), request.body)),
  });

  app.post('/api/discipline/entries/:id/appeal', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: 'Appeal one of my entries (within 3 workdays of it being recorded)',
      params: idParams,
      body: createAppealSchema,
      response: { 201: appealSchema },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await discipline.appealEntry(deps, actorOf(request), request.params.id, request.body.reason)),
  });

  app.post('/api/discipline/detect', {
    config: { access: { permission: disciplinePolicy.manage } },
    schema: {
      tags: ['discipline'],
      summary: 'Run automatic detection now over a range (default the last 8 days); idempotent',
      body: detectSchema,
      response: { 200: detectResultSchema },
    },
    handler: (request) => {
      const actor = actorOf(request);
      const now = deps.now();
      const from = request.body.from ? Date.parse(request.body.from) : now - 8 * 86_400_000;
      const to = request.body.to ? Date.parse(request.body.to) : now;
      return discipline.detectViolations(deps, actor.shopId, { from, to });
    },
  });

  app.get('/api/appeals', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: "Appeals: my own, or everyone's to decide with discipline.manage",
      querystring: appealQuerySchema,
      response: { 200: appealListSchema },
    },
    handler: (request) => discipline.listAppeals(db, actorOf(request), request.query.status),
  });

  app.post('/api/appeals/:id/decision', {
    config: { access: { permission: disciplinePolicy.manage } },
    schema: {
      tags: ['discipline'],
      summary: 'Uphold (the points are reversed by a new entry) or reject an appeal',
      params: idParams,
      body: decideAppealSchema,
      response: { 200: appealSchema },
    },
    handler: (request) => discipline.decideAppeal(deps, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/daily-reports', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary:
        "Daily data reports with their deadline (10:00 next workday): mine, or anyone's for supervisors",
      querystring: z.strictObject({
        userId: z.string().max(64).optional(),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
      response: { 200: dailyReportListSchema },
    },
    handler: (request) => discipline.listDailyReports(deps, actorOf(request), request.query),
  });

  app.post('/api/daily-reports', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['discipline'],
      summary: "Submit a day's data report (mine, or an agent's by a supervisor)",
      body: submitDailyReportSchema,
      response: { 201: dailyReportSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await discipline.submitDailyReport(deps, actorOf(request), request.body)),
  });
};
