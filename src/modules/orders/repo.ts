// Queries of the commerce_events, order_imports and order_import_errors tables.
import type { Kysely } from 'kysely';
import type {
  CommerceEventTable,
  Database,
  OrderImportErrorTable,
  OrderImportTable,
} from '../../db/schema.js';

type Db = Kysely<Database>;

/** Inserts the events in one statement; those whose external id is already stored are skipped and not returned. */
export async function insertNewEvents(
  db: Db,
  rows: readonly CommerceEventTable[],
): Promise<CommerceEventTable[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('commerceEvents')
    .values([...rows])
    .onConflict((oc) => oc.columns(['shopId', 'externalId']).doNothing())
    .returning('id')
    .execute();
  const ids = new Set(inserted.map((row) => row.id));
  return rows.filter((row) => ids.has(row.id));
}

export async function insertImport(db: Db, row: OrderImportTable): Promise<void> {
  await db.insertInto('orderImports').values(row).execute();
}

export async function updateImport(db: Db, id: string, patch: Partial<OrderImportTable>): Promise<void> {
  await db.updateTable('orderImports').set(patch).where('id', '=', id).execute();
}

export function findImport(db: Db, shopId: string, id: string): Promise<OrderImportTable | undefined> {
  return db
    .selectFrom('orderImports')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listImports(db: Db, shopId: string, limit: number): Promise<OrderImportTable[]> {
  return db
    .selectFrom('orderImports')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertErrors(db: Db, rows: readonly OrderImportErrorTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('orderImportErrors')
    .values([...rows])
    .execute();
}

export function listErrors(db: Db, importId: string, limit?: number): Promise<OrderImportErrorTable[]> {
  const query = db
    .selectFrom('orderImportErrors')
    .selectAll()
    .where('importId', '=', importId)
    .orderBy('rowNo')
    .orderBy('columnName');
  return (limit === undefined ? query : query.limit(limit)).execute();
}

/** The order events of these customers, oldest first (the profile's orders). */
export function eventsOfCustomers(db: Db, shopId: string, customerIds: readonly string[], limit: number) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commerceEvents')
    .select(['orderNo', 'kind', 'occurredAt', 'amountFen'])
    .where('shopId', '=', shopId)
    .where('customerId', 'in', [...customerIds])
    .orderBy('occurredAt')
    .limit(limit)
    .execute();
}

/** The customers an order number belongs to (profile search). */
export async function customerIdsOfOrder(db: Db, shopId: string, orderNo: string): Promise<string[]> {
  const rows = await db
    .selectFrom('commerceEvents')
    .select('customerId')
    .distinct()
    .where('shopId', '=', shopId)
    .where('orderNo', '=', orderNo)
    .where('customerId', 'is not', null)
    .limit(20)
    .execute();
  return rows.flatMap((row) => (row.customerId ? [row.customerId] : []));
}

// ── facts for metrics (issue 6, docs/metrics.md §2.6–§2.7) ─────────────────────────────────────────────────

export interface CommerceFactFilter {
  from?: number;
  to?: number;
  customerId?: string;
  customerIds?: readonly string[];
  subjectKeys?: readonly string[];
  kinds?: readonly string[];
}

export function commerceFactRows(db: Db, shopId: string, filter: CommerceFactFilter) {
  let query = db
    .selectFrom('commerceEvents')
    .select(['id', 'kind', 'subjectKey', 'customerId', 'occurredAt', 'amountFen'])
    .where('shopId', '=', shopId);
  if (filter.from !== undefined) query = query.where('occurredAt', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('occurredAt', '<', filter.to);
  if (filter.customerId !== undefined) query = query.where('customerId', '=', filter.customerId);
  if (filter.customerIds) query = query.where('customerId', 'in', [...filter.customerIds]);
  if (filter.subjectKeys) query = query.where('subjectKey', 'in', [...filter.subjectKeys]);
  if (filter.kinds) query = query.where('kind', 'in', filter.kinds as CommerceEventTable['kind'][]);
  return query.orderBy('occurredAt').orderBy('id').execute();
}
