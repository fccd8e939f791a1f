// Work-order display rules: the live SLA countdown (amber on warning, red on breach) from the server's due
// instants, and picking a deadline as wall time in the shop's zone.
import type { SlaClock } from '@shared/schemas/sla.js';
import type { WorkOrder } from '@shared/schemas/work-orders.js';
import { fromZonedParts, toZonedParts } from '@shared/zoned-time.js';
import { formatElapsed } from './time';

export type CountdownTone = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export interface Countdown {
  tone: CountdownTone;
  /** ms until due (negative: overdue by that much); null when the clock does not run */
  remainingMs: number | null;
}

/** A clock as it stands at `now`: the server's due and warning instants decide, ticking on the client. */
export function countdownOf(clock: SlaClock, now: number): Countdown {
  if (clock.phase === 'stopped') {
    return { tone: clock.state === 'breached' ? 'breached' : 'met', remainingMs: null };
  }
  if (clock.phase === 'paused' || !clock.dueAt) {
    return { tone: clock.state === 'breached' ? 'breached' : 'paused', remainingMs: null };
  }
  const due = Date.parse(clock.dueAt);
  const warnAt = clock.warnAt ? Date.parse(clock.warnAt) : due;
  const remainingMs = due - now;
  const tone: CountdownTone =
    clock.state === 'breached' || remainingMs <= 0
      ? 'breached'
      : now >= warnAt || clock.state === 'warning'
        ? 'warning'
        : 'ok';
  return { tone, remainingMs };
}

/** The clock the list shows: the running one due first, else a paused one, else the latest. */
export function leadingClock(order: WorkOrder): SlaClock | null {
  const running = order.clocks
    .filter((clock) => clock.phase === 'running' && clock.dueAt)
    .sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  return running[0] ?? order.clocks.find((clock) => clock.phase === 'paused') ?? order.clocks.at(-1) ?? null;
}

/** 2:05:09 left, or overdue by 12:00; days spelled out beyond 24 hours ("2d 3:04:05", "2天 3:04:05"). */
export function formatCountdown(remainingMs: number, dayUnit = 'd'): string {
  const seconds = Math.floor(Math.abs(remainingMs) / 1000);
  const days = Math.floor(seconds / 86_400);
  const rest = formatElapsed(seconds % 86_400);
  return days > 0 ? `${days}${dayUnit} ${rest}` : rest;
}

/** A picked wall time (the date picker's fields) read in the shop's zone, as an ISO instant. */
export function shopWallTimeToIso(
  picked: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): string {
  return new Date(fromZonedParts({ ...picked, second: 0 }, timeZone)).toISOString();
}

/** The wall-time fields of an instant in the shop's zone (to prefill the date picker). */
export function isoToShopWallTime(iso: string, timeZone: string) {
  const parts = toZonedParts(Date.parse(iso), timeZone);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}
