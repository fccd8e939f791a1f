// Pure rules of order events: what one CSV row or webhook event must hold, how it becomes a stored event, and the
// id that makes it idempotent (the platform's event id, else a hash of the row's content).
import { createHash } from 'node:crypto';
import {
  amountRequiredKinds,
  commerceEventKinds,
  orderPhonePattern,
  type CommerceEventKind,
} from '../../shared/commerce.js';
import type { ImportRowErrorCode, OrderCsvColumn } from '../../shared/order-import.js';
import { requiredOrderCsvColumns } from '../../shared/order-import.js';
import { fromZonedPartsCached } from '../../shared/zoned-time.js';

/** An order-side event ready to store (before customer linking). */
export interface CommerceEventInput {
  externalId: string;
  kind: CommerceEventKind;
  orderNo: string;
  subjectKey: string;
  memberId: string | null;
  phone: string | null;
  occurredAt: number;
  amountFen: number | null;
}

export interface RowError {
  column: OrderCsvColumn | '*';
  code: ImportRowErrorCode;
}

const kinds: ReadonlySet<string> = new Set(commerceEventKinds);
const limits: Partial<Record<OrderCsvColumn, number>> = {
  event_id: 128,
  order_no: 64,
  subject_no: 64,
  member_id: 64,
};

const wallTime = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const zonedIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** ISO-8601 with a zone, or a wall time 'YYYY-MM-DD HH:mm[:ss]' read in the shop's time zone. */
export function parseEventTime(text: string, timeZone: string): number | null {
  const value = text.trim();
  if (zonedIso.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  const match = wallTime.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  // Cached per wall-clock hour: an import has many rows in the same hours.
  return fromZonedPartsCached({ year, month, day, hour, minute, second }, timeZone);
}

/** The idempotency key of an event without an id of its own: the same content always gives the same key. */
export function contentId(event: Omit<CommerceEventInput, 'externalId'>): string {
  const content = JSON.stringify([
    event.kind,
    event.orderNo,
    event.subjectKey,
    event.memberId,
    event.phone,
    event.occurredAt,
    event.amountFen,
  ]);
  return `row:${createHash('sha256').update(content).digest('hex').slice(0, 40)}`;
}

export type RowResult = { ok: true; event: CommerceEventInput } | { ok: false; errors: RowError[] };

/** The columns of a header row, by name; the required columns that are missing. */
export function readHeader(header: readonly string[]): {
  index: Partial<Record<OrderCsvColumn, number>>;
  missing: OrderCsvColumn[];
} {
  const index: Partial<Record<OrderCsvColumn, number>> = {};
  header.forEach((name, i) => {
    index[name.trim().toLowerCase() as OrderCsvColumn] ??= i;
  });
  return { index, missing: requiredOrderCsvColumns.filter((column) => index[column] === undefined) };
}

/** Checks one data row and turns it into an event; every bad cell is reported, not only the first. */
export function parseOrderRow(
  index: Partial<Record<OrderCsvColumn, number>>,
  width: number,
  cells: readonly string[],
  timeZone: string,
): RowResult {
  if (cells.length !== width) return { ok: false, errors: [{ column: '*', code: 'wrong_column_count' }] };
  const errors: RowError[] = [];
  const cell = (column: OrderCsvColumn): string => {
    const i = index[column];
    const value = i === undefined ? '' : (cells[i] ?? '').trim();
    const limit = limits[column];
    if (limit !== undefined && value.length > limit) errors.push({ column, code: 'too_long' });
    return value;
  };
  const required = (column: OrderCsvColumn): string => {
    const value = cell(column);
    if (value === '') errors.push({ column, code: 'required' });
    return value;
  };

  const kindText = required('kind');
  if (kindText !== '' && !kinds.has(kindText)) errors.push({ column: 'kind', code: 'unknown_kind' });
  const orderNo = required('order_no');
  const timeText = required('occurred_at');
  const occurredAt = timeText === '' ? null : parseEventTime(timeText, timeZone);
  if (timeText !== '' && occurredAt === null) errors.push({ column: 'occurred_at', code: 'invalid_time' });
  const amountText = cell('amount_fen');
  let amountFen: number | null = null;
  if (amountText !== '') {
    if (/^\d{1,15}$/.test(amountText)) amountFen = Number(amountText);
    else errors.push({ column: 'amount_fen', code: 'invalid_amount' });
  } else if (amountRequiredKinds.has(kindText as CommerceEventKind)) {
    errors.push({ column: 'amount_fen', code: 'amount_required' });
  }
  const phone = cell('phone');
  if (phone !== '' && !orderPhonePattern.test(phone)) errors.push({ column: 'phone', code: 'invalid_phone' });
  const subjectNo = cell('subject_no');
  const memberId = cell('member_id');
  const eventId = cell('event_id');
  if (errors.length > 0) return { ok: false, errors };

  const event = {
    kind: kindText as CommerceEventKind,
    orderNo,
    subjectKey: subjectNo || orderNo,
    memberId: memberId || null,
    phone: phone || null,
    occurredAt: occurredAt!,
    amountFen,
  };
  return { ok: true, event: { externalId: eventId || contentId(event), ...event } };
}
