// Business calendars (issue 4): each shop's weekly working hours and its holidays and 调休 make-up days.
// The time zone and the daily chat service hours stay on `shops`; a shop's calendar row is created, with the PRC
// 2025–2026 schedule, the first time it is read (src/modules/calendar/service.ts), so no shop needs a manual step.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('business_calendars')
    .addColumn('shop_id', 'text', (c) => c.primaryKey().references('shops.id'))
    // JSON WeeklyHours (src/shared/business-time.ts): 7 lists of {start, end} spans, index 0 = Sunday.
    .addColumn('working_hours', 'text', (c) => c.notNull())
    // Bumped on every change to the calendar or its days: the per-shop cache key.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('calendar_days_date_unique', ['shop_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('business_calendars').execute();
}
