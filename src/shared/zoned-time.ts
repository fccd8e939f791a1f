// Converts UTC instants (epoch ms) to and from the wall clock of an IANA time zone, without ever using the process's own zone.
//
// Only `Intl.DateTimeFormat` with an explicit `timeZone` and the `getUTC*`/`setUTC*` Date methods are used:
// local-time Date methods (getHours, setDate, …) would silently depend on the machine's TZ.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date with no zone attached (month 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** What the wall clock in a zone shows at one instant. */
export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

/** A wall-clock reading to convert back to an instant; the time of day defaults to 00:00:00. */
export interface ZonedPartsInput extends LocalDate {
  hour?: number;
  minute?: number;
  second?: number;
}

const dayMs = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a caller with a bad shop setting should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Epoch ms of a wall-clock reading taken as if it were UTC; out-of-range fields roll over (month 13 → January). */
function wallClockAsUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function assertInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

/** ISO weekday of a calendar date (1 = Monday … 7 = Sunday). */
export function weekdayOf(date: LocalDate): Weekday {
  const sundayBased = new Date(wallClockAsUtc(date.year, date.month, date.day)).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as Weekday;
}

/** The wall clock of `timeZone` at `instant` (to the second; milliseconds are dropped). */
export function toZonedParts(instant: number, timeZone: string): ZonedParts {
  if (!Number.isFinite(instant)) throw new RangeError(`instant must be a finite number, got ${instant}`);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields['year'] ?? NaN;
  const month = fields['month'] ?? NaN;
  const day = fields['day'] ?? NaN;
  return {
    year,
    month,
    day,
    // Some ICU versions render midnight as 24 even with h23.
    hour: (fields['hour'] ?? NaN) % 24,
    minute: fields['minute'] ?? NaN,
    second: fields['second'] ?? NaN,
    weekday: weekdayOf({ year, month, day }),
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = toZonedParts(instant, timeZone);
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wallClockAsUtc(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

/**
 * The instant at which the wall clock of `timeZone` shows `parts`.
 *
 * - DST gap (the reading never happens, e.g. New York 2026-03-08 02:30): the reading is moved forward by the
 *   length of the gap, so 02:30 becomes 03:30 EDT, the same instant as 02:30 read with the pre-gap offset.
 * - DST overlap (the reading happens twice, e.g. New York 2026-11-01 01:30): the earlier instant (EDT) is
 *   returned.
 *
 * Fields must be integers; out-of-range values roll over the way Date does (hour 24 is 00:00 the next day).
 * A zone is assumed to change its offset at most once within a day either side of the reading, which holds for
 * every zone in the IANA database in the years a shop can work in.
 */
export function fromZonedParts(parts: ZonedPartsInput, timeZone: string): number {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  for (const [name, value] of Object.entries({ year, month, day, hour, minute, second })) {
    assertInteger(name, value);
  }
  const wall = wallClockAsUtc(year, month, day, hour, minute, second);
  const offsetBefore = zoneOffsetMs(wall - dayMs, timeZone);
  const offsetAfter = zoneOffsetMs(wall + dayMs, timeZone);
  const matches = [wall - offsetBefore, wall - offsetAfter].filter(
    (candidate) => candidate + zoneOffsetMs(candidate, timeZone) === wall,
  );
  if (matches.length > 0) return Math.min(...matches);
  // A gap: read with the offset in force before it, the reading lands after the gap by exactly the gap's length.
  return wall - offsetBefore;
}

/**
 * `fromZonedParts` for many readings in few hours (an import's rows): the start of each wall-clock hour is converted
 * once and remembered, and a reading in an hour that starts on the wall clock and keeps one offset throughout is
 * that start plus its minutes and seconds. Any other hour (one a DST change begins inside, or whose start falls in
 * a gap, e.g. Lord Howe's 30-minute one) goes through `fromZonedParts`, so the result is always the same as its.
 */
export function fromZonedPartsCached(parts: ZonedPartsInput, timeZone: string): number {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  for (const [name, value] of Object.entries({ year, month, day, hour, minute, second })) {
    assertInteger(name, value);
  }
  const wall = wallClockAsUtc(year, month, day, hour, minute, second);
  const wallHour = Math.floor(wall / hourMs) * hourMs;
  const key = `${timeZone}|${wallHour}`;
  let start = hourStarts.get(key);
  if (start === undefined) {
    const instant = fromZonedParts(toWallParts(wallHour), timeZone);
    const offset = zoneOffsetMs(instant, timeZone);
    const exact = instant + offset === wallHour && zoneOffsetMs(instant + hourMs - 1, timeZone) === offset;
    start = exact ? instant : null;
    if (hourStarts.size >= 100_000) hourStarts.clear();
    hourStarts.set(key, start);
  }
  return start === null ? fromZonedParts(parts, timeZone) : start + (wall - wallHour);
}

const hourMs = 3_600_000;
/** Wall-clock hour (as if UTC) → its start instant, or null when the hour needs the full conversion. */
const hourStarts = new Map<string, number | null>();

function toWallParts(wall: number): ZonedPartsInput {
  const date = new Date(wall);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
  };
}

/** The calendar date `days` days after (or before, if negative) `date`; pure calendar arithmetic, no zone. */
export function addZonedDays(date: LocalDate, days: number): LocalDate {
  assertInteger('days', days);
  const shifted = new Date(wallClockAsUtc(date.year, date.month, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
