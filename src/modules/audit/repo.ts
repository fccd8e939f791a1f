// Queries of the audit_log table: insert and read, never update or delete (the log is append-only).
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.js';

export async function insertAuditEntry(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('auditLog').values(row).execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export async function listAuditEntries(
  db: Kysely<Database>,
  shopId: string,
  filter: AuditFilter,
): Promise<AuditLogTable[]> {
  let query = db.selectFrom('auditLog').selectAll().where('shopId', '=', shopId);
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
