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
