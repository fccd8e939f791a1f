// Business-time arithmetic on a shop's calendar (issue 4): the ONE pure module every deadline, SLA clock and
// opening-time question goes through. Instants are epoch milliseconds (UTC); wall times are read in
// `calendar.timeZone` through ./zoned-time.ts, never in the process's zone.
//
// How a calendar becomes time (the definitions every function below shares):
// - Each local date D has its spans: service hours are the weekday's `serviceHours` on every date, holidays included
//   (seed 001: 9:00–23:00 不限工作日和节假日). Working hours are none on a holiday, the make-up-day hours on a 调休
//   make-up day (the hours of the first weekday, Monday to Sunday, that has working hours) and the weekday's
//   `workingHours` otherwise. A span belongs to the date it starts on, so a holiday also removes the part of a
//   cross-midnight span that runs into the next day.
// - A span's wall-clock ends become instants with `fromZonedParts` (a reading in a DST gap moves forward by the
//   gap; a reading in an overlap is the earlier instant), so a 09:00–18:00 day lasts 9 hours on a DST day too, and
//   a span crossing the change is an hour shorter or longer.
// - A date's own time is the union of its spans minus whatever the previous date's spans already cover. Own times
//   never overlap and follow each other date by date, so each working instant has exactly one owning date; this is
//   what "the position within a workday" means for `workdays` durations.
// - Intervals are start-inclusive, end-exclusive. A deadline lands at the EARLIEST instant that satisfies it, so
//   a budget that runs out exactly when a span ends gives that span's end (Friday 18:00), not the next opening.
import { addZonedDays, fromZonedParts, toZonedParts, weekdayOf, type LocalDate } from './zoned-time.js';

/** 'HH:MM', 24-hour clock; '24:00' is allowed as an end. */
export type WallClock = string;

/** One span of a day. `end` <= `start` means the span crosses midnight and ends on the next day. */
export interface DaySpan {
  start: WallClock;
  end: WallClock;
}

/** Spans per weekday, index 0 = Sunday … 6 = Saturday (the weekday on which each span starts). */
export type WeeklyHours = readonly (readonly DaySpan[])[];

export interface BusinessCalendar {
  /** IANA zone, default Asia/Shanghai. */
  timeZone: string;
  /** When work-order clocks run ("business time", "workdays"). */
  workingHours: WeeklyHours;
  /** When chat service is open (seed 001: 09:00–23:00 every day including holidays). */
  serviceHours: WeeklyHours;
  /** 'YYYY-MM-DD' local dates that are not workdays (public holidays). */
  holidays: readonly string[];
  /** 'YYYY-MM-DD' 调休 make-up workdays: worked although they fall on a weekend, with the hours of a normal workday. */
  makeupWorkdays: readonly string[];
}

/** An SLA target: wall-clock minutes, working-time minutes, or whole workdays. */
export type BusinessDuration =
  | { unit: 'calendar_minutes'; amount: number }
  | { unit: 'business_minutes'; amount: number }
  | { unit: 'workdays'; amount: number };

/** The same spans on all seven weekdays. */
export function everyDay(spans: readonly DaySpan[]): WeeklyHours {
  return [spans, spans, spans, spans, spans, spans, spans];
}

/** Monday to Friday with `spans`, nothing at the weekend. */
export function mondayToFriday(spans: readonly DaySpan[]): WeeklyHours {
  return [[], spans, spans, spans, spans, spans, []];
}

/**
 * A shop's calendar before anyone edits it: Asia/Shanghai, working hours Monday–Friday 09:00–18:00 (the office day
 * of seed 003, whose cut-off is 18:00), service 09:00–23:00 every day (seed 001), no holidays (the calendar module
 * seeds the PRC schedule on top).
 */
export const defaultBusinessCalendar: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingHours: mondayToFriday([{ start: '09:00', end: '18:00' }]),
  serviceHours: everyDay([{ start: '09:00', end: '23:00' }]),
  holidays: [],
  makeupWorkdays: [],
};

const minuteMs = 60_000;
const wallClockPattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of 'HH:MM'; '24:00' (1440) only when `endOfDay` is allowed. Throws a RangeError otherwise. */
export function parseWallClock(value: WallClock, setting = 'time', endOfDay = false): number {
  const match = wallClockPattern.exec(value);
  if (!match || (match[3] !== undefined && !endOfDay)) {
    const range = endOfDay ? '00:00 and 24:00' : '00:00 and 23:59';
    throw new RangeError(`${setting} must be 'HH:MM' between ${range}, got '${value}'`);
  }
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4]);
}

/** Parses a 'YYYY-MM-DD' date that exists in the Gregorian calendar; throws a RangeError otherwise. */
export function parseLocalDate(value: string, setting = 'date'): LocalDate {
  const match = datePattern.exec(value);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || formatLocalDate(addZonedDays(date, 0)) !== value) {
    throw new RangeError(`${setting} must be an existing 'YYYY-MM-DD' date, got '${value}'`);
  }
  return date;
}

/** 'YYYY-MM-DD' of a calendar date. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The shop-local date ('YYYY-MM-DD') at `instant`. */
export function localDateOf(calendar: BusinessCalendar, instant: number): string {
  return formatLocalDate(toZonedParts(instant, calendar.timeZone));
}

// ---------------------------------------------------------------------------------------------------------------
// Compiling a calendar: parsed spans, date sets and a per-date cache of intervals, kept per calendar object.

type Kind = 'working' | 'service';

/** A span in minutes after the midnight of the date it starts on; `end` > `start`, at most 24 h later. */
interface MinuteSpan {
  start: number;
  end: number;
}

interface Interval {
  start: number;
  end: number;
}

interface Compiled {
  timeZone: string;
  weekly: Record<Kind, MinuteSpan[][]>;
  makeupSpans: MinuteSpan[];
  holidays: ReadonlySet<string>;
  makeups: ReadonlySet<string>;
  /** The latest holiday or make-up date: after it, the weekly pattern alone decides. */
  lastListed: string;
  dayCache: Record<Kind, Map<string, Interval[]>>;
  ownCache: Record<Kind, Map<string, Interval[]>>;
}

const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();
const cacheLimit = 4_000;

function compileWeek(weekly: WeeklyHours, setting: string): MinuteSpan[][] {
  if (weekly.length !== 7) throw new RangeError(`${setting} must list 7 weekdays, got ${weekly.length}`);
  return weekly.map((spans, weekday) =>
    spans.map((span) => {
      const start = parseWallClock(span.start, `${setting}[${weekday}].start`);
      let end = parseWallClock(span.end, `${setting}[${weekday}].end`, true);
      if (end <= start) end += 24 * 60;
      return { start, end };
    }),
  );
}

function compile(calendar: BusinessCalendar): Compiled {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  toZonedParts(0, calendar.timeZone); // a RangeError for an unknown zone, before any arithmetic
  const working = compileWeek(calendar.workingHours, 'workingHours');
  const service = compileWeek(calendar.serviceHours, 'serviceHours');
  const listed = [...calendar.holidays, ...calendar.makeupWorkdays];
  for (const date of listed) parseLocalDate(date, 'holiday or make-up day');
  const compiled: Compiled = {
    timeZone: calendar.timeZone,
    weekly: { working, service },
    makeupSpans:
      [1, 2, 3, 4, 5, 6, 0].map((weekday) => working[weekday] ?? []).find((s) => s.length > 0) ?? [],
    holidays: new Set(calendar.holidays),
    makeups: new Set(calendar.makeupWorkdays),
    lastListed: listed.reduce((latest, date) => (date > latest ? date : latest), '0000-00-00'),
    dayCache: { working: new Map(), service: new Map() },
    ownCache: { working: new Map(), service: new Map() },
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function spansOf(c: Compiled, kind: Kind, date: LocalDate): MinuteSpan[] {
  const weekday = weekdayOf(date) % 7;
  if (kind === 'service') return c.weekly.service[weekday] ?? [];
  const key = formatLocalDate(date);
  if (c.holidays.has(key)) return [];
  if (c.makeups.has(key)) return c.makeupSpans;
  return c.weekly.working[weekday] ?? [];
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

function wallInstant(c: Compiled, date: LocalDate, minutes: number): number {
  return fromZonedParts({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, c.timeZone);
}

/** The union of a date's spans as sorted, disjoint, non-touching instants. */
function dayIntervals(c: Compiled, kind: Kind, date: LocalDate): Interval[] {
  const key = formatLocalDate(date);
  const cached = c.dayCache[kind].get(key);
  if (cached) return cached;
  const intervals = spansOf(c, kind, date)
    .map((span) => ({ start: wallInstant(c, date, span.start), end: wallInstant(c, date, span.end) }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return remember(c.dayCache[kind], key, merged);
}

/** A date's own time: its intervals minus what the previous date's intervals already cover (see the header). */
function ownIntervals(c: Compiled, kind: Kind, date: LocalDate): Interval[] {
  const key = formatLocalDate(date);
  const cached = c.ownCache[kind].get(key);
  if (cached) return cached;
  const covered = dayIntervals(c, kind, addZonedDays(date, -1));
  const own: Interval[] = [];
  for (const interval of dayIntervals(c, kind, date)) {
    let start = interval.start;
    for (const cover of covered) {
      if (cover.end <= start || cover.start >= interval.end) continue;
      if (cover.start > start) own.push({ start, end: cover.start });
      start = Math.max(start, cover.end);
    }
    if (start < interval.end) own.push({ start, end: interval.end });
  }
  return remember(c.ownCache[kind], key, own);
}

function localDate(c: Compiled, instant: number): LocalDate {
  const { year, month, day } = toZonedParts(instant, c.timeZone);
  return { year, month, day };
}

/**
 * Dates from `date` on, each with its own intervals. Throws a RangeError once it is certain no working (or service)
 * time will ever come: a week and a day without any after the last listed holiday or make-up day.
 */
function* datesFrom(
  c: Compiled,
  kind: Kind,
  date: LocalDate,
): Generator<{ date: LocalDate; own: Interval[] }> {
  let emptyRun = 0;
  for (let current = date; ; current = addZonedDays(current, 1)) {
    const own = ownIntervals(c, kind, current);
    // Only days past the last listed holiday or make-up day repeat weekly, so only they count towards "never".
    const weekly = kind === 'service' || formatLocalDate(current) > c.lastListed;
    emptyRun = own.length > 0 || !weekly ? 0 : emptyRun + 1;
    if (emptyRun > 8) {
      throw new RangeError(
        `business-time: the calendar has no ${kind} hours after ${formatLocalDate(current)}`,
      );
    }
    yield { date: current, own };
  }
}

/** Own intervals, in order, that end after `instant`. */
function* intervalsAfter(c: Compiled, kind: Kind, instant: number): Generator<Interval> {
  for (const { own } of datesFrom(c, kind, addZonedDays(localDate(c, instant), -1))) {
    for (const interval of own) if (interval.end > instant) yield interval;
  }
}

function contains(c: Compiled, kind: Kind, instant: number): boolean {
  const today = localDate(c, instant);
  return [-1, 0, 1].some((offset) =>
    ownIntervals(c, kind, addZonedDays(today, offset)).some(
      (interval) => interval.start <= instant && instant < interval.end,
    ),
  );
}

function assertInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant, got ${value}`);
}

function assertAmount(name: string, value: number, integer = false): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${value}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Working time.

/** Whether `date` ('YYYY-MM-DD', shop-local) is a workday: weekday with working hours or a make-up day, and no holiday. */
export function isWorkday(calendar: BusinessCalendar, date: string): boolean {
  const c = compile(calendar);
  return spansOf(c, 'working', parseLocalDate(date)).length > 0;
}

/** The first workday after `date` ('YYYY-MM-DD'), or with `count` the `count`-th one (count >= 1). */
export function nextWorkday(calendar: BusinessCalendar, date: string, count = 1): string {
  assertAmount('count', count, true);
  if (count < 1) throw new RangeError(`count must be at least 1, got ${count}`);
  const c = compile(calendar);
  let remaining = count;
  for (const day of datesFrom(c, 'working', addZonedDays(parseLocalDate(date), 1))) {
    if (spansOf(c, 'working', day.date).length > 0 && --remaining === 0) return formatLocalDate(day.date);
  }
  throw new Error('unreachable');
}

/** Whether `instant` lies inside working time (start inclusive, end exclusive). */
export function isWorkingTime(calendar: BusinessCalendar, instant: number): boolean {
  assertInstant('instant', instant);
  return contains(compile(calendar), 'working', instant);
}

/** The first instant at or after `instant` inside working time (`instant` itself when already inside). */
export function nextWorkingTime(calendar: BusinessCalendar, instant: number): number {
  assertInstant('instant', instant);
  for (const interval of intervalsAfter(compile(calendar), 'working', instant)) {
    return Math.max(interval.start, instant);
  }
  throw new Error('unreachable');
}

/** Working time, in ms, between `from` and `to` (0 when `to` <= `from`). */
export function workingTimeBetween(calendar: BusinessCalendar, from: number, to: number): number {
  assertInstant('from', from);
  assertInstant('to', to);
  if (to <= from) return 0;
  const c = compile(calendar);
  let total = 0;
  for (let date = addZonedDays(localDate(c, from), -1); ; date = addZonedDays(date, 1)) {
    // A date's spans start at or after its own midnight, so once that is past `to` nothing more can count.
    if (wallInstant(c, date, 0) >= to) return total;
    for (const interval of ownIntervals(c, 'working', date)) {
      total += Math.max(0, Math.min(interval.end, to) - Math.max(interval.start, from));
    }
  }
}

/**
 * The instant at which `ms` of working time has elapsed after `start`; the result always lies in working time (or is a span's end).
 *
 * Precisely: the earliest instant T with workingTimeBetween(start, T) = ms. For ms > 0 the millisecond before T is
 * working time (T is inside a span or exactly at its end); for ms = 0, T = start, so adding a and then b always
 * equals adding a + b.
 */
export function addWorkingTime(calendar: BusinessCalendar, start: number, ms: number): number {
  assertInstant('start', start);
  assertAmount('ms', ms);
  if (ms === 0) return start;
  let remaining = ms;
  for (const interval of intervalsAfter(compile(calendar), 'working', start)) {
    const from = Math.max(interval.start, start);
    if (remaining <= interval.end - from) return from + remaining;
    remaining -= interval.end - from;
  }
  throw new Error('unreachable');
}

/**
 * `count` workdays after `start`: the same working position on the `count`-th following workday.
 *
 * The clock starts at the first working instant at or after `start`; the date that owns it is day 0 and the working
 * time already elapsed on it before that instant is the position (a start outside working time sits at position 0
 * of the next workday). The deadline is that position on the `count`-th following workday (调休 make-up days count,
 * holidays and non-working weekends do not), or that day's end when it is shorter, and as everywhere the earliest
 * instant with that much working time: position 0 of a workday is the end of the previous one. So Tuesday 15:00 +
 * 3 workdays is Friday 15:00, and anything from Friday 18:00 to Monday 09:00 + 3 workdays is Wednesday 18:00 (three
 * full workdays).
 */
export function addWorkdays(calendar: BusinessCalendar, start: number, count: number): number {
  assertInstant('start', start);
  assertAmount('count', count, true);
  if (count === 0) return start;
  const c = compile(calendar);
  const clockStart = nextWorkingTime(calendar, start);
  let position = 0;
  let remaining = count;
  let owned = false;
  for (const { own } of datesFrom(c, 'working', addZonedDays(localDate(c, clockStart), -1))) {
    if (!owned) {
      if (!own.some((interval) => interval.start <= clockStart && clockStart < interval.end)) continue;
      owned = true;
      for (const interval of own)
        position += Math.max(0, Math.min(interval.end, clockStart) - interval.start);
      continue;
    }
    if (own.length === 0 || --remaining > 0) continue;
    let left = position;
    let target = own[0]!.start;
    for (const interval of own) {
      target = interval.start + Math.min(left, interval.end - interval.start);
      if (left <= interval.end - interval.start) break;
      left -= interval.end - interval.start;
    }
    return addWorkingTime(calendar, start, workingTimeBetween(calendar, start, target));
  }
  throw new Error('unreachable');
}

/** The deadline `duration` after `start` on `calendar`. */
export function addBusinessDuration(
  calendar: BusinessCalendar,
  start: number,
  duration: BusinessDuration,
): number {
  switch (duration.unit) {
    case 'calendar_minutes':
      assertInstant('start', start);
      assertAmount('amount', duration.amount);
      return start + duration.amount * minuteMs;
    case 'business_minutes':
      assertAmount('amount', duration.amount);
      return addWorkingTime(calendar, start, duration.amount * minuteMs);
    case 'workdays':
      return addWorkdays(calendar, start, duration.amount);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chat service hours.

/** Whether the chat service is open at `instant`. */
export function isServiceTime(calendar: BusinessCalendar, instant: number): boolean {
  assertInstant('instant', instant);
  return contains(compile(calendar), 'service', instant);
}

/** The first opening (a service period starting after a closed moment) at or after `instant`, null if none within 16 days. */
function findServiceOpening(calendar: BusinessCalendar, instant: number): number | null {
  const c = compile(calendar);
  const first = addZonedDays(localDate(c, instant), -2);
  let previousEnd = -Infinity;
  for (let offset = 0; offset <= 18; offset++) {
    for (const interval of ownIntervals(c, 'service', addZonedDays(first, offset))) {
      if (interval.start >= instant && interval.start !== previousEnd) return interval.start;
      previousEnd = interval.end;
    }
  }
  return null;
}

/**
 * The next opening of the chat service at or after `instant`.
 *
 * Inside service hours this is the following opening (the instant itself only when a period starts exactly then);
 * with around-the-clock service, which never opens, the instant itself. Throws a RangeError when service never opens.
 */
export function nextServiceOpening(calendar: BusinessCalendar, instant: number): number {
  assertInstant('instant', instant);
  const opening = findServiceOpening(calendar, instant);
  if (opening !== null) return opening;
  if (isServiceTime(calendar, instant)) return instant;
  throw new RangeError('business-time: the calendar has no service hours');
}

/** The first instant at or after `from` at which the wall clock of `timeZone` reads `time` (DST gaps: moved forward). */
export function nextWallClock(timeZone: string, from: number, time: WallClock): number {
  const minutes = parseWallClock(time);
  const today = toZonedParts(from, timeZone);
  for (let date: LocalDate = today; ; date = addZonedDays(date, 1)) {
    const candidate = fromZonedParts(
      {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
      },
      timeZone,
    );
    if (candidate >= from) return candidate;
  }
}

/**
 * The deadline for answering a consultation received at `receivedAt` outside service hours (seed 001: 每日23:00-次日
 * 09:00(含)接收到的咨询必须于次日09:30前回复完毕), or null when it was received in service (or service never opens).
 *
 * Off hours are the closed time plus the first second of each opening (09:00:00 counts, 09:00:01 does not; seed
 * 001's "09:00(含)"). The deadline is the first instant at or after both `receivedAt` and that opening at which the
 * wall clock reads `replyBy`: 23:30 → 09:30 the next day, 02:00 → 09:30 the same day.
 */
export function offHoursReplyDue(
  calendar: BusinessCalendar,
  receivedAt: number,
  replyBy: WallClock,
): number | null {
  assertInstant('receivedAt', receivedAt);
  parseWallClock(replyBy, 'replyBy');
  const second = receivedAt - (((receivedAt % 1000) + 1000) % 1000);
  const opening = findServiceOpening(calendar, second);
  if (opening === null) return null;
  const atOpeningSecond = opening === second;
  if (!atOpeningSecond && isServiceTime(calendar, receivedAt)) return null;
  return nextWallClock(calendar.timeZone, Math.max(receivedAt, opening), replyBy);
}

// ---------------------------------------------------------------------------------------------------------------
// Seed 003 message cut-offs.

/** Seed 003's cut-offs: 18点前的留言归类为当天征询数据 … 晚上的留言第二个工作日12点之前必须解决完毕. */
export interface ConsultationCutoffs {
  /** Messages from this wall-clock time on count for the next workday. Default '18:00'. */
  cutoff: WallClock;
  /** Night messages are due by this wall-clock time of the workday they count for. Default '12:00'. */
  dueBy: WallClock;
}

export const defaultConsultationCutoffs: ConsultationCutoffs = { cutoff: '18:00', dueBy: '12:00' };

export interface ConsultationDue {
  /** The workday ('YYYY-MM-DD') whose consultation figures the message counts in. */
  countsFor: string;
  /** When it must be resolved. */
  dueAt: number;
}

/**
 * Which workday a message counts for and when it is due (seed 003: 下班前必须解决完当天的征询。晚上的留言第二个工作日12点之前
 * 必须解决完毕。18点前的留言归类为当天征询数据，18点以后的征询归类为第二个工作日征询数据).
 *
 * - On a workday before the cut-off and while that day's working hours are still ahead or running: it counts for
 *   that day and is due when that day's working time ends (下班前); received before work starts (a night message
 *   after midnight), it is due at `dueBy` that day instead, or at the day's end if that is earlier.
 * - Otherwise (from the cut-off on, after the day's work ended, or on a non-workday): it counts for the next workday
 *   and is due at `dueBy` on it. Friday 18:05 → Monday 12:00 (or a 调休 Saturday's 12:00).
 */
export function consultationDue(
  calendar: BusinessCalendar,
  receivedAt: number,
  cutoffs: ConsultationCutoffs = defaultConsultationCutoffs,
): ConsultationDue {
  assertInstant('receivedAt', receivedAt);
  const c = compile(calendar);
  const cutoff = parseWallClock(cutoffs.cutoff, 'cutoff', true);
  const dueBy = parseWallClock(cutoffs.dueBy, 'dueBy');
  const today = localDate(c, receivedAt);
  const todayKey = formatLocalDate(today);
  const own = ownIntervals(c, 'working', today);
  const dayEnd = own.at(-1)?.end;
  if (isWorkday(calendar, todayKey) && dayEnd !== undefined && receivedAt < wallInstant(c, today, cutoff)) {
    if (receivedAt < own[0]!.start) {
      return {
        countsFor: todayKey,
        dueAt: Math.min(Math.max(wallInstant(c, today, dueBy), receivedAt), dayEnd),
      };
    }
    if (receivedAt < dayEnd) return { countsFor: todayKey, dueAt: dayEnd };
  }
  const countsFor = nextWorkday(calendar, todayKey);
  return { countsFor, dueAt: wallInstant(c, parseLocalDate(countsFor), dueBy) };
}
