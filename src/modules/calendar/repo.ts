// Queries of the business_calendars and calendar_days tables, always scoped to one shop.
import type { Kysely } from 'kysely';
import type { BusinessCalendarTable, CalendarDayTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export function findCalendar(db: Db, shopId: string): Promise<BusinessCalendarTable | undefined> {
  return db.selectFrom('businessCalendars').selectAll().where('shopId', '=', shopId).executeTakeFirst();
}

/** Inserts the row unless the shop already has one (two first reads at once). */
export async function insertCalendarIfMissing(db: Db, row: BusinessCalendarTable): Promise<boolean> {
  const result = await db
    .insertInto('businessCalendars')
    .values(row)
    .onConflict((oc) => oc.column('shopId').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateCalendar(
  db: Db,
  shopId: string,
  patch: Partial<Pick<BusinessCalendarTable, 'workingHours'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('businessCalendars')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updatedAt: now }))
    .where('shopId', '=', shopId)
    .execute();
}

export function listDays(db: Db, shopId: string): Promise<CalendarDayTable[]> {
  return db.selectFrom('calendarDays').selectAll().where('shopId', '=', shopId).orderBy('date').execute();
}

export function findDay(db: Db, shopId: string, id: string): Promise<CalendarDayTable | undefined> {
  return db
    .selectFrom('calendarDays')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDaysByDate(
  db: Db,
  shopId: string,
  dates: readonly string[],
): Promise<CalendarDayTable[]> {
  if (dates.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('calendarDays')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('date', 'in', dates)
    .execute();
}

export async function insertDays(db: Db, rows: readonly CalendarDayTable[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let index = 0; index < rows.length; index += 200) {
    await db
      .insertInto('calendarDays')
      .values(rows.slice(index, index + 200))
      .execute();
  }
}

export async function updateDay(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<Pick<CalendarDayTable, 'date' | 'kind' | 'name' | 'source' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('calendarDays').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

export async function deleteDay(db: Db, shopId: string, id: string): Promise<void> {
  await db.deleteFrom('calendarDays').where('shopId', '=', shopId).where('id', '=', id).execute();
}
