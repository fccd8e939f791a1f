// Queries of the qa_settings, qa_scorecards, qa_samples and qa_inspections tables, always scoped to one shop.
import type { Kysely } from 'kysely';
import type {
  Database,
  QaInspectionTable,
  QaSampleTable,
  QaScorecardTable,
  QaSettingsTable,
} from '../../db/schema.js';

type Db = Kysely<Database>;

export function findSettings(db: Db, shopId: string): Promise<QaSettingsTable | undefined> {
  return db.selectFrom('qaSettings').selectAll().where('shopId', '=', shopId).executeTakeFirst();
}

export async function upsertSettings(db: Db, row: QaSettingsTable): Promise<void> {
  const { shopId: _shopId, ...rest } = row;
  await db
    .insertInto('qaSettings')
    .values(row)
    .onConflict((oc) => oc.column('shopId').doUpdateSet(rest))
    .execute();
}

export function listScorecards(db: Db, shopId: string): Promise<QaScorecardTable[]> {
  return db
    .selectFrom('qaScorecards')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('version', 'desc')
    .execute();
}

export function findScorecard(db: Db, shopId: string, id: string): Promise<QaScorecardTable | undefined> {
  return db
    .selectFrom('qaScorecards')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function activeScorecard(db: Db, shopId: string): Promise<QaScorecardTable | undefined> {
  return db
    .selectFrom('qaScorecards')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('active', '=', 1)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function insertScorecardIfAbsent(db: Db, row: QaScorecardTable): Promise<boolean> {
  const inserted = await db
    .insertInto('qaScorecards')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deactivateScorecards(db: Db, shopId: string): Promise<void> {
  await db.updateTable('qaScorecards').set({ active: 0 }).where('shopId', '=', shopId).execute();
}

export async function insertSampleIfNew(db: Db, row: QaSampleTable): Promise<boolean> {
  const inserted = await db
    .insertInto('qaSamples')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'subjectKind', 'subjectId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function listSamples(
  db: Db,
  shopId: string,
  filter: { week: string; status: 'open' | 'done' | 'all'; agentId?: string | undefined },
): Promise<QaSampleTable[]> {
  let query = db
    .selectFrom('qaSamples')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('week', '=', filter.week);
  if (filter.status === 'open') query = query.where('inspectionId', 'is', null);
  if (filter.status === 'done') query = query.where('inspectionId', 'is not', null);
  if (filter.agentId) query = query.where('agentId', '=', filter.agentId);
  return query.orderBy('agentId').orderBy('subjectAt').execute();
}

export function findSample(db: Db, shopId: string, id: string): Promise<QaSampleTable | undefined> {
  return db
    .selectFrom('qaSamples')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks the sample inspected; false when another inspector was first. */
export async function claimSample(db: Db, id: string, inspectionId: string): Promise<boolean> {
  const result = await db
    .updateTable('qaSamples')
    .set({ inspectionId })
    .where('id', '=', id)
    .where('inspectionId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertInspection(db: Db, row: QaInspectionTable): Promise<void> {
  await db.insertInto('qaInspections').values(row).execute();
}

export async function setInspectionEntry(db: Db, id: string, ledgerEntryId: string | null): Promise<void> {
  await db.updateTable('qaInspections').set({ ledgerEntryId }).where('id', '=', id).execute();
}

export function findInspection(db: Db, shopId: string, id: string): Promise<QaInspectionTable | undefined> {
  return db
    .selectFrom('qaInspections')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listInspections(
  db: Db,
  shopId: string,
  filter: { agentId?: string | undefined; week?: string | undefined; from?: number; limit: number },
): Promise<QaInspectionTable[]> {
  let query = db.selectFrom('qaInspections').selectAll().where('shopId', '=', shopId);
  if (filter.agentId) query = query.where('agentId', '=', filter.agentId);
  if (filter.week) query = query.where('week', '=', filter.week);
  if (filter.from !== undefined) query = query.where('inspectedAt', '>=', filter.from);
  return query.orderBy('inspectedAt', 'desc').limit(filter.limit).execute();
}
