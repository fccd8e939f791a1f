// How an audit entry's changes read as plain text lines ("field: before → after").
import { auditEntityTypes, type AuditEntityType } from '@shared/schemas/audit.js';
import type { AuditEntry } from '@shared/schemas/audit.js';

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function isBeforeAfterPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

/** Updates store [before, after] per field; creations store the created values themselves. */
export function auditChangeLines(entry: Pick<AuditEntry, 'action' | 'changes'>): string[] {
  const created = entry.action.endsWith('.created');
  return Object.entries(entry.changes).map(([field, value]) =>
    !created && isBeforeAfterPair(value)
      ? `${field}: ${formatAuditValue(value[0])} → ${formatAuditValue(value[1])}`
      : `${field}: ${formatAuditValue(value)}`,
  );
}

export { auditEntityTypes };

export function isKnownEntityType(value: string): value is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(value);
}
