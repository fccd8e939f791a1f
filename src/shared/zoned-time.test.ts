import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addZonedDays,
  fromZonedParts,
  fromZonedPartsCached,
  toZonedParts,
  weekdayOf,
  zoneOffsetMs,
  type ZonedParts,
} from './zoned-time.js';

const hourMs = 3_600_000;
const shanghai = 'Asia/Shanghai';
const newYork = 'America/New_York';
const zones = [shanghai, 'UTC', newYork, 'Europe/Berlin', 'Australia/Sydney'] as const;

function wholeSecond(instant: number): number {
  return instant - (((instant % 1000) + 1000) % 1000);
}

describe('toZonedParts', () => {
  it('reads Asia/Shanghai as UTC+8 all year (no DST)', () => {
    expect(toZonedParts(Date.UTC(2026, 0, 15, 1, 0, 0), shanghai)).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 9,
      minute: 0,
      second: 0,
      weekday: 4,
    });
    expect(toZonedParts(Date.UTC(2026, 6, 15, 15, 30, 45), shanghai)).toMatchObject({
      month: 7,
      day: 15,
      hour: 23,
      minute: 30,
      second: 45,
    });
  });

  it('rolls over to the next Shanghai day at 16:00 UTC, including the year', () => {
    expect(toZonedParts(Date.UTC(2026, 11, 31, 16, 0, 0), shanghai)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 5,
    });
  });

  it('shows midnight as hour 0, never 24', () => {
    expect(toZonedParts(Date.UTC(2026, 2, 8, 5, 0, 0), newYork).hour).toBe(0);
  });

  it('drops milliseconds instead of rounding them up', () => {
    expect(toZonedParts(Date.UTC(2026, 0, 1, 0, 59, 59, 999), 'UTC')).toMatchObject({
      minute: 59,
      second: 59,
    });
  });

  it('numbers weekdays 1 = Monday … 7 = Sunday', () => {
    // 2026-03-02 is a Monday.
    const weekdays = [2, 3, 4, 5, 6, 7, 8].map(
      (day) => toZonedParts(Date.UTC(2026, 2, day, 4, 0, 0), shanghai).weekday,
    );
    expect(weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('follows New York across both DST changes of 2026', () => {
    expect(toZonedParts(Date.UTC(2026, 2, 8, 6, 59, 59), newYork)).toMatchObject({ hour: 1, minute: 59 });
    expect(toZonedParts(Date.UTC(2026, 2, 8, 7, 0, 0), newYork)).toMatchObject({ hour: 3, minute: 0 });
    expect(toZonedParts(Date.UTC(2026, 10, 1, 5, 30, 0), newYork)).toMatchObject({ hour: 1, minute: 30 });
    expect(toZonedParts(Date.UTC(2026, 10, 1, 6, 30, 0), newYork)).toMatchObject({ hour: 1, minute: 30 });
  });

  it('rejects an unknown time zone and a non-finite instant', () => {
    expect(() => toZonedParts(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => toZonedParts(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});

describe('zoneOffsetMs', () => {
  it('is +8 h in Shanghai, −5 h / −4 h in New York winter / summer', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), shanghai)).toBe(8 * hourMs);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), newYork)).toBe(-5 * hourMs);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), newYork)).toBe(-4 * hourMs);
  });
});

describe('fromZonedParts', () => {
  it('round-trips Shanghai wall clock times', () => {
    const instant = fromZonedParts({ year: 2026, month: 5, day: 1, hour: 9, minute: 30 }, shanghai);
    expect(instant).toBe(Date.UTC(2026, 4, 1, 1, 30, 0));
    expect(toZonedParts(instant, shanghai)).toMatchObject({
      year: 2026,
      month: 5,
      day: 1,
      hour: 9,
      minute: 30,
    });
  });

  it('defaults the time of day to midnight', () => {
    expect(fromZonedParts({ year: 2026, month: 1, day: 1 }, shanghai)).toBe(Date.UTC(2025, 11, 31, 16, 0, 0));
  });

  it('rolls over out-of-range fields like a calendar (hour 24 is the next midnight)', () => {
    expect(fromZonedParts({ year: 2026, month: 12, day: 31, hour: 24 }, shanghai)).toBe(
      fromZonedParts({ year: 2027, month: 1, day: 1 }, shanghai),
    );
  });

  it('keeps years below 100 as written (no 19xx surprise)', () => {
    expect(toZonedParts(fromZonedParts({ year: 99, month: 6, day: 1, hour: 12 }, 'UTC'), 'UTC').year).toBe(
      99,
    );
  });

  it('rejects fractional fields', () => {
    expect(() => fromZonedParts({ year: 2026, month: 1, day: 1.5 }, shanghai)).toThrow(RangeError);
  });

  it('moves a New York time inside the spring-forward gap forward by the gap (02:30 → 03:30 EDT)', () => {
    const instant = fromZonedParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, newYork);
    expect(instant).toBe(Date.UTC(2026, 2, 8, 7, 30, 0));
    expect(toZonedParts(instant, newYork)).toMatchObject({ day: 8, hour: 3, minute: 30 });
  });

  it('reads the edges of the New York gap exactly', () => {
    expect(fromZonedParts({ year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 59 }, newYork)).toBe(
      Date.UTC(2026, 2, 8, 6, 59, 59),
    );
    expect(fromZonedParts({ year: 2026, month: 3, day: 8, hour: 3 }, newYork)).toBe(Date.UTC(2026, 2, 8, 7));
  });

  it('takes the earlier instant of a New York fall-back overlap (01:30 EDT, not 01:30 EST)', () => {
    const instant = fromZonedParts({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, newYork);
    expect(instant).toBe(Date.UTC(2026, 10, 1, 5, 30, 0));
    expect(zoneOffsetMs(instant, newYork)).toBe(-4 * hourMs);
  });

  it('is back on EST right after the overlap', () => {
    expect(fromZonedParts({ year: 2026, month: 11, day: 1, hour: 2 }, newYork)).toBe(
      Date.UTC(2026, 10, 1, 7),
    );
  });

  it('handles the southern-hemisphere DST of Sydney (gap in October, overlap in April)', () => {
    // 2026-10-04 02:00 AEST → 03:00 AEDT; 2026-04-05 03:00 AEDT → 02:00 AEST.
    expect(
      toZonedParts(
        fromZonedParts({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, 'Australia/Sydney'),
        'Australia/Sydney',
      ),
    ).toMatchObject({ hour: 3, minute: 15 });
    expect(fromZonedParts({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney')).toBe(
      Date.UTC(2026, 3, 4, 15, 30, 0),
    );
  });

  it('round-trips any instant of 2020–2030 in five zones to the second (overlaps give the earlier reading)', () => {
    const instants = fc.oneof(
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) - 1 }),
      // Instants within a few hours of the 2026 New York / Berlin / Sydney transitions, so overlaps are hit.
      fc
        .constantFrom(
          Date.UTC(2026, 2, 8, 7),
          Date.UTC(2026, 10, 1, 6),
          Date.UTC(2026, 9, 25, 1),
          Date.UTC(2026, 3, 4, 16),
        )
        .chain((centre) => fc.integer({ min: centre - 3 * hourMs, max: centre + 3 * hourMs })),
    );
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const parts = toZonedParts(instant, zone);
        const back = fromZonedParts(parts, zone);
        expect(toZonedParts(back, zone)).toEqual(parts);
        if (back !== wholeSecond(instant)) {
          // Only the second pass through a repeated hour may map back elsewhere: to the first pass, earlier.
          expect(back).toBeLessThan(wholeSecond(instant));
          expect(zoneOffsetMs(back, zone)).toBeGreaterThan(zoneOffsetMs(instant, zone));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('round-trips exactly whenever the wall-clock reading is not repeated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) - 1 }),
        fc.constantFrom(shanghai, 'UTC'),
        (instant, zone) => {
          expect(fromZonedParts(toZonedParts(instant, zone), zone)).toBe(wholeSecond(instant));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('addZonedDays and weekdayOf', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addZonedDays({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 1 });
    expect(addZonedDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addZonedDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addZonedDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addZonedDays({ year: 2026, month: 3, day: 1 }, 0)).toEqual({ year: 2026, month: 3, day: 1 });
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf({ year: 2026, month: 2, day: 17 })).toBe(2); // Spring Festival 2026, a Tuesday
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe(7);
  });
});

describe('independence from the machine time zone', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function sampleReadings(): Array<[ZonedParts, number]> {
    return [
      [
        toZonedParts(Date.UTC(2026, 0, 15, 1), shanghai),
        fromZonedParts({ year: 2026, month: 1, day: 15, hour: 9 }, shanghai),
      ],
      [
        toZonedParts(Date.UTC(2026, 2, 8, 7, 30), newYork),
        fromZonedParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, newYork),
      ],
      [
        toZonedParts(Date.UTC(2026, 10, 1, 6, 30), newYork),
        fromZonedParts({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, newYork),
      ],
    ];
  }

  it('gives the same answers whatever TZ the process runs in', () => {
    const expected = sampleReadings();
    for (const machineZone of [
      'UTC',
      'America/Los_Angeles',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'Europe/London',
    ]) {
      vi.stubEnv('TZ', machineZone);
      expect(sampleReadings()).toEqual(expected);
    }
  });

  it('never calls a local-time Date method or reads the clock in the calendar and routing rules', () => {
    const localTime =
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset|Year)\(|Date\.now\(|toLocale|new Date\(\)/;
    for (const file of [
      './zoned-time.ts',
      '../modules/routing/service-hours.ts',
      '../modules/routing/rules.ts',
    ]) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(localTime);
    }
  });
});

describe('fromZonedPartsCached', () => {
  it('reads every quarter hour around DST changes exactly like fromZonedParts, twice over (cold and cached)', () => {
    const changes = [
      [newYork, 2026, 3, 8],
      [newYork, 2026, 11, 1],
      ['Australia/Sydney', 2026, 10, 4],
      ['Australia/Sydney', 2026, 4, 5],
      // 30-minute changes: 02:00 → 02:30 in October, 02:00 → 01:30 in April.
      ['Australia/Lord_Howe', 2026, 10, 4],
      ['Australia/Lord_Howe', 2026, 4, 5],
      [shanghai, 2026, 3, 8],
    ] as const;
    for (let pass = 0; pass < 2; pass++) {
      for (const [zone, year, month, day] of changes) {
        for (let minutes = 0; minutes < 5 * 60; minutes += 15) {
          const parts = {
            year,
            month,
            day,
            hour: Math.floor(minutes / 60),
            minute: minutes % 60,
            second: 30,
          };
          expect(fromZonedPartsCached(parts, zone), `${zone} ${JSON.stringify(parts)}`).toBe(
            fromZonedParts(parts, zone),
          );
        }
      }
    }
  });

  it('lets out-of-range fields roll over and refuses fractions like fromZonedParts', () => {
    expect(fromZonedPartsCached({ year: 2026, month: 12, day: 31, hour: 23, minute: 90 }, shanghai)).toBe(
      fromZonedParts({ year: 2027, month: 1, day: 1, hour: 0, minute: 30 }, shanghai),
    );
    expect(() => fromZonedPartsCached({ year: 2026, month: 1, day: 1, minute: 0.5 }, shanghai)).toThrow(
      RangeError,
    );
  });
});
