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
import { addZonedDays } from '../../shared/zoned-time.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { daysBetween, periodDays, zeroCounters } from '../kpi/rules.js';
import { dailyCounters, metricsTable } from '../kpi/service.js';
import { allShopIds, getChatSettings } from '../shops/service.js';
import { renderMonthlyReport, type MonthlyReportData } from './monthly.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

/** The month before the one that contains `day` ('YYYY-MM'). */
export function previousMonth(month: string): string {
  return formatLocalDate(addZonedDays(parseLocalDate(`${month}-01`), -1)).slice(0, 7);
}

export async function monthlyReportData(db: Db, shopId: string, month: string): Promise<MonthlyReportData> {
  const { from, to } = periodDays('month', `${month}-01`);
  const before = periodDays('month', `${previousMonth(month)}-01`);
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
    shopName: settings.name,
    month,
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
export async function generateMonthlyReport(
  db: Db,
  shopId: string,
  month: string,
  by: string | null,
  now: number,
) {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new AppError('validation_failed');
  const data = await monthlyReportData(db, shopId, month);
  const id = newId(now);
  await repo.saveReport(db, {
    id,
    shopId,
    kind: 'monthly',
    period: month,
    data: JSON.stringify(data),
    createdBy: by,
    createdAt: now,
  });
  return { id, kind: 'monthly' as const, period: month, createdAt: new Date(now).toISOString() };
}

export async function listMonthlyReports(db: Db, shopId: string) {
  return (await repo.listReports(db, shopId, 'monthly')).map((row) => ({
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

/**
 * On the first of each month (shop-local), the previous month's report is made once for every shop that has none;
 * checked every `intervalMs` on every node (a second node finds the report made and skips it).
 */
export function startMonthlyReports(deps: {
  db: Db;
  now: () => number;
  intervalMs: number;
  onError: (error: unknown) => void;
}): { stop: () => void; tick: () => Promise<void> } {
  const tick = async () => {
    for (const shopId of await allShopIds(deps.db)) {
      const calendar = await getBusinessCalendar(deps.db, shopId);
      const today = localDateOf(calendar, deps.now());
      if (!today.endsWith('-01')) continue;
      const month = previousMonth(today.slice(0, 7));
      if (await repo.findReportOfPeriod(deps.db, shopId, 'monthly', month)) continue;
      await generateMonthlyReport(deps.db, shopId, month, null, deps.now());
    }
  };
  const timer = setInterval(() => void tick().catch(deps.onError), deps.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
