// Pure rules of the calendar module: reading holidays and 调休 make-up days out of an iCalendar (.ics) file.
//
// What is read: every VEVENT with an all-day DTSTART (VALUE=DATE, or a bare YYYYMMDD) and an optional DTEND
// (exclusive, as RFC 5545 says) or DURATION of whole days/weeks; no end means one day. Each date of the range becomes
// one calendar day named after the SUMMARY. Timed events, recurring events (RRULE/RDATE) and events without a
// SUMMARY are reported per event and skipped; other components (VTIMEZONE, VTODO …) are ignored.
//
// A make-up workday 调休上班 is recognised by, in order: an `X-KEFU-DAY-KIND:makeup_workday|holiday` property (what
// Kefu itself would write), a CATEGORIES value of MAKEUP, WORKDAY, 补班 or 上班, or a SUMMARY that mentions 补班, 上班
// or 调休班, or is / ends with a bare 班 (the "班" marker of the usual Chinese holiday calendars, e.g. "国庆节 (班)").
// Anything else is a holiday.
import { addZonedDays, type LocalDate } from '../../shared/zoned-time.js';
import { formatLocalDate } from '../../shared/business-time.js';
import type { CalendarDayKind, IcsEventError, IcsEventErrorCode } from '../../shared/schemas/calendar.js';

export interface IcsDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface IcsParseResult {
  /** False when the text is not an iCalendar file at all (no BEGIN:VCALENDAR). */
  isCalendar: boolean;
  days: IcsDay[];
  errors: IcsEventError[];
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** The longest range one event may cover (a whole year of holidays is already unusual). */
const maxEventDays = 366;
const nameLimit = 64;

function unfold(text: string): Array<{ line: number; text: string }> {
  const lines: Array<{ line: number; text: string }> = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const last = lines.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else lines.push({ line: index + 1, text: raw });
  });
  return lines;
}

function parseProperty(text: string): Property | null {
  const colon = text.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (colon < 0) return null;
  const [name = '', ...paramParts] = text.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const part of paramParts) {
    const [key = '', value = ''] = part.split('=');
    params[key.toUpperCase()] = value.replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? ' ' : char,
  );
}

function parseIcsDate(property: Property): LocalDate | IcsEventErrorCode {
  const value = property.value.trim();
  if (property.params['VALUE'] === 'DATE-TIME' || /T/i.test(value)) return 'not_all_day';
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return 'bad_date';
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const normalised = addZonedDays(date, 0);
  if (normalised.month !== date.month || normalised.day !== date.day) return 'bad_date';
  return date;
}

function durationDays(value: string): number | null {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  const ms = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day);
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Whether an event marks 调休 make-up workdays rather than holidays (see the file header). */
export function isMakeupEvent(summary: string, categories: readonly string[], declared?: string): boolean {
  if (declared === 'makeup_workday') return true;
  if (declared === 'holiday') return false;
  if (categories.some((category) => /^(makeup|workday|补班|上班)$/i.test(category.trim()))) return true;
  return /补班|上班|调休班|(^|[\s(（[【])班([\s)）\]】]*)$/.test(summary.trim());
}

function readEvent(properties: Property[]): IcsDay[] | IcsEventErrorCode {
  const get = (name: string) => properties.find((property) => property.name === name);
  if (get('RRULE') || get('RDATE')) return 'recurrence_unsupported';
  const dtstart = get('DTSTART');
  if (!dtstart) return 'missing_dtstart';
  const start = parseIcsDate(dtstart);
  if (typeof start === 'string') return start;
  let length = 1;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = parseIcsDate(dtend);
    if (typeof end === 'string') return end;
    length = daysBetween(start, end);
  } else if (duration) {
    const days = durationDays(duration.value);
    if (days === null) return 'not_all_day';
    length = days;
  }
  if (length <= 0) return 'end_before_start';
  if (length > maxEventDays) return 'range_too_long';
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim();
  if (!summary) return 'missing_summary';
  const categories = properties
    .filter((property) => property.name === 'CATEGORIES')
    .flatMap((property) => unescapeText(property.value).split(','));
  const kind: CalendarDayKind = isMakeupEvent(summary, categories, get('X-KEFU-DAY-KIND')?.value.trim())
    ? 'makeup_workday'
    : 'holiday';
  return Array.from({ length }, (_, offset) => ({
    date: formatLocalDate(addZonedDays(start, offset)),
    kind,
    name: summary.slice(0, nameLimit),
  }));
}

/** Reads the holidays and make-up days of an .ics file; a bad event is reported and skipped, the rest are kept. */
export function parseIcs(text: string): IcsParseResult {
  const lines = unfold(text);
  const isCalendar = lines.some((entry) => entry.text.trim().toUpperCase() === 'BEGIN:VCALENDAR');
  const days: IcsDay[] = [];
  const errors: IcsEventError[] = [];
  const seen = new Set<string>();
  let event: { line: number; properties: Property[] } | null = null;
  let count = 0;
  for (const entry of lines) {
    const upper = entry.text.trim().toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      event = { line: entry.line, properties: [] };
      count++;
      continue;
    }
    if (!event) continue;
    if (upper !== 'END:VEVENT') {
      const property = parseProperty(entry.text);
      if (property) event.properties.push(property);
      continue;
    }
    const uid = event.properties.find((property) => property.name === 'UID')?.value ?? null;
    const rawSummary = event.properties.find((property) => property.name === 'SUMMARY')?.value;
    const summary = rawSummary === undefined ? null : unescapeText(rawSummary).trim();
    const report = (code: IcsEventErrorCode) =>
      errors.push({ event: count, line: event!.line, uid, summary, code });
    const result = readEvent(event.properties);
    if (typeof result === 'string') report(result);
    else if (result.some((day) => seen.has(day.date))) report('duplicate_date');
    else {
      for (const day of result) seen.add(day.date);
      days.push(...result);
    }
    event = null;
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { isCalendar, days, errors };
}
