// SLA clock rules (SPEC §4): a clock's state from its start / pause / resume / stop facts, the policy's target and
// the shop's business calendar, at a given instant. Pure: the calendar and `now` come in, nothing is read.
import {
  addBusinessDuration,
  addWorkingTime,
  consultationDue,
  workingTimeBetween,
  type BusinessCalendar,
  type BusinessDuration,
  type WallClock,
} from '../../shared/business-time.js';
import type { SlaPhase, SlaState, SlaWarnKind } from '../../shared/work-orders.js';

/**
 * A policy's target: a duration on the calendar, or seed 003's message cut-off (business-time's consultationDue:
 * before `cutoff` on a workday a consultation is due before that day's work ends; later ones by `dueBy` on the next
 * workday).
 */
export type SlaTarget = BusinessDuration | { unit: 'daily_cutoff'; cutoff: WallClock; dueBy: WallClock };

/** Warn when this share of the budget is used, or this many minutes before the due instant. */
export interface SlaWarning {
  kind: SlaWarnKind;
  value: number;
}

export type ClockFact =
  | { kind: 'start' | 'pause' | 'resume' | 'stop'; at: number }
  /** A deadline set by hand (hand-over deadline, extension): from `at` on, the clock is due at `dueAt`. */
  | { kind: 'retarget'; at: number; dueAt: number };

/** wall: every minute counts; working: only the calendar's working time counts. */
export type ClockMeasure = 'wall' | 'working';

export interface ClockState {
  phase: SlaPhase;
  state: SlaState;
  measure: ClockMeasure;
  startedAt: number;
  /** Time counted so far, in the clock's measure (pauses excluded). */
  elapsedMs: number;
  budgetMs: number;
  /** Negative once breached. */
  remainingMs: number;
  /** When the running clock will be due; null while paused or after it stopped. */
  dueAt: number | null;
  /** When the running clock warns (may already be past); null while paused or stopped. */
  warnAt: number | null;
  stoppedAt: number | null;
}

const MINUTE = 60_000;

/** How a target is measured and how much of that measure it allows, for a clock started at `startedAt`. */
export function clockBudget(
  calendar: BusinessCalendar,
  target: SlaTarget,
  startedAt: number,
): { measure: ClockMeasure; budgetMs: number } {
  switch (target.unit) {
    case 'calendar_minutes':
      return { measure: 'wall', budgetMs: target.amount * MINUTE };
    case 'business_minutes':
      return { measure: 'working', budgetMs: target.amount * MINUTE };
    case 'workdays':
      return {
        measure: 'working',
        budgetMs: workingTimeBetween(calendar, startedAt, addBusinessDuration(calendar, startedAt, target)),
      };
    case 'daily_cutoff':
      return {
        measure: 'wall',
        budgetMs: Math.max(0, consultationDue(calendar, startedAt, target).dueAt - startedAt),
      };
  }
}

/** The elapsed measure at which the clock warns. */
export function warnThresholdMs(budgetMs: number, warning: SlaWarning): number {
  return warning.kind === 'percent'
    ? Math.floor((budgetMs * warning.value) / 100)
    : Math.max(0, budgetMs - warning.value * MINUTE);
}

function measureOps(calendar: BusinessCalendar, measure: ClockMeasure) {
  return measure === 'wall'
    ? {
        between: (from: number, to: number) => Math.max(0, to - from),
        add: (from: number, ms: number) => from + ms,
      }
    : {
        between: (from: number, to: number) => workingTimeBetween(calendar, from, to),
        add: (from: number, ms: number) => addWorkingTime(calendar, from, ms),
      };
}

/**
 * The clock at `now`: facts after `now` have not happened yet. Pauses stop the count; a stop ends it (met when in
 * time, breached when late); a retarget makes the clock due at the given instant, counted from then on in wall time.
 */
export function clockState(input: {
  facts: readonly ClockFact[];
  target: SlaTarget;
  warning: SlaWarning;
  calendar: BusinessCalendar;
  now: number;
}): ClockState {
  const { calendar, now } = input;
  const facts = input.facts.filter((fact) => fact.at <= now).sort((a, b) => a.at - b.at);
  const start = facts.find((fact) => fact.kind === 'start');
  if (!start) throw new Error('an SLA clock needs a start fact');
  let { measure, budgetMs } = clockBudget(calendar, input.target, start.at);
  let ops = measureOps(calendar, measure);
  let phase: SlaPhase = 'running';
  let used = 0;
  let segmentStart = start.at;
  let stoppedAt: number | null = null;

  for (const fact of facts) {
    if (fact === start || phase === 'stopped') continue;
    if (fact.kind === 'pause' && phase === 'running') {
      used += ops.between(segmentStart, fact.at);
      phase = 'paused';
    } else if (fact.kind === 'resume' && phase === 'paused') {
      segmentStart = fact.at;
      phase = 'running';
    } else if (fact.kind === 'stop') {
      if (phase === 'running') used += ops.between(segmentStart, fact.at);
      phase = 'stopped';
      stoppedAt = fact.at;
    } else if (fact.kind === 'retarget') {
      if (phase === 'running') {
        used += ops.between(segmentStart, fact.at);
        segmentStart = fact.at;
      }
      measure = 'wall';
      ops = measureOps(calendar, measure);
      budgetMs = used + Math.max(0, fact.dueAt - fact.at);
    }
  }

  const elapsedMs = used + (phase === 'running' ? ops.between(segmentStart, now) : 0);
  const warnMs = warnThresholdMs(budgetMs, input.warning);
  const running = phase === 'running';
  const state: SlaState =
    elapsedMs >= budgetMs ? 'breached' : phase === 'stopped' ? 'met' : elapsedMs >= warnMs ? 'warning' : 'ok';
  return {
    phase,
    state,
    measure,
    startedAt: start.at,
    elapsedMs,
    budgetMs,
    remainingMs: budgetMs - elapsedMs,
    dueAt: running ? ops.add(segmentStart, budgetMs - used) : null,
    warnAt: running ? ops.add(segmentStart, Math.max(0, warnMs - used)) : null,
    stoppedAt,
  };
}
