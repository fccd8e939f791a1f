// Business-time arithmetic on a shop's calendar (issue 4): the ONE pure module every deadline, SLA clock and
// opening-time question goes through. Instants are epoch milliseconds (UTC); wall times are read in
// `calendar.timeZone` through ./zoned-time.ts, never in the process's zone.
//
// INTERFACE FIRST: the types and signatures below are the contract the SLA, work-order, call and routing code is
// written against. The calendar work fills in the bodies; until then each function throws.

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

function notYet(name: string): never {
  throw new Error(`business-time: ${name} is not implemented yet`);
}

/** Whether `date` ('YYYY-MM-DD', shop-local) is a workday: weekday with working hours or a make-up day, and no holiday. */
export function isWorkday(calendar: BusinessCalendar, date: string): boolean {
  void calendar;
  void date;
  return notYet('isWorkday');
}

/** Whether `instant` lies inside working time (start inclusive, end exclusive). */
export function isWorkingTime(calendar: BusinessCalendar, instant: number): boolean {
  void calendar;
  void instant;
  return notYet('isWorkingTime');
}

/** The first instant at or after `instant` inside working time (`instant` itself when already inside). */
export function nextWorkingTime(calendar: BusinessCalendar, instant: number): number {
  void calendar;
  void instant;
  return notYet('nextWorkingTime');
}

/** Working time, in ms, between `from` and `to` (0 when `to` <= `from`). */
export function workingTimeBetween(calendar: BusinessCalendar, from: number, to: number): number {
  void calendar;
  void from;
  void to;
  return notYet('workingTimeBetween');
}

/** The instant at which `ms` of working time has elapsed after `start`; the result always lies in working time (or is a span's end). */
export function addWorkingTime(calendar: BusinessCalendar, start: number, ms: number): number {
  void calendar;
  void start;
  void ms;
  return notYet('addWorkingTime');
}

/** The deadline `duration` after `start` on `calendar`. */
export function addBusinessDuration(
  calendar: BusinessCalendar,
  start: number,
  duration: BusinessDuration,
): number {
  void calendar;
  void start;
  void duration;
  return notYet('addBusinessDuration');
}

/** Whether the chat service is open at `instant`. */
export function isServiceTime(calendar: BusinessCalendar, instant: number): boolean {
  void calendar;
  void instant;
  return notYet('isServiceTime');
}

/** The next opening of the chat service at or after `instant`. */
export function nextServiceOpening(calendar: BusinessCalendar, instant: number): number {
  void calendar;
  void instant;
  return notYet('nextServiceOpening');
}
