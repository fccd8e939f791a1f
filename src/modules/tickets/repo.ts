// Queries of the work_orders and work_order_entries tables, always scoped to one shop.
import { sql, type Kysely } from 'kysely';
import type { Database, WorkOrderEntryTable, WorkOrderTable } from '../../db/schema.js';
import type { WorkOrderStatus, WorkOrderType } from '../../shared/work-orders.js';

type Db = Kysely<Database>;

export async function nextNumber(db: Db, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('workOrders')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('shopId', '=', shopId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertWorkOrder(db: Db, row: WorkOrderTable): Promise<void> {
  await db.insertInto('workOrders').values(row).execute();
}

export function findWorkOrder(db: Db, shopId: string, id: string): Promise<WorkOrderTable | undefined> {
  return db
    .selectFrom('workOrders')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findByOrigin(db: Db, shopId: string, originKey: string): Promise<WorkOrderTable | undefined> {
  return db
    .selectFrom('workOrders')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('originKey', '=', originKey)
    .executeTakeFirst();
}

/** The newest work order still open that answers for an order / after-sale subject. */
export function findOpenBySubject(db: Db, shopId: string, subjectKey: string) {
  return db
    .selectFrom('workOrders')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('subjectKey', '=', subjectKey)
    .where('status', '!=', 'closed')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

/** Applies a change and bumps the version; returns the row as it is now. */
export async function updateWorkOrder(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<WorkOrderTable>,
): Promise<WorkOrderTable> {
  return db
    .updateTable('workOrders')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEntry(db: Db, row: WorkOrderEntryTable): Promise<void> {
  await db.insertInto('workOrderEntries').values(row).execute();
}

export function entriesOf(db: Db, shopId: string, workOrderId: string): Promise<WorkOrderEntryTable[]> {
  return db
    .selectFrom('workOrderEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('workOrderId', '=', workOrderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Who may see which work orders (policy.ts builds it from the caller). */
export type Visibility =
  { all: true } | { all: false; userId: string; complaintTeam: boolean; departmentId: string | null };

export interface WorkOrderFilter {
  statuses?: readonly WorkOrderStatus[] | undefined;
  type?: WorkOrderType | undefined;
  assigneeId?: string | null | undefined;
  complaintTeam?: boolean | undefined;
  customerId?: string | undefined;
  /** work orders of any of these customers (a profile and the profiles merged into it) */
  customerIds?: readonly string[] | undefined;
  conversationId?: string | undefined;
  /** only work orders with one of these ids (the overdue filter, from their clocks) */
  ids?: readonly string[] | undefined;
  limit: number;
}

export function listWorkOrders(db: Db, shopId: string, visibility: Visibility, filter: WorkOrderFilter) {
  let query = db.selectFrom('workOrders').selectAll().where('shopId', '=', shopId);
  if (!visibility.all) {
    const { userId, complaintTeam, departmentId } = visibility;
    query = query.where((eb) =>
      eb.or([
        eb('createdBy', '=', userId),
        eb('assigneeId', '=', userId),
        ...(complaintTeam ? [eb('complaintTeam', '=', 1)] : []),
        ...(departmentId ? [eb('departmentId', '=', departmentId)] : []),
      ]),
    );
  }
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.assigneeId === null) query = query.where('assigneeId', 'is', null);
  else if (filter.assigneeId) query = query.where('assigneeId', '=', filter.assigneeId);
  if (filter.complaintTeam) query = query.where('complaintTeam', '=', 1);
  if (filter.customerId) query = query.where('customerId', '=', filter.customerId);
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return Promise.resolve([]);
    query = query.where('customerId', 'in', [...filter.customerIds]);
  }
  if (filter.conversationId) query = query.where('conversationId', '=', filter.conversationId);
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...filter.ids]);
  }
  return query.orderBy('updatedAt', 'desc').limit(filter.limit).execute();
}

/** The status entries that carry a customer's verdict (closing or reopening) of these work orders, oldest first. */
export function verdictEntriesOf(
  db: Db,
  shopId: string,
  workOrderIds: readonly string[],
): Promise<WorkOrderEntryTable[]> {
  if (workOrderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('workOrderEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('workOrderId', 'in', [...workOrderIds])
    .where('kind', '=', 'status')
    .where((eb) => eb.or([eb('data', 'like', '%"to":"closed"%'), eb('data', 'like', '%"to":"reopened"%')]))
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Conversation ids among `conversationIds` that a complaint work order was opened from. */
export async function complaintConversationIds(
  db: Db,
  shopId: string,
  conversationIds: string[],
): Promise<string[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .selectFrom('workOrders')
    .select('conversationId')
    .where('shopId', '=', shopId)
    .where('type', '=', 'complaint')
    .where('conversationId', 'in', conversationIds)
    .execute();
  return rows.flatMap((row) => (row.conversationId ? [row.conversationId] : []));
}

/** Open work orders held by one agent. */
export function openWorkOrdersOf(
  db: Db,
  shopId: string,
  assigneeId: string,
  statuses: readonly WorkOrderStatus[],
) {
  return db
    .selectFrom('workOrders')
    .select(['id', 'number', 'title', 'status', 'deadlineAt'])
    .where('shopId', '=', shopId)
    .where('assigneeId', '=', assigneeId)
    .where('status', 'in', [...statuses])
    .orderBy('number')
    .limit(200)
    .execute();
}

// ── facts for metrics (issue 6, docs/metrics.md §2.7–§2.8) ─────────────────────────────────────────────────

export function workOrderFactRows(db: Db, shopId: string, ids: readonly string[]) {
  return db
    .selectFrom('workOrders')
    .select([
      'id',
      'type',
      'status',
      'assigneeId',
      'reopenCount',
      'satisfaction',
      'createdAt',
      'firstReplyAt',
      'resolvedAt',
      'closedAt',
      'subjectKey',
      'conversationId',
    ])
    .where('shopId', '=', shopId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Work orders created before `to` and changed at or after `from` (all that can count in the period). */
export async function workOrderIdsActiveBetween(db: Db, shopId: string, from: number, to: number) {
  const rows = await db
    .selectFrom('workOrders')
    .select('id')
    .where('shopId', '=', shopId)
    .where('createdAt', '<', to)
    .where('updatedAt', '>=', from)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The holder of the newest work order of each order / after-sale number. */
export async function latestHoldersOfSubjects(db: Db, shopId: string, subjectKeys: readonly string[]) {
  const rows = await db
    .selectFrom('workOrders')
    .select(['subjectKey', 'assigneeId', 'createdAt', 'id'])
    .where('shopId', '=', shopId)
    .where('subjectKey', 'in', [...subjectKeys])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const holders = new Map<string, string | null>();
  for (const row of rows) if (row.subjectKey) holders.set(row.subjectKey, row.assigneeId);
  return holders;
}

/** Complaint work orders created in [from, to): when and in which category (early warning, issue 6). */
export function complaintRows(db: Db, shopId: string, from: number, to: number) {
  return db
    .selectFrom('workOrders')
    .select(['createdAt', 'complaintCategory'])
    .where('shopId', '=', shopId)
    .where('type', '=', 'complaint')
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .execute();
}
