// Queries of the follow_up_rules and follow_up_tasks tables, always scoped to one shop (the sweep excepted).
import { sql, type Kysely } from 'kysely';
import type { Database, FollowUpRuleTable, FollowUpTaskTable } from '../../db/schema.js';
import type { FollowUpKind, FollowUpStatus } from '../../shared/follow-ups.js';

type Db = Kysely<Database>;

export function listRules(db: Db, shopId: string): Promise<FollowUpRuleTable[]> {
  return db.selectFrom('followUpRules').selectAll().where('shopId', '=', shopId).execute();
}

export async function upsertRule(db: Db, row: FollowUpRuleTable): Promise<void> {
  await db
    .insertInto('followUpRules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['shopId', 'kind']).doUpdateSet({
        enabled: row.enabled,
        delayAmount: row.delayAmount,
        ownerMode: row.ownerMode,
        ownerUserId: row.ownerUserId,
        minVipLevel: row.minVipLevel,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Inserts a task unless one with the same origin exists (an event replayed creates nothing new). */
export async function insertTask(db: Db, row: FollowUpTaskTable): Promise<boolean> {
  if (row.originKey === null) {
    await db.insertInto('followUpTasks').values(row).execute();
    return true;
  }
  const inserted = await db
    .insertInto('followUpTasks')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'originKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findTask(db: Db, shopId: string, id: string): Promise<FollowUpTaskTable | undefined> {
  return db
    .selectFrom('followUpTasks')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface TaskFilter {
  status?: FollowUpStatus | 'overdue' | undefined;
  ownerId?: string | undefined;
  customerIds?: readonly string[] | undefined;
  kind?: FollowUpKind | undefined;
  now: number;
  limit: number;
}

export function listTasks(db: Db, shopId: string, filter: TaskFilter): Promise<FollowUpTaskTable[]> {
  let query = db.selectFrom('followUpTasks').selectAll().where('shopId', '=', shopId);
  if (filter.status === 'overdue') {
    // Undone past the due time, or done after it: the records the discipline ledger reads.
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'open'), eb('dueAt', '<', filter.now)]),
        eb.and([eb('status', '=', 'done'), eb('completedAt', '>', eb.ref('dueAt'))]),
      ]),
    );
  } else if (filter.status) {
    query = query.where('status', '=', filter.status);
  }
  if (filter.ownerId) query = query.where('ownerId', '=', filter.ownerId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return Promise.resolve([]);
    query = query.where('customerId', 'in', [...filter.customerIds]);
  }
  return query
    .orderBy(sql`case when status = 'open' then 0 else 1 end`)
    .orderBy('dueAt')
    .limit(filter.limit)
    .execute();
}

export async function countTasksOfCustomer(db: Db, shopId: string, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('followUpTasks')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('shopId', '=', shopId)
    .where('customerId', '=', customerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function hasOpenTask(db: Db, shopId: string, customerId: string, kind: FollowUpKind) {
  const row = await db
    .selectFrom('followUpTasks')
    .select('id')
    .where('shopId', '=', shopId)
    .where('customerId', '=', customerId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateTask(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<FollowUpTaskTable>,
): Promise<FollowUpTaskTable> {
  return db
    .updateTable('followUpTasks')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Open tasks past their due time that no sweep has recorded yet (every shop). */
export function dueUnrecorded(db: Db, now: number, limit: number) {
  return db
    .selectFrom('followUpTasks')
    .selectAll()
    .where('status', '=', 'open')
    .where('overdueAt', 'is', null)
    .where('dueAt', '<=', now)
    .orderBy('dueAt')
    .limit(limit)
    .execute();
}

/** Claims the overdue record of one task: true for the one sweep (of however many nodes) that records it. */
export async function claimOverdue(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('followUpTasks')
    .set({ overdueAt: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('overdueAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves the tasks of a merged profile to the one it was merged into. */
export async function moveCustomer(db: Db, shopId: string, fromId: string, toId: string): Promise<void> {
  await db
    .updateTable('followUpTasks')
    .set({ customerId: toId })
    .where('shopId', '=', shopId)
    .where('customerId', '=', fromId)
    .execute();
}
