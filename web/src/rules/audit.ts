// How an audit entry's changes read as plain text lines ("field: before → after"), instants in the shop's zone.
import type { Locale } from '@shared/locales.js';
import { auditEntityTypes, type AuditEntityType } from '@shared/schemas/audit.js';
import type { AuditEntry } from '@shared/schemas/audit.js';
import { formatInstant } from './time';

export interface AuditFormat {
  timeZone: string;
  locale: Locale;
}

/** Fields named …At hold instants: epoch milliseconds in created entries, ISO strings elsewhere. */
const instantField = /At$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
// Epoch milliseconds from 2001 onwards; smaller numbers in an …At field are not instants.
const earliestEpochMs = 1e12;

function instantOf(field: string, value: unknown): string | null {
  if (!instantField.test(field)) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= earliestEpochMs) {
    return new Date(value).toISOString();
  }
  if (typeof value === 'string' && isoInstant.test(value)) return value;
  return null;
}

export function formatAuditValue(value: unknown, field = '', format?: AuditFormat): string {
  if (value === null || value === undefined) return '∅';
  const instant = format ? instantOf(field, value) : null;
  if (instant && format) return formatInstant(instant, format.timeZone, format.locale);
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
export function auditChangeLines(
  entry: Pick<AuditEntry, 'action' | 'changes'>,
  format?: AuditFormat,
): string[] {
  const created = entry.action.endsWith('.created');
  return Object.entries(entry.changes).map(([field, value]) =>
    !created && isBeforeAfterPair(value)
      ? `${field}: ${formatAuditValue(value[0], field, format)} → ${formatAuditValue(value[1], field, format)}`
      : `${field}: ${formatAuditValue(value, field, format)}`,
  );
}

export { auditEntityTypes };

export function isKnownEntityType(value: string): value is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(value);
}
