// Queries of the discipline_rules, discipline_entries, appeals and daily_reports tables, always scoped to one shop.
import type { Kysely } from 'kysely';
import type {
  AppealTable,
  DailyReportTable,
  Database,
  DisciplineEntryTable,
  DisciplineRuleTable,
} from '../../db/schema.js';
import type { AppealStatus, AppealSubjectKind } from '../../shared/quality.js';

type Db = Kysely<Database>;

export function listRules(db: Db, shopId: string): Promise<DisciplineRuleTable[]> {
  return db.selectFrom('disciplineRules').selectAll().where('shopId', '=', shopId).execute();
}

export async function insertRuleIfAbsent(db: Db, row: DisciplineRuleTable): Promise<void> {
  await db
    .insertInto('disciplineRules')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'key']).doNothing())
    .execute();
}

export async function updateRule(db: Db, shopId: string, id: string, patch: Partial<DisciplineRuleTable>) {
  await db
    .updateTable('disciplineRules')
    .set(patch)
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .execute();
}

/** false when an entry with the same dedupe key exists (detection ran before). */
export async function insertEntryIfNew(db: Db, row: DisciplineEntryTable): Promise<boolean> {
  const inserted = await db
    .insertInto('disciplineEntries')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'dedupeKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function entryByDedupeKey(db: Db, shopId: string, dedupeKey: string) {
  return db
    .selectFrom('disciplineEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('dedupeKey', '=', dedupeKey)
    .executeTakeFirst();
}

export function findEntry(db: Db, shopId: string, id: string): Promise<DisciplineEntryTable | undefined> {
  return db
    .selectFrom('disciplineEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Violations of one rule by one person in one month that no reversal cancelled. */
export async function countStandingViolations(
  db: Db,
  shopId: string,
  userId: string,
  ruleKey: string,
  month: string,
): Promise<number> {
  const row = await db
    .selectFrom('disciplineEntries as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.shopId', '=', shopId)
    .where('e.userId', '=', userId)
    .where('e.ruleKey', '=', ruleKey)
    .where('e.month', '=', month)
    .where('e.kind', '=', 'violation')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('disciplineEntries as r').select('r.id').whereRef('r.reversesId', '=', 'e.id'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listEntries(db: Db, shopId: string, filter: { month: string; userId?: string | undefined }) {
  let query = db
    .selectFrom('disciplineEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('month', '=', filter.month);
  if (filter.userId) query = query.where('userId', '=', filter.userId);
  return query.orderBy('occurredAt', 'desc').orderBy('id', 'desc').limit(2000).execute();
}

export function reversalsOf(db: Db, shopId: string, entryIds: string[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('disciplineEntries')
    .select(['id', 'reversesId'])
    .where('shopId', '=', shopId)
    .where('reversesId', 'in', entryIds)
    .execute();
}

export function sumOfMonth(db: Db, shopId: string, userId: string, month: string, ruleKey?: string) {
  let query = db
    .selectFrom('disciplineEntries')
    .select((eb) => eb.fn.sum<number>('pointsTenths').as('total'))
    .where('shopId', '=', shopId)
    .where('userId', '=', userId)
    .where('month', '=', month);
  if (ruleKey) query = query.where('ruleKey', '=', ruleKey);
  return query.executeTakeFirstOrThrow().then((row) => Number(row.total ?? 0));
}

export async function insertAppeal(db: Db, row: AppealTable): Promise<boolean> {
  const inserted = await db
    .insertInto('appeals')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'subjectKind', 'subjectId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findAppeal(db: Db, shopId: string, id: string): Promise<AppealTable | undefined> {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function appealsOf(db: Db, shopId: string, kind: AppealSubjectKind, subjectIds: string[]) {
  if (subjectIds.length === 0) return Promise.resolve([] as AppealTable[]);
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('subjectKind', '=', kind)
    .where('subjectId', 'in', subjectIds)
    .execute();
}

export function listAppeals(db: Db, shopId: string, filter: { status?: AppealStatus; userId?: string }) {
  let query = db.selectFrom('appeals').selectAll().where('shopId', '=', shopId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.userId) query = query.where('userId', '=', filter.userId);
  return query.orderBy('createdAt', 'desc').limit(500).execute();
}

/** Decides a pending appeal; false when it was decided meanwhile. */
export async function decideAppeal(db: Db, id: string, patch: Partial<AppealTable>): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertDailyReport(db: Db, row: DailyReportTable): Promise<boolean> {
  const inserted = await db
    .insertInto('dailyReports')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'userId', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function dailyReportsBetween(db: Db, shopId: string, fromDay: string, toDay: string, userId?: string) {
  let query = db
    .selectFrom('dailyReports')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay);
  if (userId) query = query.where('userId', '=', userId);
  return query.orderBy('day', 'desc').execute();
}
