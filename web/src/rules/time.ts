// Instants shown in the shop's time zone, never the browser's (SPEC: times are in the shop's time zone).
import type { Locale } from '@shared/locales.js';

export function formatInstant(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  } catch {
    return iso;
  }
}

/** Every IANA zone the browser knows, with the current value kept even if the browser lacks it. */
export function timeZoneChoices(current: string | undefined): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

/** A clock reading: 0:42, 12:05, 1:02:03. */
export function formatElapsed(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Today's instants as HH:MM, older ones with their date (MM-DD HH:MM), in the shop's time zone. */
export function formatRecent(iso: string, timeZone: string, locale: Locale, nowMs: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const day = (value: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(value);
    const sameDay = day(date) === day(new Date(nowMs));
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(sameDay ? {} : { month: '2-digit', day: '2-digit' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  } catch {
    return iso;
  }
}
