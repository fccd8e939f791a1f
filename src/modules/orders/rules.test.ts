import { describe, expect, it } from 'vitest';
import { fromZonedParts } from '../../shared/zoned-time.js';
import { parseEventTime, parseOrderRow, readHeader } from './rules.js';

const header = [
  'event_id',
  'kind',
  'order_no',
  'subject_no',
  'member_id',
  'phone',
  'occurred_at',
  'amount_fen',
];
const { index } = readHeader(header);
const row = (cells: Partial<Record<string, string>>) => header.map((name) => cells[name] ?? '');
const parse = (cells: Partial<Record<string, string>>) =>
  parseOrderRow(index, header.length, row(cells), 'Asia/Shanghai');

describe('order CSV rows', () => {
  it('reads a payment with its amount in fen and a wall time in the shop zone', () => {
    const result = parse({
      event_id: 'p1',
      kind: 'order_paid',
      order_no: 'DD1',
      occurred_at: '2026-03-02 09:30',
      amount_fen: '19900',
    });
    expect(result).toEqual({
      ok: true,
      event: {
        externalId: 'p1',
        kind: 'order_paid',
        orderNo: 'DD1',
        subjectKey: 'DD1',
        memberId: null,
        phone: null,
        occurredAt: Date.UTC(2026, 2, 2, 1, 30),
        amountFen: 19900,
      },
    });
  });

  it('reports every bad cell of a row with its column', () => {
    const result = parse({
      kind: 'order_teleported',
      occurred_at: 'yesterday',
      amount_fen: '12.5',
      phone: 'call me',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { column: 'kind', code: 'unknown_kind' },
      { column: 'order_no', code: 'required' },
      { column: 'occurred_at', code: 'invalid_time' },
      { column: 'amount_fen', code: 'invalid_amount' },
      { column: 'phone', code: 'invalid_phone' },
    ]);
    expect(parse({ kind: 'refund_completed', order_no: 'DD1', occurred_at: '2026-03-02T01:00:00Z' })).toEqual(
      {
        ok: false,
        errors: [{ column: 'amount_fen', code: 'amount_required' }],
      },
    );
    expect(parseOrderRow(index, header.length, ['only', 'two'], 'Asia/Shanghai')).toEqual({
      ok: false,
      errors: [{ column: '*', code: 'wrong_column_count' }],
    });
  });

  it('gives a row without an event id a key from its content, the same however the time is written', () => {
    const a = parse({ kind: 'order_shipped', order_no: 'DD2', occurred_at: '2026-03-02 10:00' });
    const b = parse({ kind: 'order_shipped', order_no: 'DD2', occurred_at: '2026-03-02T02:00:00Z' });
    const c = parse({ kind: 'order_shipped', order_no: 'DD3', occurred_at: '2026-03-02 10:00' });
    expect(a.ok && a.event.externalId).toMatch(/^row:/);
    expect(a.ok && a.event.externalId).toBe(b.ok && b.event.externalId);
    expect(a.ok && a.event.externalId).not.toBe(c.ok && c.event.externalId);
  });

  it('refuses impossible dates and names the missing header columns', () => {
    expect(parseEventTime('2026-02-31 10:00', 'Asia/Shanghai')).toBeNull();
    expect(parseEventTime('2026-02-28 24:00', 'Asia/Shanghai')).toBeNull();
    expect(parseEventTime('2026-03-02T10:00:00+08:00', 'UTC')).toBe(Date.UTC(2026, 2, 2, 2));
    expect(readHeader(['kind', 'ORDER_NO ']).missing).toEqual(['occurred_at']);
  });
});

describe('wall times across a DST change', () => {
  it('reads each minute of the hours around New York’s spring and autumn changes like the zone does', () => {
    for (const [day, month] of [
      [8, 3],
      [1, 11],
    ] as const) {
      for (let hour = 0; hour < 4; hour++) {
        for (const minute of [0, 17, 59]) {
          const text = `2026-${String(month).padStart(2, '0')}-0${day} 0${hour}:${String(minute).padStart(2, '0')}:30`;
          expect(parseEventTime(text, 'America/New_York'), text).toBe(
            fromZonedParts({ year: 2026, month, day, hour, minute, second: 30 }, 'America/New_York'),
          );
        }
      }
    }
  });

  it('reads the minutes after Lord Howe’s 30-minute spring gap as they are, not shifted by the gap', () => {
    // 2026-10-04 02:00 LHST (+10:30) → 02:30 LHDT (+11): 02:15 does not exist, 02:45 does.
    expect(parseEventTime('2026-10-04 02:15', 'Australia/Lord_Howe')).toBe(Date.UTC(2026, 9, 3, 15, 45));
    expect(parseEventTime('2026-10-04 02:45', 'Australia/Lord_Howe')).toBe(Date.UTC(2026, 9, 3, 15, 45));
  });
});
