import { describe, expect, it } from 'vitest';
import type { SlaClock } from '@shared/schemas/sla.js';
import { countdownOf, formatCountdown, isoToShopWallTime, shopWallTimeToIso } from './work-orders';

const due = Date.parse('2026-05-06T03:00:00.000Z');
const clock: SlaClock = {
  id: 'c1',
  policyId: 'p1',
  policyKey: 'urgent_resolution',
  policyName: '紧急工单处理',
  subjectKind: 'work_order',
  subjectKey: 'w1',
  workOrderId: 'w1',
  phase: 'running',
  state: 'ok',
  startedAt: '2026-05-06T02:00:00.000Z',
  dueAt: '2026-05-06T03:00:00.000Z',
  warnAt: '2026-05-06T02:45:00.000Z',
  remainingMs: 3_600_000,
  budgetMs: 3_600_000,
  stoppedAt: null,
  agentId: null,
};

describe('SLA countdown', () => {
  it('counts down to the due instant, amber from the warning instant, red once due', () => {
    expect(countdownOf(clock, due - 20 * 60_000)).toEqual({ tone: 'ok', remainingMs: 20 * 60_000 });
    expect(countdownOf(clock, due - 15 * 60_000).tone).toBe('warning');
    expect(countdownOf(clock, due)).toEqual({ tone: 'breached', remainingMs: 0 });
    expect(countdownOf(clock, due + 5000)).toEqual({ tone: 'breached', remainingMs: -5000 });
  });

  it('stands still while paused and shows the outcome once stopped', () => {
    expect(countdownOf({ ...clock, phase: 'paused', dueAt: null, warnAt: null }, due)).toEqual({
      tone: 'paused',
      remainingMs: null,
    });
    expect(countdownOf({ ...clock, phase: 'stopped', state: 'met', dueAt: null }, due).tone).toBe('met');
    expect(countdownOf({ ...clock, phase: 'stopped', state: 'breached', dueAt: null }, due).tone).toBe(
      'breached',
    );
  });

  it('formats hours, minutes and seconds, with days beyond a day', () => {
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-65_000)).toBe('1:05');
    expect(formatCountdown(2 * 86_400_000 + 61_000)).toBe('2d 1:01');
  });
});

describe('deadline picking', () => {
  it('reads the picked wall time in the shop zone, not the browser zone', () => {
    const iso = shopWallTimeToIso({ year: 2026, month: 5, day: 7, hour: 18, minute: 0 }, 'Asia/Shanghai');
    expect(iso).toBe('2026-05-07T10:00:00.000Z');
    expect(isoToShopWallTime(iso, 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 5,
      day: 7,
      hour: 18,
      minute: 0,
    });
  });
});
