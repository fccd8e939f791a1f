// Pure rules of the discipline ledger (SPEC §9, seed 003): points with the repeat doubling, the month an entry
// counts in, monthly totals and the daily-report deadline. Points are kept in tenths (1.5 points = 15).
import { nextWorkday, type BusinessCalendar } from '../../shared/business-time.js';
import { parseLocalDate } from '../../shared/business-time.js';
import { fromZonedParts, toZonedParts } from '../../shared/zoned-time.js';

/** 'YYYY-MM' of `instant` in the shop's zone. */
export function monthOf(instant: number, timeZone: string): string {
  const parts = toZonedParts(instant, timeZone);
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}`;
}

/** The UTC instants a shop-local month 'YYYY-MM' starts and ends at. */
export function monthRange(month: string, timeZone: string): { start: number; end: number } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const start = fromZonedParts({ year, month: mon, day: 1 }, timeZone);
  const end = fromZonedParts(
    mon === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: mon + 1, day: 1 },
    timeZone,
  );
  return { start, end };
}

/**
 * Points for the `repeatNo`-th violation of a rule by one person in one month: the rule's points, doubled from
 * `doubleFrom` on (seed 003: 3次以上加倍处罚).
 */
export function pointsFor(basePoints: number, repeatNo: number, doubleFrom: number | null): number {
  return doubleFrom !== null && repeatNo >= doubleFrom ? basePoints * 2 : basePoints;
}

/** The sum of entries (reversals are negative), never below zero for a rule whose entries were all reversed. */
export function totalOf(entries: readonly { pointsTenths: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.pointsTenths, 0);
}

/** Tenths → points for display (15 → 1.5). */
export function toPoints(tenths: number): number {
  return Math.round(tenths) / 10;
}

/**
 * Seed 003: the daily data report of `day` must be in by 10:00 (`minutes` after midnight) of the next workday.
 */
export function dailyReportDeadline(calendar: BusinessCalendar, day: string, minutes: number): number {
  const next = parseLocalDate(nextWorkday(calendar, day));
  return fromZonedParts({ ...next, hour: Math.floor(minutes / 60), minute: minutes % 60 }, calendar.timeZone);
}
