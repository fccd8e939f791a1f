// The metrics of SPEC §7: the table for a period, the live wallboard, the performance-score settings, exports.
import { z } from 'zod';
import {
  historyChartsSchema,
  metricsTableSchema,
  reportSummarySchema,
  scoreSettingsSchema,
  wallboardSchema,
  type metricsQuerySchema,
  type ScoreItemInput,
} from '@shared/schemas/metrics.js';
import { autoAnswerRatesSchema } from '@shared/schemas/knowledge.js';
import { apiRequest } from './client';

export type MetricsQuery = Pick<z.input<typeof metricsQuerySchema>, 'period' | 'from' | 'to'>;

const queryOf = (query: MetricsQuery) => ({ period: query.period, from: query.from, to: query.to });

export const getMetrics = (query: MetricsQuery) =>
  apiRequest('/api/metrics', { query: queryOf(query), schema: metricsTableSchema });

export const getWallboard = () => apiRequest('/api/metrics/wallboard', { schema: wallboardSchema });

export const getScoreSettings = () =>
  apiRequest('/api/metrics/score-settings', { schema: scoreSettingsSchema });

export const saveScoreSettings = (items: ScoreItemInput[]) =>
  apiRequest('/api/metrics/score-settings', { method: 'PUT', body: { items }, schema: scoreSettingsSchema });

/** The export is a plain GET (no state changes but the audit entry), so a link downloads it with the session cookie. */
export function exportUrl(query: MetricsQuery, format: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams({ period: query.period ?? 'day', from: query.from, format });
  if (query.to) params.set('to', query.to);
  return `/api/metrics/export?${params.toString()}`;
}

const reportListSchema = z.object({ items: z.array(reportSummarySchema) });

export const listMonthlyReports = async () =>
  (await apiRequest('/api/reports/monthly', { schema: reportListSchema })).items;

/** Every report made so far: daily data reports, weekly summaries and monthly analyses, newest first. */
export const listReports = async () => (await apiRequest('/api/reports', { schema: reportListSchema })).items;

export const generateMonthlyReport = (month: string) =>
  apiRequest('/api/reports/monthly', { method: 'POST', body: { month }, schema: reportSummarySchema });

export const getHistoryCharts = (query: MetricsQuery) =>
  apiRequest('/api/metrics/history', { query: queryOf(query), schema: historyChartsSchema });

/** FAQ auto-answers between two instants: answer, hand-over and solved rates (supervisors). */
export const getAutoAnswerRates = (from: number, to: number) =>
  apiRequest('/api/assist/auto-answer-rates', {
    query: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    schema: autoAnswerRatesSchema,
  });
