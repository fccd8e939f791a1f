import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZonedParts, toZonedParts } from '../../shared/zoned-time.js';
import {
  defaultServiceHours,
  isWithinServiceHours,
  nextOpening,
  offHoursReplyDue,
  parseWallTime,
  type ServiceHours,
} from './service-hours.js';

const shanghai = 'Asia/Shanghai';

/** An instant read off the Shanghai wall clock on 2026-05-dd. */
function may(day: number, hour: number, minute = 0, second = 0): number {
  return fromZonedParts({ year: 2026, month: 5, day, hour, minute, second }, shanghai);
}

describe('default service hours (seed 001)', () => {
  it('are 09:00–23:00 Shanghai time, replies to off-hours consultations due 09:30', () => {
    expect(defaultServiceHours).toEqual({
      timeZone: 'Asia/Shanghai',
      opensAt: '09:00',
      closesAt: '23:00',
      offHoursReplyBy: '09:30',
    });
  });
});

describe('isWithinServiceHours', () => {
  const cases: Array<[string, number, boolean]> = [
    ['08:59:59 is before opening', may(4, 8, 59, 59), false],
    ['09:00:00 opens (inclusive)', may(4, 9), true],
    ['09:00:01 is open', may(4, 9, 0, 1), true],
    ['09:29 is open', may(4, 9, 29), true],
    ['22:59:59 is still open', may(4, 22, 59, 59), true],
    ['23:00:00 closes (exclusive)', may(4, 23), false],
    ['23:30 is closed', may(4, 23, 30), false],
    ['00:00 is closed', may(5, 0), false],
  ];
  it.each(cases)('%s', (_label, instant, open) => {
    expect(isWithinServiceHours(instant, defaultServiceHours)).toBe(open);
  });

  it('counts 22:59:59.999 as open and 23:00:00.000 as closed', () => {
    expect(isWithinServiceHours(may(4, 22, 59, 59) + 999, defaultServiceHours)).toBe(true);
    expect(isWithinServiceHours(may(4, 23), defaultServiceHours)).toBe(false);
  });

  it('is open every day, holidays included (National Day, Spring Festival)', () => {
    const nationalDay = fromZonedParts({ year: 2026, month: 10, day: 1, hour: 10 }, shanghai);
    const springFestival = fromZonedParts({ year: 2026, month: 2, day: 17, hour: 10 }, shanghai);
    expect(isWithinServiceHours(nationalDay, defaultServiceHours)).toBe(true);
    expect(isWithinServiceHours(springFestival, defaultServiceHours)).toBe(true);
  });

  it('reads the shop zone, not UTC: 09:00 Shanghai is 01:00 UTC', () => {
    expect(isWithinServiceHours(Date.UTC(2026, 4, 4, 1, 0, 0), defaultServiceHours)).toBe(true);
    expect(isWithinServiceHours(Date.UTC(2026, 4, 4, 0, 59, 59), defaultServiceHours)).toBe(false);
  });

  it('serves around the clock when opensAt equals closesAt', () => {
    const allDay: ServiceHours = { ...defaultServiceHours, opensAt: '00:00', closesAt: '00:00' };
    for (const hour of [0, 3, 9, 23]) expect(isWithinServiceHours(may(4, hour), allDay)).toBe(true);
  });

  it('crosses midnight when closesAt is before opensAt (20:00–02:00)', () => {
    const night: ServiceHours = { ...defaultServiceHours, opensAt: '20:00', closesAt: '02:00' };
    expect(isWithinServiceHours(may(4, 19, 59, 59), night)).toBe(false);
    expect(isWithinServiceHours(may(4, 20), night)).toBe(true);
    expect(isWithinServiceHours(may(5, 0), night)).toBe(true);
    expect(isWithinServiceHours(may(5, 1, 59, 59), night)).toBe(true);
    expect(isWithinServiceHours(may(5, 2), night)).toBe(false);
    expect(isWithinServiceHours(may(5, 12), night)).toBe(false);
  });

  it('rejects a malformed time setting', () => {
    expect(() => isWithinServiceHours(may(4, 10), { ...defaultServiceHours, opensAt: '9:00' })).toThrow(
      /opensAt/,
    );
    expect(() => isWithinServiceHours(may(4, 10), { ...defaultServiceHours, closesAt: '24:00' })).toThrow(
      /closesAt/,
    );
    expect(() => parseWallTime('12:60')).toThrow(RangeError);
    expect(parseWallTime('07:05')).toEqual({ hour: 7, minute: 5 });
  });
});

describe('offHoursReplyDue', () => {
  const cases: Array<[string, number, number | null]> = [
    ['22:59:59 is in service: no off-hours deadline', may(4, 22, 59, 59), null],
    ['23:00:00 → 09:30 the next day', may(4, 23), may(5, 9, 30)],
    ['23:30 → 09:30 the next day', may(4, 23, 30), may(5, 9, 30)],
    ['00:00 → 09:30 the same day', may(5, 0), may(5, 9, 30)],
    ['02:00 → 09:30 the same day', may(5, 2), may(5, 9, 30)],
    ['08:59:59 → 09:30 the same day', may(5, 8, 59, 59), may(5, 9, 30)],
    ['09:00:00 exactly still counts as off hours (seed 001: 09:00 含) → 09:30', may(5, 9), may(5, 9, 30)],
    ['09:00:01 is in service: null', may(5, 9, 0, 1), null],
    ['09:29 is in service: null', may(5, 9, 29), null],
  ];
  it.each(cases)('%s', (_label, receivedAt, due) => {
    expect(offHoursReplyDue(receivedAt, defaultServiceHours)).toBe(due);
  });

  it('treats the whole 09:00:00 second as inclusive, down to the millisecond', () => {
    expect(offHoursReplyDue(may(5, 9) + 999, defaultServiceHours)).toBe(may(5, 9, 30));
  });

  it('crosses month and year ends', () => {
    const newYearsEve = fromZonedParts({ year: 2026, month: 12, day: 31, hour: 23, minute: 45 }, shanghai);
    expect(offHoursReplyDue(newYearsEve, defaultServiceHours)).toBe(
      fromZonedParts({ year: 2027, month: 1, day: 1, hour: 9, minute: 30 }, shanghai),
    );
  });

  it('uses the configured reply-by time and opening', () => {
    const late: ServiceHours = { ...defaultServiceHours, opensAt: '10:00', offHoursReplyBy: '11:00' };
    expect(offHoursReplyDue(may(5, 9, 30), late)).toBe(may(5, 11));
    expect(offHoursReplyDue(may(5, 10), late)).toBe(may(5, 11));
    expect(offHoursReplyDue(may(5, 10, 0, 1), late)).toBeNull();
  });

  it('lands on the reply-by time after the opening, even if it is earlier in the day than opensAt', () => {
    // Opening 09:00 with a 08:00 reply-by: the first 08:00 after the 09:00 opening is the next morning.
    const odd: ServiceHours = { ...defaultServiceHours, offHoursReplyBy: '08:00' };
    expect(offHoursReplyDue(may(5, 2), odd)).toBe(may(6, 8));
  });

  it('never gives a deadline before receipt when the reply-by time is the opening time', () => {
    const atOpening: ServiceHours = { ...defaultServiceHours, offHoursReplyBy: '09:00' };
    expect(offHoursReplyDue(may(5, 2), atOpening)).toBe(may(5, 9));
    expect(offHoursReplyDue(may(5, 9), atOpening)).toBe(may(5, 9));
  });

  it('has no off hours with around-the-clock service', () => {
    const allDay: ServiceHours = { ...defaultServiceHours, opensAt: '09:00', closesAt: '09:00' };
    expect(offHoursReplyDue(may(5, 3), allDay)).toBeNull();
    expect(offHoursReplyDue(may(5, 9), allDay)).toBeNull();
  });

  describe('with service hours crossing midnight (20:00–02:00, replies due 20:30)', () => {
    const night: ServiceHours = {
      timeZone: shanghai,
      opensAt: '20:00',
      closesAt: '02:00',
      offHoursReplyBy: '20:30',
    };

    it('gives no deadline from opening through the night until 02:00', () => {
      expect(offHoursReplyDue(may(4, 20, 0, 1), night)).toBeNull();
      expect(offHoursReplyDue(may(4, 23, 30), night)).toBeNull();
      expect(offHoursReplyDue(may(5, 1, 59, 59), night)).toBeNull();
    });

    it('gives 20:30 the same day for a consultation in the closed window', () => {
      expect(offHoursReplyDue(may(5, 2), night)).toBe(may(5, 20, 30));
      expect(offHoursReplyDue(may(5, 12), night)).toBe(may(5, 20, 30));
      expect(offHoursReplyDue(may(5, 19, 59, 59), night)).toBe(may(5, 20, 30));
      expect(offHoursReplyDue(may(5, 20), night)).toBe(may(5, 20, 30));
    });
  });

  it('follows the wall clock across a DST change (New York, spring forward 2026-03-08)', () => {
    const newYork: ServiceHours = { ...defaultServiceHours, timeZone: 'America/New_York' };
    const saturdayNight = fromZonedParts(
      { year: 2026, month: 3, day: 7, hour: 23, minute: 30 },
      'America/New_York',
    );
    const due = offHoursReplyDue(saturdayNight, newYork);
    expect(due).toBe(
      fromZonedParts({ year: 2026, month: 3, day: 8, hour: 9, minute: 30 }, 'America/New_York'),
    );
    // 23:30 → 09:30 is 10 h on the wall clock but only 9 h of real time that night.
    expect(due! - saturdayNight).toBe(9 * 3_600_000);
  });

  it('is always at or after receipt and lands exactly on the configured wall-clock time', () => {
    const wallTime = (minHour: number) =>
      fc
        .record({ hour: fc.integer({ min: minHour, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
        .map(({ hour, minute }) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) - 1 }),
        // DST changes happen between 01:00 and 04:00 in these zones; keep the configured times clear of them.
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'),
        wallTime(0),
        wallTime(0),
        wallTime(4),
        (receivedAt, timeZone, opensAt, closesAt, offHoursReplyBy) => {
          const hours: ServiceHours = { timeZone, opensAt, closesAt, offHoursReplyBy };
          const due = offHoursReplyDue(receivedAt, hours);
          const opening = nextOpening(receivedAt, hours);
          expect(opening).toBeGreaterThanOrEqual(receivedAt);
          if (due === null) {
            expect(isWithinServiceHours(receivedAt, hours)).toBe(true);
            return;
          }
          expect(due).toBeGreaterThanOrEqual(receivedAt);
          const clock = toZonedParts(due, timeZone);
          expect(clock.second).toBe(0);
          expect(parseWallTime(offHoursReplyBy)).toEqual({ hour: clock.hour, minute: clock.minute });
          // Not later than needed: the previous day's reading of that wall-clock time was before the opening.
          expect(due - 26 * 3_600_000).toBeLessThan(Math.max(receivedAt, opening));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('nextOpening', () => {
  it('is today 09:00 before opening, tomorrow 09:00 after it', () => {
    expect(nextOpening(may(5, 2), defaultServiceHours)).toBe(may(5, 9));
    expect(nextOpening(may(5, 9), defaultServiceHours)).toBe(may(5, 9));
    expect(nextOpening(may(5, 9, 0, 1), defaultServiceHours)).toBe(may(6, 9));
    expect(nextOpening(may(5, 23, 30), defaultServiceHours)).toBe(may(6, 9));
  });

  it('crosses midnight configurations', () => {
    const night: ServiceHours = { ...defaultServiceHours, opensAt: '20:00', closesAt: '02:00' };
    expect(nextOpening(may(5, 1), night)).toBe(may(5, 20));
    expect(nextOpening(may(5, 21), night)).toBe(may(6, 20));
  });

  it('is the instant itself with around-the-clock service', () => {
    const allDay: ServiceHours = { ...defaultServiceHours, closesAt: '09:00' };
    expect(nextOpening(may(5, 3), allDay)).toBe(may(5, 3));
  });
});
