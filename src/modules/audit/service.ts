// The audit log: every change to shop data is recorded in the same transaction as the change itself.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { AuditActor } from '../../server/actor.js';
import type { AuditEntityType } from '../../shared/schemas/audit.js';
import { insertAuditEntry, listAuditEntries, type AuditFilter } from './repo.js';

export interface AuditRecord {
  action: string;
  entityType: AuditEntityType;
  entityId: string | null;
  changes: Record<string, unknown>;
}

/** Call with the transaction that makes the change, so both commit or neither does. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  record: AuditRecord,
): Promise<void> {
  const now = Date.now();
  await insertAuditEntry(db, {
    id: newId(now),
    shopId: actor.shopId,
    actorId: actor.userId,
    actorName: actor.displayName,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    changes: JSON.stringify(record.changes),
    ip: actor.ip,
    createdAt: now,
  });
}

export function listAudit(db: Kysely<Database>, shopId: string, filter: AuditFilter) {
  return listAuditEntries(db, shopId, filter);
}
