// Pure rules of calls (SPEC §2, §5): the state of a call folded from its PBX events in any order, ring time and
// rings before answer, the call-back due time, and the week's deterministic spot-check sample.
import { createHash } from 'node:crypto';
import {
  addWorkingTime,
  formatLocalDate,
  nextWorkingTime,
  type BusinessCalendar,
} from '../../shared/business-time.js';
import type { CallDirection, CallEventType, CallState } from '../../shared/calls.js';
import { addZonedDays, fromZonedParts, toZonedParts } from '../../shared/zoned-time.js';

/** One PBX event as stored: its type, when it happened and what it said about the call. */
export interface CallEventFact {
  eventId: string;
  type: CallEventType;
  occurredAt: number;
  direction?: CallDirection | undefined;
  fromNumber?: string | undefined;
  toNumber?: string | undefined;
  extension?: string | undefined;
  recordingUrl?: string | undefined;
}

export interface FoldedCall {
  state: CallState;
  direction: CallDirection;
  fromNumber: string | null;
  toNumber: string | null;
  agentExtension: string | null;
  startedAt: number;
  ringingAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  /** Answered: answered − ringing; missed: how long it rang before the caller gave up. */
  ringMs: number | null;
  ringsBeforeAnswer: number | null;
  missed: boolean;
  recordingUrl: string | null;
}

const typeOrder: Record<CallEventType, number> = { ringing: 0, answered: 1, ended: 2, recording_ready: 3 };

/** Rings heard before the answer: every started ring counts (15 s at 5 s a ring is 3 rings, 15.5 s is 4). */
export function ringsBeforeAnswer(ringMs: number, secondsPerRing: number): number {
  return Math.ceil(ringMs / (secondsPerRing * 1000));
}

/** SPEC §2: answered within the allowed rings (3 by default). */
export function answeredInTime(rings: number | null, maxRings: number): boolean | null {
  return rings === null ? null : rings <= maxRings;
}

const earliest = (events: readonly CallEventFact[], type: CallEventType) =>
  events.find((event) => event.type === type)?.occurredAt ?? null;

/**
 * The call as the whole set of its events describes it, whatever order they arrived in: 'ended' is final (a late
 * 'ringing' never reopens a call), an 'answered' that arrives after 'ended' still makes the call answered with the
 * right ring time, and duplicates change nothing.
 */
export function foldCallEvents(events: readonly CallEventFact[], secondsPerRing: number): FoldedCall {
  if (events.length === 0) throw new RangeError('a call needs at least one event');
  const sorted = [...events].sort(
    (a, b) =>
      a.occurredAt - b.occurredAt ||
      typeOrder[a.type] - typeOrder[b.type] ||
      a.eventId.localeCompare(b.eventId),
  );
  const first = <K extends 'direction' | 'fromNumber' | 'toNumber' | 'recordingUrl'>(key: K) =>
    sorted.find((event) => event[key] !== undefined)?.[key] ?? null;
  const ringingAt = earliest(sorted, 'ringing');
  const answeredAt = earliest(sorted, 'answered');
  const endedAt = sorted.filter((event) => event.type === 'ended').at(-1)?.occurredAt ?? null;
  const state: CallState = endedAt !== null ? 'ended' : answeredAt !== null ? 'answered' : 'ringing';
  const missed = state === 'ended' && answeredAt === null;
  // The agent who answered; else the extension that rang last.
  const answering = sorted.find((event) => event.type === 'answered' && event.extension);
  const rang = sorted.filter((event) => event.extension).at(-1);
  const stop = answeredAt ?? (missed ? endedAt : null);
  const ringMs = ringingAt !== null && stop !== null ? Math.max(0, stop - ringingAt) : null;
  return {
    state,
    direction: first('direction') ?? 'inbound',
    fromNumber: first('fromNumber'),
    toNumber: first('toNumber'),
    agentExtension: (answering ?? rang)?.extension ?? null,
    startedAt: sorted[0]!.occurredAt,
    ringingAt,
    answeredAt,
    endedAt,
    ringMs,
    ringsBeforeAnswer:
      answeredAt !== null && ringMs !== null ? ringsBeforeAnswer(ringMs, secondsPerRing) : null,
    missed,
    recordingUrl: first('recordingUrl'),
  };
}

/**
 * When a missed call must be called back: `delayMinutes` of working time after the call ended on the shop's
 * business calendar (a call missed at night is due that long after the next opening).
 */
export function callbackDueAt(calendar: BusinessCalendar, endedAt: number, delayMinutes: number): number {
  return addWorkingTime(calendar, nextWorkingTime(calendar, endedAt), delayMinutes * 60_000);
}

/** The shop-local week (Monday 00:00 to the next Monday 00:00) holding `instant`, named by its Monday. */
export function weekOf(instant: number, timeZone: string): { week: string; start: number; end: number } {
  const parts = toZonedParts(instant, timeZone);
  const monday = addZonedDays(parts, 1 - parts.weekday);
  return {
    week: formatLocalDate(monday),
    start: fromZonedParts(monday, timeZone),
    end: fromZonedParts(addZonedDays(monday, 7), timeZone),
  };
}

/**
 * SPEC §5 a supervisor spot-checks a sample of records: `size` of the week's records, chosen at random but the same
 * every time the week is asked for (ranked by a hash of shop, week and record id), so it cannot be re-rolled.
 */
export function weeklySample(
  recordIds: readonly string[],
  seed: { shopId: string; week: string },
  size: number,
): string[] {
  const rank = (id: string) => createHash('sha256').update(`${seed.shopId}|${seed.week}|${id}`).digest('hex');
  return [...recordIds]
    .map((id) => ({ id, rank: rank(id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, size)
    .map((entry) => entry.id);
}
