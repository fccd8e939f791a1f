// Queries of the SLA tables (sla_policies, sla_clocks, sla_clock_facts, sla_alerts), always scoped to one shop
// except the sweep, which looks across shops for clocks that are due.
import type { Kysely } from 'kysely';
import type {
  Database,
  SlaAlertTable,
  SlaClockFactTable,
  SlaClockTable,
  SlaPolicyTable,
} from '../../db/schema.js';
import type { SlaAlertKind, SlaSubjectKind } from '../../shared/work-orders.js';

type Db = Kysely<Database>;

export function listPolicies(db: Db, shopId: string): Promise<SlaPolicyTable[]> {
  return db.selectFrom('slaPolicies').selectAll().where('shopId', '=', shopId).orderBy('id').execute();
}

export async function insertPolicyIfAbsent(db: Db, row: SlaPolicyTable): Promise<void> {
  await db
    .insertInto('slaPolicies')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'key']).doNothing())
    .execute();
}

export function findPolicy(db: Db, shopId: string, id: string): Promise<SlaPolicyTable | undefined> {
  return db
    .selectFrom('slaPolicies')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updatePolicy(db: Db, id: string, patch: Partial<SlaPolicyTable>): Promise<void> {
  await db.updateTable('slaPolicies').set(patch).where('id', '=', id).execute();
}

/** Inserts the clock unless this policy already has one for the subject; true when it was inserted. */
export async function insertClockIfAbsent(db: Db, row: SlaClockTable): Promise<boolean> {
  const result = await db
    .insertInto('slaClocks')
    .values(row)
    .onConflict((oc) => oc.columns(['policyId', 'subjectKey']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertFact(db: Db, row: SlaClockFactTable): Promise<void> {
  await db.insertInto('slaClockFacts').values(row).execute();
}

export function factsOf(db: Db, clockId: string): Promise<SlaClockFactTable[]> {
  return db
    .selectFrom('slaClockFacts')
    .selectAll()
    .where('clockId', '=', clockId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function updateClock(db: Db, id: string, patch: Partial<SlaClockTable>): Promise<void> {
  await db.updateTable('slaClocks').set(patch).where('id', '=', id).execute();
}

/** Clocks not yet stopped for a subject: by subject key, or every clock of a work order. */
export function liveClocks(
  db: Db,
  shopId: string,
  subject: { kind: SlaSubjectKind; key: string } | { workOrderId: string },
): Promise<SlaClockTable[]> {
  let query = db
    .selectFrom('slaClocks')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('phase', '!=', 'stopped');
  query =
    'workOrderId' in subject
      ? query.where('workOrderId', '=', subject.workOrderId)
      : query.where('subjectKind', '=', subject.kind).where('subjectKey', '=', subject.key);
  return query.execute();
}

export function clocksOfWorkOrders(db: Db, shopId: string, workOrderIds: string[]): Promise<SlaClockTable[]> {
  if (workOrderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('slaClocks')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('workOrderId', 'in', workOrderIds)
    .orderBy('startedAt')
    .execute();
}

export async function setOwner(
  db: Db,
  shopId: string,
  workOrderId: string,
  owner: { agentId: string | null; departmentId: string | null },
): Promise<void> {
  await db
    .updateTable('slaClocks')
    .set(owner)
    .where('shopId', '=', shopId)
    .where('workOrderId', '=', workOrderId)
    .execute();
}

/** Running clocks whose warning (or due) instant has come and that have not recorded it yet, across shops. */
export function dueClocks(db: Db, kind: SlaAlertKind, now: number, limit: number): Promise<SlaClockTable[]> {
  const query = db.selectFrom('slaClocks').selectAll().where('phase', '=', 'running');
  return (
    kind === 'warning'
      ? query.where('warnAt', '<=', now).where('warnedAt', 'is', null).where('breachedAt', 'is', null)
      : query.where('dueAt', '<=', now).where('breachedAt', 'is', null)
  )
    .orderBy(kind === 'warning' ? 'warnAt' : 'dueAt')
    .limit(limit)
    .execute();
}

/**
 * Marks a clock warned or breached unless it already is (one node wins: a conditional update, which PostgreSQL
 * re-checks after a concurrent writer commits); true for the winner. From the sweep the clock must still be running
 * and past the instant, so a clock stopped in time meanwhile records nothing.
 */
export async function claimAlert(
  db: Db,
  clockId: string,
  kind: SlaAlertKind,
  now: number,
  fromSweep: boolean,
): Promise<boolean> {
  let query =
    kind === 'warning'
      ? db.updateTable('slaClocks').set({ warnedAt: now }).where('warnedAt', 'is', null)
      : db
          .updateTable('slaClocks')
          .set({ breachedAt: now, state: 'breached' })
          .where('breachedAt', 'is', null);
  query = query.where('id', '=', clockId);
  if (fromSweep) {
    query = query.where('phase', '=', 'running').where(kind === 'warning' ? 'warnAt' : 'dueAt', '<=', now);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAlert(db: Db, row: SlaAlertTable): Promise<void> {
  await db
    .insertInto('slaAlerts')
    .values(row)
    .onConflict((oc) => oc.columns(['clockId', 'kind', 'epoch']).doNothing())
    .execute();
}

export interface AlertFilter {
  kind?: SlaAlertKind | undefined;
  agentId?: string | undefined;
  /** the agent's own alerts, and those of work orders they hold */
  openOnly?: boolean | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

export function listAlerts(db: Db, shopId: string, filter: AlertFilter) {
  let query = db
    .selectFrom('slaAlerts')
    .innerJoin('slaClocks', 'slaClocks.id', 'slaAlerts.clockId')
    .selectAll('slaAlerts')
    .select('slaClocks.phase')
    .where('slaAlerts.shopId', '=', shopId);
  if (filter.kind) query = query.where('slaAlerts.kind', '=', filter.kind);
  if (filter.agentId) query = query.where('slaAlerts.agentId', '=', filter.agentId);
  if (filter.openOnly) query = query.where('slaClocks.phase', '!=', 'stopped');
  if (filter.from !== undefined) query = query.where('slaAlerts.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('slaAlerts.at', '<', filter.to);
  return query.orderBy('slaAlerts.at', 'desc').limit(filter.limit).execute();
}

/** Work orders with a live clock past its due instant. */
export async function overdueWorkOrderIds(db: Db, shopId: string, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('slaClocks')
    .select('workOrderId')
    .distinct()
    .where('shopId', '=', shopId)
    .where('workOrderId', 'is not', null)
    .where('phase', '!=', 'stopped')
    .where((eb) => eb.or([eb('breachedAt', 'is not', null), eb('dueAt', '<=', now)]))
    .execute();
  return rows.flatMap((row) => (row.workOrderId ? [row.workOrderId] : []));
}

/** Breaches of the given policies on the given work orders (metrics, issue 6). */
export function breachRowsOfWorkOrders(
  db: Db,
  shopId: string,
  workOrderIds: readonly string[],
  policyKeys: readonly string[],
) {
  return db
    .selectFrom('slaAlerts')
    .select(['workOrderId', 'at'])
    .where('shopId', '=', shopId)
    .where('kind', '=', 'breach')
    .where('policyKey', 'in', [...policyKeys])
    .where('workOrderId', 'in', [...workOrderIds])
    .execute();
}

/** Warnings and breaches recorded since an instant, by kind (the wallboard, issue 6). */
export function alertCountRowsSince(db: Db, shopId: string, since: number) {
  return db
    .selectFrom('slaAlerts')
    .select((eb) => ['kind', eb.fn.countAll<number | string>().as('count')])
    .where('shopId', '=', shopId)
    .where('at', '>=', since)
    .groupBy('kind')
    .execute();
}
