import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../shared/business-time.js';
import { fromZonedParts } from '../../shared/zoned-time.js';
import { clockState, type ClockFact, type SlaTarget, type SlaWarning } from './rules.js';

const zone = 'Asia/Shanghai';
const weekday = [{ start: '09:00', end: '18:00' }];
/** Mon–Fri 09:00–18:00 in Shanghai; 2026-10-01..07 National Day, Sat 2026-10-10 a make-up workday. */
const calendar: BusinessCalendar = {
  timeZone: zone,
  workingHours: [[], weekday, weekday, weekday, weekday, weekday, []],
  serviceHours: Array.from({ length: 7 }, () => [{ start: '09:00', end: '23:00' }]),
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-10-10'],
};
const at = (day: number, hour: number, minute = 0, month = 5) =>
  fromZonedParts({ year: 2026, month, day, hour, minute }, zone);
const minutes = (n: number) => n * 60_000;
const hour: SlaTarget = { unit: 'calendar_minutes', amount: 60 };
const eighty: SlaWarning = { kind: 'percent', value: 80 };

function state(facts: ClockFact[], now: number, target: SlaTarget = hour, warning: SlaWarning = eighty) {
  return clockState({ facts, target, warning, calendar, now });
}

describe('SLA clock on wall time', () => {
  const start: ClockFact = { kind: 'start', at: at(6, 10) };

  it('counts down from the start: ok, then warning at 80 %, then breached at the due instant', () => {
    expect(state([start], at(6, 10, 30))).toMatchObject({
      phase: 'running',
      state: 'ok',
      elapsedMs: minutes(30),
      remainingMs: minutes(30),
      dueAt: at(6, 11),
      warnAt: at(6, 10, 48),
    });
    expect(state([start], at(6, 10, 48)).state).toBe('warning');
    expect(state([start], at(6, 11)).state).toBe('breached');
    expect(state([start], at(6, 11, 5)).remainingMs).toBe(-minutes(5));
  });

  it('stands still while paused and moves the due instant by the pause', () => {
    const facts: ClockFact[] = [
      start,
      { kind: 'pause', at: at(6, 10, 20) },
      { kind: 'resume', at: at(6, 12) },
    ];
    const paused = state(facts, at(6, 11, 30));
    expect(paused).toMatchObject({
      phase: 'paused',
      state: 'ok',
      elapsedMs: minutes(20),
      dueAt: null,
      warnAt: null,
    });
    const resumed = state(facts, at(6, 12, 10));
    expect(resumed).toMatchObject({ phase: 'running', elapsedMs: minutes(30), dueAt: at(6, 12, 40) });
    expect(resumed.warnAt).toBe(at(6, 12, 28));
    expect(state(facts, at(6, 12, 40)).state).toBe('breached');
  });

  it('is met when stopped in time and breached when stopped late', () => {
    expect(state([start, { kind: 'stop', at: at(6, 10, 50) }], at(6, 15))).toMatchObject({
      phase: 'stopped',
      state: 'met',
      stoppedAt: at(6, 10, 50),
      dueAt: null,
    });
    expect(state([start, { kind: 'stop', at: at(6, 11, 1) }], at(6, 15)).state).toBe('breached');
  });

  it('ignores facts that have not happened yet', () => {
    expect(state([start, { kind: 'stop', at: at(6, 10, 50) }], at(6, 10, 40)).phase).toBe('running');
  });

  it('warns a number of minutes before the due instant', () => {
    const warning: SlaWarning = { kind: 'minutes_before', value: 15 };
    expect(state([start], at(6, 10, 44), hour, warning).state).toBe('ok');
    expect(state([start], at(6, 10, 45), hour, warning)).toMatchObject({
      state: 'warning',
      warnAt: at(6, 10, 45),
    });
  });

  it('a deadline set by hand replaces the target; a pause still moves it', () => {
    const facts: ClockFact[] = [start, { kind: 'retarget', at: at(6, 10, 30), dueAt: at(7, 18) }];
    expect(state(facts, at(6, 12))).toMatchObject({ state: 'ok', dueAt: at(7, 18) });
    expect(state(facts, at(7, 18)).state).toBe('breached');
    const withPause: ClockFact[] = [
      ...facts,
      { kind: 'pause', at: at(7, 9) },
      { kind: 'resume', at: at(7, 11) },
    ];
    expect(state(withPause, at(7, 12)).dueAt).toBe(at(7, 20));
  });

  it('needs a start fact', () => {
    expect(() => state([], at(6, 10))).toThrow(/start/);
  });
});

describe('SLA clock on the business calendar', () => {
  const business: SlaTarget = { unit: 'business_minutes', amount: 240 };

  it('counts only working time: 4 business hours from Wednesday 16:00 are due Thursday 11:00', () => {
    const started: ClockFact = { kind: 'start', at: at(6, 16) };
    expect(state([started], at(6, 20), business)).toMatchObject({
      elapsedMs: minutes(120),
      dueAt: at(7, 11),
      warnAt: at(7, 10, 12),
      state: 'ok',
    });
    expect(state([started], at(7, 10, 11), business).state).toBe('ok');
    expect(state([started], at(7, 10, 12), business).state).toBe('warning');
    expect(state([started], at(7, 11), business).state).toBe('breached');
  });

  it('a pause over the evening keeps the budget for the next day', () => {
    const facts: ClockFact[] = [
      { kind: 'start', at: at(6, 16) },
      { kind: 'pause', at: at(6, 17) },
      { kind: 'resume', at: at(7, 10) },
    ];
    expect(state(facts, at(7, 10), business)).toMatchObject({ elapsedMs: minutes(60), dueAt: at(7, 13) });
  });

  it('3 workdays from the afternoon before National Day land after the holiday, counting the 调休 Saturday', () => {
    const started: ClockFact = { kind: 'start', at: at(30, 15, 0, 9) };
    const result = state([started], at(30, 16, 0, 9), { unit: 'workdays', amount: 3 });
    // Thursday 8th, Friday 9th and the make-up Saturday 10th.
    expect(result.dueAt).toBe(at(10, 15, 0, 10));
    expect(state([started], at(10, 14, 59, 10), { unit: 'workdays', amount: 3 }).state).toBe('warning');
    expect(state([started], at(10, 15, 0, 10), { unit: 'workdays', amount: 3 }).state).toBe('breached');
  });

  it("seed 003's cut-off: a message at 18:05 on a Friday is due by 12:00 on Monday", () => {
    const cutoff: SlaTarget = { unit: 'daily_cutoff', cutoff: '18:00', dueBy: '12:00' };
    const friday: ClockFact = { kind: 'start', at: at(8, 18, 5) };
    expect(state([friday], at(8, 18, 10), cutoff).dueAt).toBe(at(11, 12));
    const morning: ClockFact = { kind: 'start', at: at(8, 10) };
    expect(state([morning], at(8, 10), cutoff).dueAt).toBe(at(8, 18));
  });
});
