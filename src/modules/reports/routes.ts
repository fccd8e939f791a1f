// HTTP routes of the reports: the history of monthly analysis reports, making one, its page (HTML) and its PDF.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  generateMonthlyReportSchema,
  generateReportSchema,
  reportListQuerySchema,
  reportSummarySchema,
} from '../../shared/schemas/metrics.js';
import { metricsPolicy } from '../kpi/policy.js';
import {
  generateMonthlyReport,
  generateReport,
  listMonthlyReports,
  listReportsOf,
  reportHtml,
  reportPdf,
} from './service.js';

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const chromiumPath = app.deps.config.reportChromiumPath;
  const tags = ['reports'];

  app.get('/api/reports/monthly', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary: 'The monthly analysis reports made so far, newest month first',
      response: { 200: z.object({ items: z.array(reportSummarySchema) }) },
    },
    handler: async (request) => ({ items: await listMonthlyReports(db, actorOf(request).shopId) }),
  });

  app.post('/api/reports/monthly', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary: "Make (or make again) a month's analysis report from the metrics roll-ups",
      body: generateMonthlyReportSchema,
      response: { 201: reportSummarySchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      return reply
        .code(201)
        .send(await generateMonthlyReport(db, actor.shopId, request.body.month, actor.userId, Date.now()));
    },
  });

  app.get('/api/reports', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'The history of reports (daily data reports, weekly summaries, monthly analyses), newest first',
      querystring: reportListQuerySchema,
      response: { 200: z.object({ items: z.array(reportSummarySchema) }) },
    },
    handler: async (request) => ({
      items: await listReportsOf(
        db,
        actorOf(request).shopId,
        request.query.kind ? [request.query.kind] : ['daily', 'weekly', 'monthly'],
      ),
    }),
  });

  app.post('/api/reports', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'Make (or make again) a daily report, weekly summary or monthly analysis from the metrics roll-ups',
      body: generateReportSchema,
      response: { 201: reportSummarySchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { kind, period } = request.body;
      return reply
        .code(201)
        .send(await generateReport(db, actor.shopId, kind, period, actor.userId, Date.now()));
    },
  });

  app.get('/api/reports/:id/html', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary: 'The report as a page (purpose, method, results with charts, conclusions)',
      params: idParams,
      response: { 200: z.string() },
    },
    handler: async (request, reply) => {
      const html = await reportHtml(db, actorOf(request).shopId, request.params.id, request.locale);
      // Shown in the app's frame: its own inline styles and SVG, nothing else, and only inside Kefu's pages.
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
        )
        .header('x-frame-options', 'SAMEORIGIN')
        .send(html);
    },
  });

  app.get('/api/reports/:id/pdf', {
    config: { access: { permission: metricsPolicy.read } },
    schema: {
      tags,
      summary:
        'The report as a PDF, printed by Chromium (503 report_pdf_unavailable when the server has none)',
      params: idParams,
      response: { 200: z.any().describe('application/pdf') },
    },
    handler: async (request, reply) => {
      const html = await reportHtml(db, actorOf(request).shopId, request.params.id, request.locale);
      const pdf = await reportPdf(html, chromiumPath);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="report-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });
};
