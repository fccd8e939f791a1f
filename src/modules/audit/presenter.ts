// What an audit entry looks like when it leaves the server.
import type { AuditLogTable } from '../../db/schema.js';
import type { AuditEntry } from '../../shared/schemas/audit.js';

export function presentAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    actor: row.actorId ? { id: row.actorId, displayName: row.actorName ?? '' } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: JSON.parse(row.changes) as Record<string, unknown>,
    ip: row.ip,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
