// API schemas of the metrics (SPEC §7): the metrics table, the performance score and its settings, exports.
import { z } from 'zod';
import { metricKeys } from '../metrics.js';
import { workOrderTypes } from '../work-orders.js';

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const metricKeySchema = z.enum(metricKeys);

export const metricsQuerySchema = z.strictObject({
  period: z
    .enum(['day', 'week', 'month', 'range'])
    .default('day')
    .describe('natural day, ISO week (Monday first) or month containing `from`, or the custom range from–to'),
  from: localDay.describe("a local day in the shop's time zone"),
  to: localDay.optional().describe('last day of a custom range (inclusive)'),
  source: z
    .enum(['rollups', 'raw'])
    .default('rollups')
    .describe('rollups: the daily roll-ups (fast); raw: recomputed from the raw events (slow, for checks)'),
});
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const exportQuerySchema = metricsQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const metricValuesSchema = z.record(metricKeySchema, z.number().nullable());

export const scoreItemSchema = z.strictObject({
  metric: metricKeySchema,
  weight: z.number().min(0).max(100),
  target: z.number().min(0),
});
export type ScoreItemInput = z.infer<typeof scoreItemSchema>;

export const scoreSettingsSchema = z.object({ items: z.array(scoreItemSchema).max(metricKeys.length) });
export const updateScoreSettingsSchema = z.strictObject({
  items: z
    .array(scoreItemSchema)
    .max(metricKeys.length)
    .refine((items) => new Set(items.map((item) => item.metric)).size === items.length, 'each metric once'),
});

export const scoreSchema = z.object({
  score: z.number(),
  items: z.array(
    z.object({
      metric: metricKeySchema,
      value: z.number().nullable(),
      target: z.number(),
      weight: z.number(),
      achievement: z.number(),
      points: z.number(),
    }),
  ),
});

export const metricsRowSchema = z.object({
  scope: z.enum(['agent', 'group', 'shop']),
  id: z.string(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  values: metricValuesSchema,
  score: scoreSchema.nullable().describe('agents only, when the shop has chosen score metrics'),
});
export type MetricsRow = z.infer<typeof metricsRowSchema>;

export const metricsTableSchema = z.object({
  period: z.object({ kind: z.enum(['day', 'week', 'month', 'range']), from: localDay, to: localDay }),
  rows: z.array(metricsRowSchema),
});
export type MetricsTable = z.infer<typeof metricsTableSchema>;

/** An unusual rise today against the shop's own last 28 days (docs/metrics.md §7). */
export const earlyWarningSchema = z.object({
  kind: z.enum(['complaints', 'complaint_category', 'volume']),
  category: z.string().nullable().describe('the complaint category, for complaint_category'),
  day: localDay,
  count: z.number().int(),
  baseline: z.number().describe('mean daily count of the baseline days'),
});
export type EarlyWarning = z.infer<typeof earlyWarningSchema>;

/** The live wallboard of a shop (pushed as metrics:wallboard; drop a payload older than the one held). */
export const wallboardSchema = z.object({
  version: z.number().describe('the instant it was computed (ms); newer replaces older'),
  day: localDay,
  queueLength: z.number().int(),
  longestWaitSeconds: z.number().nullable(),
  presence: z.object({ online: z.number(), busy: z.number(), away: z.number(), offline: z.number() }),
  chatsInProgress: z.number().int(),
  slaWarningsToday: z.number().int(),
  slaBreachesToday: z.number().int(),
  consultingCustomersToday: z.number().int(),
  replyRateToday: z.number().nullable(),
  avgFirstResponseSecondsToday: z.number().nullable(),
  warnings: z.array(earlyWarningSchema),
});
export type Wallboard = z.infer<typeof wallboardSchema>;

export const reportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['monthly', 'daily', 'weekly']),
  period: z
    .string()
    .describe("'YYYY-MM' for a monthly report, the day for a daily report, the Monday for a weekly summary"),
  createdAt: z.iso.datetime(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const generateMonthlyReportSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});

export const historyQuerySchema = metricsQuerySchema.omit({ source: true });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

const countOf = <T extends z.ZodType>(key: T) => z.array(z.object({ key, count: z.number().int() }));

/** The history charts of a period (docs/metrics.md §8). */
export const historyChartsSchema = z.object({
  period: z.object({ kind: z.string(), from: localDay, to: localDay }),
  byHour: z
    .array(z.number().int())
    .length(24)
    .describe("chats begun in each hour of the day (shop's time zone), index 0 = 00:00–00:59"),
  byBusinessType: countOf(z.enum(workOrderTypes)).describe('work orders created, per business type'),
  trend: z
    .array(
      z.object({
        day: localDay,
        consultations: z.number().int(),
        calls: z.number().int(),
        workOrders: z.number().int(),
        goodRatingRate: z.number().nullable().describe('good ratings / ratings of the day, 0–1'),
        ratings: z.number().int(),
      }),
    )
    .describe('every day of the period (volume trend and satisfaction trend)'),
  problemTypes: countOf(z.string()).describe(
    "chats by the assist module's problem type; work orders without a classified chat by 'work_order:<type>'",
  ),
  resolution: z.object({
    resolved: z.number().int(),
    partly: z.number().int(),
    unresolved: z.number().int(),
  }),
  complaintCategories: countOf(z.string()).describe("complaints created, per category ('other' when unset)"),
});
export type HistoryCharts = z.infer<typeof historyChartsSchema>;

export const reportKindSchema = z.enum(['daily', 'weekly', 'monthly']);

export const reportListQuerySchema = z.strictObject({ kind: reportKindSchema.optional() });

export const generateReportSchema = z.strictObject({
  kind: reportKindSchema,
  period: z
    .string()
    .describe("daily: the day 'YYYY-MM-DD'; weekly: its Monday 'YYYY-MM-DD'; monthly: 'YYYY-MM'"),
});
