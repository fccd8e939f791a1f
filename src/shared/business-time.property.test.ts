// Properties of the business-time module over generated calendars (issue 4 acceptance 1). package.json runs this
// file under TZ=UTC and again under TZ=America/New_York; the last property also switches the zone mid-run.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addBusinessDuration,
  addWorkdays,
  addWorkingTime,
  isServiceTime,
  isWorkingTime,
  nextServiceOpening,
  nextWorkingTime,
  workingTimeBetween,
  type BusinessCalendar,
  type DaySpan,
} from './business-time.js';
import { addZonedDays } from './zoned-time.js';

const runs = { numRuns: 1_000 };
const minuteMs = 60_000;
const dayMs = 86_400_000;
const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A span with a random start; the end may be earlier (crossing midnight), equal (24 h) or '24:00'. */
const span: fc.Arbitrary<DaySpan> = fc
  .record({
    start: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    end: fc.oneof(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.constant(24 * 60)),
  })
  .map(({ start, end }) => ({ start: clock(start), end: clock(end) }));

const week = fc.array(fc.array(span, { maxLength: 3 }), { minLength: 7, maxLength: 7 });

const date = fc
  .integer({ min: 0, max: 3 * 366 })
  .map((days) => addZonedDays({ year: 2025, month: 1, day: 1 }, days))
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day)}`);

const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London'] as const;

function calendarOf(zoneChoices: readonly string[]): fc.Arbitrary<BusinessCalendar> {
  return fc
    .record({
      timeZone: fc.constantFrom(...zoneChoices),
      workingHours: week,
      serviceHours: week,
      holidays: fc.array(date, { maxLength: 40 }),
      makeupWorkdays: fc.array(date, { maxLength: 10 }),
    })
    .filter((calendar) => calendar.workingHours.some((spans) => spans.length > 0));
}

const calendar = calendarOf(zones);
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
/** Up to ten days of working time, in whole minutes or arbitrary milliseconds. */
const budget = fc.oneof(
  fc.integer({ min: 0, max: 10 * 24 * 60 }).map((minutes) => minutes * minuteMs),
  fc.integer({ min: 0, max: 10 * dayMs }),
);

describe(`business-time properties over generated calendars (process TZ ${processZone})`, () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('a deadline lands in working time: the millisecond before it is working time', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        budget.filter((ms) => ms > 0),
        (cal, start, ms) => {
          const due = addWorkingTime(cal, start, ms);
          expect(due).toBeGreaterThan(start);
          expect(isWorkingTime(cal, due - 1)).toBe(true);
        },
      ),
      runs,
    );
  }, 300_000);

  it('a workdays deadline lands in working time too', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 12 }), (cal, start, count) => {
        const due = addBusinessDuration(cal, start, { unit: 'workdays', amount: count });
        expect(due).toBeGreaterThan(start);
        expect(isWorkingTime(cal, due - 1)).toBe(true);
      }),
      runs,
    );
  }, 300_000);

  it('adding a and then b equals adding a + b', () => {
    fc.assert(
      fc.property(calendar, instant, budget, budget, (cal, start, a, b) => {
        expect(addWorkingTime(cal, addWorkingTime(cal, start, a), b)).toBe(addWorkingTime(cal, start, a + b));
      }),
      runs,
    );
  }, 300_000);

  it('a larger budget never gives an earlier deadline (business minutes and workdays)', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        budget,
        budget,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (cal, start, a, b, m, n) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(addWorkingTime(cal, start, large)).toBeGreaterThanOrEqual(addWorkingTime(cal, start, small));
          const [fewer, more] = m <= n ? [m, n] : [n, m];
          expect(addWorkdays(cal, start, more)).toBeGreaterThanOrEqual(addWorkdays(cal, start, fewer));
        },
      ),
      runs,
    );
  }, 300_000);

  it('workingTimeBetween(start, addWorkingTime(start, d)) equals d', () => {
    fc.assert(
      fc.property(calendar, instant, budget, (cal, start, ms) => {
        expect(workingTimeBetween(cal, start, addWorkingTime(cal, start, ms))).toBe(ms);
      }),
      runs,
    );
  }, 300_000);

  it('workingTimeBetween adds up over a split point and the next working instant starts the clock', () => {
    fc.assert(
      fc.property(calendar, instant, budget, budget, (cal, from, a, b) => {
        const middle = from + Math.min(a, b);
        const to = from + Math.max(a, b);
        expect(workingTimeBetween(cal, from, middle) + workingTimeBetween(cal, middle, to)).toBe(
          workingTimeBetween(cal, from, to),
        );
        const next = nextWorkingTime(cal, from);
        expect(next).toBeGreaterThanOrEqual(from);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(workingTimeBetween(cal, from, next)).toBe(0);
      }),
      runs,
    );
  }, 300_000);

  it('the next service opening is at or after the instant, in service, and after a closed moment', () => {
    const withService = calendar.filter((cal) => cal.serviceHours.some((spans) => spans.length > 0));
    fc.assert(
      fc.property(withService, instant, (cal, at) => {
        const opening = nextServiceOpening(cal, at);
        expect(opening).toBeGreaterThanOrEqual(at);
        expect(isServiceTime(cal, opening)).toBe(true);
        if (opening > at || !isServiceTime(cal, opening - 1)) return;
        // The only opening that is not preceded by a closed moment is "now" under around-the-clock service.
        expect(opening).toBe(at);
      }),
      runs,
    );
  }, 300_000);

  it('agrees minute by minute with a wall-clock reading of the spans (fixed-offset zones)', () => {
    // An independent model: read the wall clock by adding the fixed offset, then look at today's and yesterday's spans.
    const offsets: Record<string, number> = { 'Asia/Shanghai': 8 * 60, UTC: 0 };
    const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
    const memo = new Map<string, readonly DaySpan[]>();
    function spansOn(cal: BusinessCalendar, day: Date): readonly DaySpan[] {
      const key = day.toISOString().slice(0, 10);
      const known = memo.get(key);
      if (known) return known;
      const spans = uncachedSpansOn(cal, day, key);
      memo.set(key, spans);
      return spans;
    }
    function uncachedSpansOn(cal: BusinessCalendar, day: Date, key: string): readonly DaySpan[] {
      if (cal.holidays.includes(key)) return [];
      if (cal.makeupWorkdays.includes(key)) {
        return (
          [1, 2, 3, 4, 5, 6, 0].map((weekday) => cal.workingHours[weekday] ?? []).find((s) => s.length) ?? []
        );
      }
      return [...(cal.workingHours[day.getUTCDay()] ?? [])];
    }
    function modelIsWorking(cal: BusinessCalendar, at: number): boolean {
      const wall = new Date(at + offsets[cal.timeZone]! * minuteMs);
      const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
      const today = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
      const yesterday = new Date(today.getTime() - dayMs);
      const length = ({ start, end }: DaySpan) => {
        const from = minutesOf(start);
        const to = minutesOf(end);
        return to <= from ? to + 24 * 60 - from : to - from;
      };
      return (
        spansOn(cal, today).some(
          (s) => minute >= minutesOf(s.start) && minute < minutesOf(s.start) + length(s),
        ) || spansOn(cal, yesterday).some((s) => minute + 24 * 60 < minutesOf(s.start) + length(s))
      );
    }
    fc.assert(
      fc.property(
        calendarOf(Object.keys(offsets)),
        instant,
        fc.array(fc.integer({ min: 0, max: 2 * 24 * 60 - 1 }), { minLength: 20, maxLength: 20 }),
        (cal, at, probes) => {
          memo.clear();
          const start = at - (at % minuteMs);
          let workingMinutes = 0;
          for (let minute = 0; minute < 2 * 24 * 60; minute++) {
            if (modelIsWorking(cal, start + minute * minuteMs)) workingMinutes++;
          }
          expect(workingTimeBetween(cal, start, start + 2 * dayMs)).toBe(workingMinutes * minuteMs);
          for (const minute of probes) {
            const t = start + minute * minuteMs;
            expect(isWorkingTime(cal, t), new Date(t).toISOString()).toBe(modelIsWorking(cal, t));
          }
        },
      ),
      runs,
    );
  }, 300_000);

  it('gives identical results whatever the process time zone', () => {
    const answers = (cal: BusinessCalendar, start: number, ms: number) => [
      addWorkingTime(cal, start, ms),
      addBusinessDuration(cal, start, { unit: 'workdays', amount: 3 }),
      workingTimeBetween(cal, start, start + ms),
      isWorkingTime(cal, start),
      nextServiceOpening({ ...cal, serviceHours: cal.workingHours }, start),
    ];
    fc.assert(
      fc.property(calendar, instant, budget, (cal, start, ms) => {
        const expected = answers(cal, start, ms);
        for (const machineZone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
          vi.stubEnv('TZ', machineZone);
          // A fresh object: nothing cached from the other zone can answer.
          expect(answers(structuredClone(cal), start, ms)).toEqual(expected);
        }
        vi.unstubAllEnvs();
      }),
      runs,
    );
  }, 300_000);
});
