// A shop's online service hours 在线客服服务时长 and the off-hours reply deadline (SPEC §3, seed 001), as pure functions of an instant.
import { addZonedDays, fromZonedParts, toZonedParts, type LocalDate } from '../../shared/zoned-time.js';

/**
 * Daily service hours in the shop's zone, the same every day including holidays (seed 001: 不限工作日和节假日).
 * `opensAt` is inclusive, `closesAt` exclusive; `closesAt` earlier than `opensAt` crosses midnight
 * (20:00–02:00); equal values mean service around the clock.
 */
export interface ServiceHours {
  timeZone: string;
  /** 'HH:MM', 24-hour clock. */
  opensAt: string;
  /** 'HH:MM', 24-hour clock. */
  closesAt: string;
  /** 'HH:MM': off-hours consultations must be answered by this wall-clock time once service reopens. */
  offHoursReplyBy: string;
}

/** Seed 001: 9:00–23:00 every day; consultations received 23:00–09:00 (inclusive) answered by 09:30. */
export const defaultServiceHours: ServiceHours = {
  timeZone: 'Asia/Shanghai',
  opensAt: '09:00',
  closesAt: '23:00',
  offHoursReplyBy: '09:30',
};

const wallTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface WallTime {
  hour: number;
  minute: number;
}

/** Parses 'HH:MM' (00:00–23:59); throws a RangeError naming the setting otherwise. */
export function parseWallTime(value: string, setting = 'time'): WallTime {
  const match = wallTimePattern.exec(value);
  if (!match) throw new RangeError(`${setting} must be 'HH:MM' between 00:00 and 23:59, got '${value}'`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function secondsOfDay(time: WallTime): number {
  return time.hour * 3600 + time.minute * 60;
}

interface ParsedHours {
  opens: WallTime;
  openSecond: number;
  closeSecond: number;
  replyBy: WallTime;
  aroundTheClock: boolean;
}

function parseHours(hours: ServiceHours): ParsedHours {
  const opens = parseWallTime(hours.opensAt, 'opensAt');
  const openSecond = secondsOfDay(opens);
  const closeSecond = secondsOfDay(parseWallTime(hours.closesAt, 'closesAt'));
  const replyBy = parseWallTime(hours.offHoursReplyBy, 'offHoursReplyBy');
  return { opens, openSecond, closeSecond, replyBy, aroundTheClock: openSecond === closeSecond };
}

function isOpenAtSecond(second: number, parsed: ParsedHours): boolean {
  if (parsed.aroundTheClock) return true;
  if (parsed.openSecond < parsed.closeSecond) {
    return second >= parsed.openSecond && second < parsed.closeSecond;
  }
  return second >= parsed.openSecond || second < parsed.closeSecond;
}

/**
 * The first instant at or after `from` at which the wall clock of `timeZone` reads `time` (seconds 00).
 * On a day when `time` falls in a DST gap, the moved-forward reading of `fromZonedParts` counts.
 */
function nextWallTime(from: number, time: WallTime, timeZone: string): number {
  const today = toZonedParts(from, timeZone);
  let date: LocalDate = { year: today.year, month: today.month, day: today.day };
  for (;;) {
    const candidate = fromZonedParts({ ...date, hour: time.hour, minute: time.minute }, timeZone);
    if (candidate >= from) return candidate;
    date = addZonedDays(date, 1);
  }
}

/** Whether the shop is in service at `instant`: opensAt inclusive, closesAt exclusive, 24 h if they are equal. */
export function isWithinServiceHours(instant: number, hours: ServiceHours): boolean {
  const parsed = parseHours(hours);
  const clock = toZonedParts(instant, hours.timeZone);
  return isOpenAtSecond(clock.hour * 3600 + clock.minute * 60 + clock.second, parsed);
}

/**
 * The start of the next service period at or after `instant` (the instant itself if the shop opens exactly then).
 * Inside service hours this is the following opening; with around-the-clock service, `instant` itself.
 */
export function nextOpening(instant: number, hours: ServiceHours): number {
  const parsed = parseHours(hours);
  if (parsed.aroundTheClock) return instant;
  return nextWallTime(instant, parsed.opens, hours.timeZone);
}

/**
 * The deadline for answering a consultation received at `receivedAt` (seed 001: 每日23:00-次日09:00(含)接收到的咨询
 * 必须于次日09:30前回复完毕), or null when it was received during service hours.
 *
 * Off hours are the closed window plus the opening second itself (09:00:00 counts, 09:00:01 does not; seed 001's
 * "09:00(含)"). The deadline is the first instant at or after both `receivedAt` and the next opening at which the
 * wall clock reads `offHoursReplyBy`: 23:30 → 09:30 the next day, 02:00 → 09:30 the same day.
 * Around-the-clock service has no off hours, so it always gives null.
 */
export function offHoursReplyDue(receivedAt: number, hours: ServiceHours): number | null {
  const parsed = parseHours(hours);
  if (parsed.aroundTheClock) return null;
  const clock = toZonedParts(receivedAt, hours.timeZone);
  const second = clock.hour * 3600 + clock.minute * 60 + clock.second;
  const atOpeningSecond = second === parsed.openSecond;
  if (isOpenAtSecond(second, parsed) && !atOpeningSecond) return null;
  const opening = atOpeningSecond ? receivedAt : nextWallTime(receivedAt, parsed.opens, hours.timeZone);
  return nextWallTime(Math.max(receivedAt, opening), parsed.replyBy, hours.timeZone);
}
