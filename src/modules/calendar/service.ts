// Business calendars: each shop's calendar as the pure business-time module reads it (cached per shop), and the
// admin use cases that change it: working hours, holidays and make-up days by hand or from an .ics file.
//
// Ownership: the time zone and the daily chat service hours stay on the shop (the shop settings page and chat
// routing already use them); the calendar presents them and changes them through the shops service, so there is
// one source of truth. The calendar's weekly service hours are those daily hours on every day (seed 001: holidays
// included). Working hours and the days are the calendar's own tables. A shop's calendar is created with the PRC
// 2025–2026 schedule the first time it is read.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { BusinessCalendarTable, CalendarDayTable, Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import {
  defaultBusinessCalendar,
  isWorkingTime,
  type BusinessCalendar,
  type WeeklyHours,
} from '../../shared/business-time.js';
import type {
  BusinessCalendarView,
  CalendarDay,
  createCalendarDayBodySchema,
  IcsImportResult,
  updateCalendarBodySchema,
  updateCalendarDayBodySchema,
} from '../../shared/schemas/calendar.js';
import { recordAudit } from '../audit/service.js';
import { serviceHoursCalendar } from '../routing/service-hours.js';
import { getShopCalendarSettings, updateShop } from '../shops/service.js';
import { prcCalendarDays } from './prc-holidays.js';
import * as repo from './repo.js';
import { parseIcs } from './rules.js';

type Db = Kysely<Database>;

interface CachedCalendar {
  stamp: string;
  calendar: BusinessCalendar;
}

const cache = new Map<string, CachedCalendar>();

/** Creates the shop's calendar with the default working hours and the PRC schedule unless it exists. */
async function ensureCalendar(db: Db, shopId: string): Promise<BusinessCalendarTable> {
  const existing = await repo.findCalendar(db, shopId);
  if (existing) return existing;
  await withTransaction(db, async (trx) => {
    const now = Date.now();
    const created = await repo.insertCalendarIfMissing(trx, {
      shopId,
      workingHours: JSON.stringify(defaultBusinessCalendar.workingHours),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) return;
    await repo.insertDays(
      trx,
      prcCalendarDays.map((day, index) => ({
        id: newId(now + index),
        shopId,
        date: day.date,
        kind: day.kind,
        name: day.name,
        source: 'prc' as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
  const row = await repo.findCalendar(db, shopId);
  if (!row) throw new Error(`calendar of shop ${shopId} was not created`);
  return row;
}

function toBusinessCalendar(
  row: BusinessCalendarTable,
  shop: Awaited<ReturnType<typeof getShopCalendarSettings>>,
  days: readonly CalendarDayTable[],
): BusinessCalendar {
  return {
    ...serviceHoursCalendar(shop.serviceHours),
    workingHours: JSON.parse(row.workingHours) as WeeklyHours,
    holidays: days.filter((day) => day.kind === 'holiday').map((day) => day.date),
    makeupWorkdays: days.filter((day) => day.kind === 'makeup_workday').map((day) => day.date),
  };
}

/**
 * The shop's business calendar for the business-time module: what every SLA clock, deadline and opening-time
 * question of other modules is computed on. Cached per shop; the cache entry is keyed by the calendar's version and
 * the shop's last change, so a change made on any server is seen at the next call.
 */
export async function getBusinessCalendar(db: Db, shopId: string): Promise<BusinessCalendar> {
  const row = await ensureCalendar(db, shopId);
  const shop = await getShopCalendarSettings(db, shopId);
  const stamp = `${row.version}:${shop.updatedAt}`;
  const cached = cache.get(shopId);
  if (cached?.stamp === stamp) return cached.calendar;
  const calendar = toBusinessCalendar(row, shop, await repo.listDays(db, shopId));
  isWorkingTime(calendar, row.updatedAt); // a stored calendar the arithmetic refuses fails here, not in a deadline
  cache.set(shopId, { stamp, calendar });
  return calendar;
}

function presentDay(day: CalendarDayTable): CalendarDay {
  return {
    id: day.id,
    date: day.date,
    kind: day.kind,
    name: day.name,
    source: day.source,
    updatedAt: new Date(day.updatedAt).toISOString(),
  };
}

export async function getCalendar(db: Db, actor: Actor): Promise<BusinessCalendarView> {
  const row = await ensureCalendar(db, actor.shopId);
  const shop = await getShopCalendarSettings(db, actor.shopId);
  const days = await repo.listDays(db, actor.shopId);
  const calendar = toBusinessCalendar(row, shop, days);
  const { timeZone: _zone, ...dailyServiceHours } = shop.serviceHours;
  return {
    timeZone: calendar.timeZone,
    workingHours: calendar.workingHours.map((spans) => [...spans]),
    serviceHours: calendar.serviceHours.map((spans) => [...spans]),
    dailyServiceHours,
    days: days.map(presentDay),
    version: row.version,
  };
}

async function touchCalendar(db: Db, shopId: string, now: number): Promise<void> {
  await repo.updateCalendar(db, shopId, {}, now);
}

export async function updateCalendar(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateCalendarBodySchema>,
): Promise<BusinessCalendarView> {
  await withTransaction(db, async (trx) => {
    const before = await ensureCalendar(trx, actor.shopId);
    if (input.timeZone !== undefined || input.serviceHours !== undefined) {
      await updateShop(trx, actor, {
        ...(input.timeZone !== undefined ? { timezone: input.timeZone } : {}),
        ...(input.serviceHours !== undefined ? { serviceHours: input.serviceHours } : {}),
      });
    }
    if (input.workingHours === undefined) return;
    const workingHours = JSON.stringify(input.workingHours);
    if (workingHours === before.workingHours) return;
    if (!input.workingHours.some((spans) => spans.length > 0)) throw new AppError('validation_failed');
    await repo.updateCalendar(trx, actor.shopId, { workingHours }, Date.now());
    await recordAudit(trx, auditActorOf(actor), {
      action: 'calendar.updated',
      entityType: 'calendar',
      entityId: actor.shopId,
      changes: { workingHours: [JSON.parse(before.workingHours), input.workingHours] },
    });
  });
  return getCalendar(db, actor);
}

async function loadDay(db: Db, actor: Actor, id: string): Promise<CalendarDayTable> {
  const day = await repo.findDay(db, actor.shopId, id);
  if (!day) throw notFound();
  return day;
}

/** Runs a change to the days, turning a second entry for one date into calendar_day_exists. */
async function changeDays<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(db, work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('calendar_day_exists');
    throw error;
  }
}

export async function createDay(
  db: Db,
  actor: Actor,
  input: z.output<typeof createCalendarDayBodySchema>,
): Promise<CalendarDay> {
  await ensureCalendar(db, actor.shopId);
  const now = Date.now();
  const row: CalendarDayTable = {
    id: newId(now),
    shopId: actor.shopId,
    ...input,
    source: 'manual',
    createdAt: now,
    updatedAt: now,
  };
  await changeDays(db, async (trx) => {
    await repo.insertDays(trx, [row]);
    await touchCalendar(trx, actor.shopId, now);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'calendar_day.created',
      entityType: 'calendar_day',
      entityId: row.id,
      changes: input,
    });
  });
  return presentDay(row);
}

export async function updateDay(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateCalendarDayBodySchema>,
): Promise<CalendarDay> {
  return changeDays(db, async (trx) => {
    const before = await loadDay(trx, actor, id);
    const changes = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => before[key as keyof typeof input] !== value),
    );
    if (Object.keys(changes).length === 0) return presentDay(before);
    const now = Date.now();
    await repo.updateDay(trx, actor.shopId, id, { ...input, source: 'manual', updatedAt: now });
    await touchCalendar(trx, actor.shopId, now);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'calendar_day.updated',
      entityType: 'calendar_day',
      entityId: id,
      changes: Object.fromEntries(
        Object.entries(changes).map(([key, value]) => [key, [before[key as keyof typeof input], value]]),
      ),
    });
    return presentDay(await loadDay(trx, actor, id));
  });
}

export async function deleteDay(db: Db, actor: Actor, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const day = await loadDay(trx, actor, id);
    await repo.deleteDay(trx, actor.shopId, id);
    await touchCalendar(trx, actor.shopId, Date.now());
    await recordAudit(trx, auditActorOf(actor), {
      action: 'calendar_day.deleted',
      entityType: 'calendar_day',
      entityId: id,
      changes: { date: day.date, kind: day.kind, name: day.name },
    });
  });
}

/**
 * Imports the holidays and make-up days of an .ics file (rules.ts says how events are read). Good events are stored
 * (a date already in the calendar takes the file's kind and name), bad ones are listed per event; a text that is not
 * an iCalendar file at all is refused with ics_invalid and changes nothing.
 */
export async function importIcs(db: Db, actor: Actor, content: string): Promise<IcsImportResult> {
  const parsed = parseIcs(content);
  if (!parsed.isCalendar) throw new AppError('ics_invalid');
  await ensureCalendar(db, actor.shopId);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await withTransaction(db, async (trx) => {
    const now = Date.now();
    const existing = new Map(
      (
        await repo.findDaysByDate(
          trx,
          actor.shopId,
          parsed.days.map((day) => day.date),
        )
      ).map((day) => [day.date, day]),
    );
    const fresh: CalendarDayTable[] = [];
    for (const day of parsed.days) {
      const before = existing.get(day.date);
      if (!before) {
        fresh.push({
          id: newId(now + fresh.length),
          shopId: actor.shopId,
          ...day,
          source: 'ics',
          createdAt: now,
          updatedAt: now,
        });
      } else if (before.kind === day.kind && before.name === day.name) {
        counts.unchanged++;
      } else {
        await repo.updateDay(trx, actor.shopId, before.id, {
          kind: day.kind,
          name: day.name,
          source: 'ics',
          updatedAt: now,
        });
        counts.updated++;
      }
    }
    await repo.insertDays(trx, fresh);
    counts.created = fresh.length;
    if (counts.created + counts.updated === 0) return;
    await touchCalendar(trx, actor.shopId, now);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'calendar.imported',
      entityType: 'calendar',
      entityId: actor.shopId,
      changes: { created: counts.created, updated: counts.updated, rejectedEvents: parsed.errors.length },
    });
  });
  return { ...counts, errors: parsed.errors, calendar: await getCalendar(db, actor) };
}
