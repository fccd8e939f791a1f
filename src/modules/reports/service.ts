// Reports (issue 6): the monthly analysis report made on demand and on the first of each month, kept with its
// figures as a history; shown as a page and printed to PDF by Chromium when the server has one.
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type * as PlaywrightCore from 'playwright-core';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/locales.js';
import { formatLocalDate, localDateOf, parseLocalDate } from '../../shared/business-time.js';
import { addZonedDays, toZonedParts, weekdayOf } from '../../shared/zoned-time.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { daysBetween, periodDays, zeroCounters } from '../kpi/rules.js';
import { dailyCounters, metricsTable } from '../kpi/service.js';
import { allShopIds, getChatSettings } from '../shops/service.js';
import { renderMonthlyReport, type MonthlyReportData, type ReportKind } from './monthly.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

/** The month before the one that contains `day` ('YYYY-MM'). */
export function previousMonth(month: string): string {
  return formatLocalDate(addZonedDays(parseLocalDate(`${month}-01`), -1)).slice(0, 7);
}

const dayBefore = (day: string, days: number) => formatLocalDate(addZonedDays(parseLocalDate(day), -days));

/**
 * The local days a report covers and the ones it is compared with: a daily report a day ('YYYY-MM-DD') against the
 * day before, a weekly summary the ISO week starting on a Monday ('YYYY-MM-DD') against the week before, a monthly
 * report a month ('YYYY-MM') against the month before.
 */
export function reportPeriod(kind: ReportKind, period: string) {
  if (kind === 'monthly') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new AppError('validation_failed');
    return {
      current: periodDays('month', `${period}-01`),
      previous: periodDays('month', `${previousMonth(period)}-01`),
    };
  }
  let current: { from: string; to: string };
  try {
    current = periodDays(kind === 'daily' ? 'day' : 'week', period);
  } catch {
    throw new AppError('validation_failed');
  }
  if (kind === 'weekly' && current.from !== period) throw new AppError('validation_failed');
  const back = kind === 'daily' ? 1 : 7;
  return {
    current,
    previous: { from: dayBefore(current.from, back), to: dayBefore(current.to, back) },
  };
}

export function monthlyReportData(db: Db, shopId: string, month: string): Promise<MonthlyReportData> {
  return reportData(db, shopId, 'monthly', month);
}

export async function reportData(
  db: Db,
  shopId: string,
  kind: ReportKind,
  period: string,
): Promise<MonthlyReportData> {
  const {
    current: { from, to },
    previous: before,
  } = reportPeriod(kind, period);
  const [rows, previous, days, settings, calendar] = await Promise.all([
    metricsTable(db, shopId, from, to),
    metricsTable(db, shopId, before.from, before.to),
    dailyCounters(db, shopId, from, to),
    getChatSettings(db, shopId),
    getBusinessCalendar(db, shopId),
  ]);
  const shopRow = (list: typeof rows) => list.find((row) => row.scope === 'shop');
  const empty = rows[0]?.values;
  if (!empty) throw new Error('metrics table without rows');
  return {
    kind,
    shopName: settings.name,
    month: period,
    from,
    to,
    timeZone: calendar.timeZone,
    shop: shopRow(rows)?.values ?? empty,
    previousShop: shopRow(previous)?.values ?? empty,
    groups: rows
      .filter((row) => row.scope === 'group')
      .map((row) => ({ name: row.name, values: row.values })),
    agents: rows
      .filter((row) => row.scope === 'agent' && (row.values.consultingCustomers ?? 0) > 0)
      .sort((a, b) => (b.values.consultingCustomers ?? 0) - (a.values.consultingCustomers ?? 0))
      .map((row) => ({ name: row.name, values: row.values })),
    // every day of the month, quiet ones as zero, so the charts' time axis is the whole month
    days: daysBetween(from, to).map(
      (day) => days.find((d) => d.day === day) ?? { day, counters: zeroCounters() },
    ),
  };
}

/** Makes (or makes again) the monthly report of `month` ('YYYY-MM') from the roll-ups. */
export function generateMonthlyReport(db: Db, shopId: string, month: string, by: string | null, now: number) {
  return generateReport(db, shopId, 'monthly', month, by, now);
}

/** Makes (or makes again) a daily, weekly or monthly report from the roll-ups; its figures are kept with it. */
export async function generateReport(
  db: Db,
  shopId: string,
  kind: ReportKind,
  period: string,
  by: string | null,
  now: number,
) {
  const data = await reportData(db, shopId, kind, period);
  const id = newId(now);
  await repo.saveReport(db, {
    id,
    shopId,
    kind,
    period,
    data: JSON.stringify(data),
    createdBy: by,
    createdAt: now,
  });
  return { id, kind, period, createdAt: new Date(now).toISOString() };
}

export function listMonthlyReports(db: Db, shopId: string) {
  return listReportsOf(db, shopId, ['monthly']);
}

/** The reports made so far of some kinds, newest period first. */
export async function listReportsOf(db: Db, shopId: string, kinds: readonly ReportKind[]) {
  return (await repo.listReports(db, shopId, kinds)).map((row) => ({
    id: row.id,
    kind: row.kind,
    period: row.period,
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}

export async function reportHtml(db: Db, shopId: string, id: string, locale: Locale): Promise<string> {
  const row = await repo.findReport(db, shopId, id);
  if (!row) throw notFound();
  return renderMonthlyReport(JSON.parse(row.data) as MonthlyReportData, locale);
}

/** The report printed by Chromium (playwright-core, loaded only when asked for), or report_pdf_unavailable. */
export async function reportPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!existsSync(chromiumPath)) throw new AppError('report_pdf_unavailable');
  let playwright: typeof PlaywrightCore;
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new AppError('report_pdf_unavailable');
  }
  const { chromium } = playwright;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm' } });
  } finally {
    await browser.close();
  }
}

/** From this local hour on, the day's scheduled reports are made (seed 003: the daily report is due by 10:00). */
const REPORT_HOUR = 6;

/**
 * Every morning (shop-local, from 06:00) the previous day's daily report; on Mondays the previous week's summary; on
 * the first of each month the previous month's report: each made once for every shop that has none, checked every
 * `intervalMs` on every node (a second node finds the report made and skips it).
 */
export function startScheduledReports(deps: {
  db: Db;
  now: () => number;
  intervalMs: number;
  onError: (error: unknown) => void;
}): { stop: () => void; tick: () => Promise<void> } {
  const tick = async () => {
    for (const shopId of await allShopIds(deps.db)) {
      const calendar = await getBusinessCalendar(deps.db, shopId);
      const now = deps.now();
      const today = localDateOf(calendar, now);
      if (toZonedParts(now, calendar.timeZone).hour < REPORT_HOUR) continue;
      const due: [ReportKind, string][] = [['daily', dayBefore(today, 1)]];
      if (weekdayOf(parseLocalDate(today)) === 1) due.push(['weekly', dayBefore(today, 7)]);
      if (today.endsWith('-01')) due.push(['monthly', previousMonth(today.slice(0, 7))]);
      for (const [kind, period] of due) {
        if (await repo.findReportOfPeriod(deps.db, shopId, kind, period)) continue;
        await generateReport(deps.db, shopId, kind, period, null, now);
      }
    }
  };
  const timer = setInterval(() => void tick().catch(deps.onError), deps.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
