// HTTP routes of the metrics: the table of agents, groups and the shop over a period, its export, score settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import {
  exportQuerySchema,
  historyChartsSchema,
  historyQuerySchema,
  metricsQuerySchema,
  metricsTableSchema,
  scoreSettingsSchema,
  updateScoreSettingsSchema,
  wallboardSchema,
} from '../../shared/schemas/metrics.js';
import { exportMetrics } from '../reports/export.js';
import { historyCharts } from './history.js';
import { metricsPolicy } from './policy.js';
import { metricsReport, scoreItemsOf, updateScoreSettings, wallboard } from './service.js';

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const tags = ['metrics'];

  app.get('/api/metrics', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary: 'SPEC §7 metrics of every agent, group and the shop for a day, week, month or custom range',
      querystring: metricsQuerySchema,
      response: { 200: metricsTableSchema },
    },
    handler: (request) => metricsReport(db, actorOf(request).shopId, request.query),
  });

  app.get('/api/metrics/wallboard', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'The live wallboard now: queue, presence, chats in progress, SLA alerts and reply figures of today',
      response: { 200: wallboardSchema },
    },
    handler: (request) => wallboard(db, actorOf(request).shopId, Date.now()),
  });

  app.get('/api/metrics/export', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'The metrics table as XLSX or CSV (filter in the file, contacts masked without the reveal permission; audited)',
      querystring: exportQuerySchema,
      response: { 200: z.any().describe('the file') },
    },
    handler: async (request, reply) => {
      const file = await exportMetrics(db, actorOf(request), request.query, request.locale);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body);
    },
  });

  app.get('/api/metrics/score-settings', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary: 'The metrics, weights and targets of the performance score',
      response: { 200: scoreSettingsSchema },
    },
    handler: async (request) => ({ items: await scoreItemsOf(db, actorOf(request).shopId) }),
  });

  app.put('/api/metrics/score-settings', {
    config: { access: { permission: metricsPolicy.manage } },
    schema: {
      tags,
      summary: 'Choose the metrics, weights and targets of the performance score',
      body: updateScoreSettingsSchema,
      response: { 200: scoreSettingsSchema },
    },
    handler: async (request) => ({
      items: await updateScoreSettings(db, actorOf(request), request.body.items),
    }),
  });

  app.get('/api/metrics/history', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'History charts of a period: volume by hour, business type and day, problem types, resolution results, satisfaction trend, complaint categories',
      querystring: historyQuerySchema,
      response: { 200: historyChartsSchema },
    },
    handler: (request) => historyCharts(db, actorOf(request).shopId, request.query),
  });
};
