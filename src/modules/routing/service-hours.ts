// A shop's online service hours 在线客服服务时长 and the off-hours reply deadline (SPEC §3, seed 001), as pure functions of an instant.
import {
  defaultBusinessCalendar,
  everyDay,
  isServiceTime,
  nextServiceOpening,
  offHoursReplyDue as offHoursReplyDueOn,
  parseWallClock,
  type BusinessCalendar,
} from '../../shared/business-time.js';

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

interface WallTime {
  hour: number;
  minute: number;
}

/** Parses 'HH:MM' (00:00–23:59); throws a RangeError naming the setting otherwise. */
export function parseWallTime(value: string, setting = 'time'): WallTime {
  const minutes = parseWallClock(value, setting);
  return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/**
 * Calendars by the hours' values, not by object: every chat setting read builds a fresh ServiceHours, and compiling
 * a calendar (with its per-date interval cache) costs far more than the lookup it serves.
 */
const calendars = new Map<string, BusinessCalendar>();
const calendarLimit = 1_000;

/**
 * The business calendar whose service hours are these daily hours (the arithmetic lives in shared/business-time.ts).
 * Equal opening and closing times make a 24 h span every day, which business-time reads as around the clock.
 */
export function serviceHoursCalendar(hours: ServiceHours): BusinessCalendar {
  const key = `${hours.timeZone}|${hours.opensAt}|${hours.closesAt}|${hours.offHoursReplyBy}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    parseWallTime(hours.opensAt, 'opensAt');
    parseWallTime(hours.closesAt, 'closesAt');
    parseWallTime(hours.offHoursReplyBy, 'offHoursReplyBy');
    calendar = {
      ...defaultBusinessCalendar,
      timeZone: hours.timeZone,
      serviceHours: everyDay([{ start: hours.opensAt, end: hours.closesAt }]),
    };
    if (calendars.size >= calendarLimit) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/** Whether the shop is in service at `instant`: opensAt inclusive, closesAt exclusive, 24 h if they are equal. */
export function isWithinServiceHours(instant: number, hours: ServiceHours): boolean {
  return isServiceTime(serviceHoursCalendar(hours), instant);
}

/**
 * The start of the next service period at or after `instant` (the instant itself if the shop opens exactly then).
 * Inside service hours this is the following opening; with around-the-clock service, `instant` itself.
 */
export function nextOpening(instant: number, hours: ServiceHours): number {
  return nextServiceOpening(serviceHoursCalendar(hours), instant);
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
  return offHoursReplyDueOn(serviceHoursCalendar(hours), receivedAt, hours.offHoursReplyBy);
}
