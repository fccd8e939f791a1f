// Exports of the metrics table (issue 6): XLSX or CSV with the filter written above the table, contact details masked
// for exporters without customer.reveal_contact, formula-like text neutralised, and one audit entry per export in
// the same transaction (an export whose audit entry cannot be written is not delivered).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { displayValue, metricKeys, metricLabels } from '../../shared/metrics.js';
import type { Locale } from '../../shared/locales.js';
import type { MetricsQuery } from '../../shared/schemas/metrics.js';
import { recordAudit } from '../audit/service.js';
import { maskEmail, maskPhone } from '../customers/rules.js';
import { metricsReport } from '../kpi/service.js';
import { toCsv, toXlsx, type Cell } from './spreadsheet.js';

const phoneInText = /\+?\d[\d -]{9,18}\d/g;
const emailInText = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Phone numbers and e-mail addresses inside free text (names, notes), masked as the presenters mask them. */
export function maskContacts(text: string): string {
  return text
    .replace(emailInText, (email) => maskEmail(email))
    .replace(phoneInText, (phone) => maskPhone(phone));
}

const texts = {
  'zh-CN': {
    title: '客服绩效指标',
    period: '统计周期',
    kinds: { day: '自然日', week: '自然周', month: '自然月', range: '自定义' },
    source: '数据来源',
    sources: { rollups: '汇总表', raw: '原始事件重算' },
    exportedBy: '导出人',
    exportedAt: '导出时间 (UTC)',
    scope: '维度',
    scopes: { agent: '客服', group: '客服组', shop: '店铺' },
    name: '名称',
    employeeNo: '工号',
    score: '绩效得分',
  },
  en: {
    title: 'Customer-service metrics',
    period: 'Period',
    kinds: { day: 'day', week: 'week', month: 'month', range: 'custom range' },
    source: 'Source',
    sources: { rollups: 'roll-ups', raw: 'recomputed from raw events' },
    exportedBy: 'Exported by',
    exportedAt: 'Exported at (UTC)',
    scope: 'Scope',
    scopes: { agent: 'agent', group: 'group', shop: 'shop' },
    name: 'Name',
    employeeNo: 'Employee no.',
    score: 'Performance score',
  },
} as const;

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rowCount: number;
}

export function exportMetrics(
  db: Kysely<Database>,
  actor: Actor,
  query: MetricsQuery & { format: 'xlsx' | 'csv' },
  locale: Locale = actor.locale,
  now = Date.now(),
): Promise<ExportFile> {
  return withTransaction(db, async (trx) => {
    const table = await metricsReport(trx, actor.shopId, query);
    const t = texts[locale];
    const reveal = actor.permissions.has('customer.reveal_contact');
    const text = (value: string) => (reveal ? value : maskContacts(value));
    const { period } = table;
    const cells: Cell[][] = [
      [t.title],
      [t.period, `${t.kinds[period.kind]} ${period.from} ~ ${period.to}`],
      [t.source, t.sources[query.source]],
      [t.exportedBy, text(actor.displayName)],
      [t.exportedAt, new Date(now).toISOString()],
      [],
      [t.scope, t.name, t.employeeNo, ...metricKeys.map((key) => metricLabels[locale][key]), t.score],
      ...table.rows.map((row) => [
        t.scopes[row.scope],
        text(row.scope === 'shop' ? '' : row.name),
        row.employeeNo === null ? null : text(row.employeeNo),
        ...metricKeys.map((key) => displayValue(key, row.values[key] ?? null)),
        row.score ? Math.round(row.score.score * 100) / 100 : null,
      ]),
    ];
    await recordAudit(trx, auditActorOf(actor), {
      action: 'metrics.exported',
      entityType: 'metrics_export',
      entityId: null,
      changes: { format: query.format, filter: { ...period, source: query.source }, rows: table.rows.length },
    });
    const fileName = `metrics-${period.from}-${period.to}.${query.format}`;
    return query.format === 'csv'
      ? { fileName, contentType: 'text/csv; charset=utf-8', body: toCsv(cells), rowCount: table.rows.length }
      : {
          fileName,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: toXlsx(t.title, cells),
          rowCount: table.rows.length,
        };
  });
}
