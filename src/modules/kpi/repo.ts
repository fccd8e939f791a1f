// Queries of the metrics module's own tables: daily roll-ups, each entity's last contribution, score settings.
import { sql, type Kysely } from 'kysely';
import type { Database, KpiDailyTable } from '../../db/schema.js';
import { kpiCounterColumns } from '../../db/migrations/0012-metrics.js';
import { kpiCounterKeys, zeroCounters, type ContributionRow, type KpiCounters } from './rules.js';

type Db = Kysely<Database>;

/** Rows per statement: 28 columns each stays under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

export async function contributionsOf(db: Db, shopId: string, keys: readonly string[]) {
  const found = new Map<string, ContributionRow[]>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const rows = await db
      .selectFrom('kpiContributions')
      .select(['entityKey', 'data'])
      .where('shopId', '=', shopId)
      .where('entityKey', 'in', keys.slice(i, i + BATCH))
      .execute();
    for (const row of rows) found.set(row.entityKey, JSON.parse(row.data) as ContributionRow[]);
  }
  return found;
}

export async function storeContributions(
  db: Db,
  shopId: string,
  entries: readonly { key: string; rows: readonly ContributionRow[] }[],
  now: number,
): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    const values = entries.slice(i, i + BATCH).map((entry) => ({
      shopId,
      entityKey: entry.key,
      data: JSON.stringify(entry.rows),
      updatedAt: now,
    }));
    if (values.length === 0) continue;
    await db
      .insertInto('kpiContributions')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['shopId', 'entityKey']).doUpdateSet({
          data: (eb) => eb.ref('excluded.data'),
          updatedAt: (eb) => eb.ref('excluded.updatedAt'),
        }),
      )
      .execute();
  }
}

const increments = Object.fromEntries(
  kpiCounterKeys.map((key, index) => {
    const column = kpiCounterColumns[index] ?? '';
    return [key, sql`kpi_daily.${sql.ref(column)} + excluded.${sql.ref(column)}`];
  }),
);

/** Adds counters to roll-up cells (rows must have distinct day and agent: one statement may touch a cell once). */
export async function addToDaily(db: Db, shopId: string, rows: readonly ContributionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values: KpiDailyTable[] = rows
      .slice(i, i + BATCH)
      .map((row) => ({ shopId, day: row.day, agentId: row.agentId, ...zeroCounters(), ...row.counters }));
    if (values.length === 0) continue;
    await db
      .insertInto('kpiDaily')
      .values(values)
      .onConflict((oc) => oc.columns(['shopId', 'day', 'agentId']).doUpdateSet(increments))
      .execute();
  }
}

export async function clearRollups(db: Db, shopId: string): Promise<void> {
  await db.deleteFrom('kpiDaily').where('shopId', '=', shopId).execute();
  await db.deleteFrom('kpiContributions').where('shopId', '=', shopId).execute();
}

/** Sums come back as numbers (SQLite) or numeric strings (PostgreSQL). */
function countersOf(row: object): KpiCounters {
  const counters = zeroCounters();
  for (const key of kpiCounterKeys) counters[key] = Number((row as Record<string, unknown>)[key] ?? 0);
  return counters;
}

/** Counters summed per agent over the local days [from, to]. */
export async function sumsByAgent(db: Db, shopId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('kpiDaily')
    .select((eb) => ['agentId', ...kpiCounterKeys.map((key) => eb.fn.sum<number | string>(key).as(key))])
    .where('shopId', '=', shopId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('agentId')
    .execute();
  return new Map(rows.map((row) => [row.agentId, countersOf(row)]));
}

/** Counters summed per day over the agents given (all when null), for trends. */
export async function sumsByDay(db: Db, shopId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('kpiDaily')
    .select((eb) => ['day', ...kpiCounterKeys.map((key) => eb.fn.sum<number | string>(key).as(key))])
    .where('shopId', '=', shopId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, counters: countersOf(row) }));
}

export async function scoreSettingsOf(db: Db, shopId: string) {
  return db.selectFrom('kpiScoreSettings').selectAll().where('shopId', '=', shopId).executeTakeFirst();
}

export async function saveScoreSettings(
  db: Db,
  row: { shopId: string; items: string; updatedBy: string | null; updatedAt: number },
): Promise<void> {
  await db
    .insertInto('kpiScoreSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('shopId').doUpdateSet({
        items: row.items,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Whether the shop has any roll-up cell at all. */
export async function hasRollups(db: Db, shopId: string): Promise<boolean> {
  const row = await db
    .selectFrom('kpiDaily')
    .select('day')
    .where('shopId', '=', shopId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
