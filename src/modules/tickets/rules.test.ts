import { describe, expect, it } from 'vitest';
import { workOrderStatuses } from '../../shared/work-orders.js';
import { checkExtension, checkTransition, clockEffectOf, verdictOf, workOrderNumber } from './rules.js';

describe('work-order status flow (SPEC §4)', () => {
  it('walks analyse → solution → in progress → resolved → awaiting verdict → closed', () => {
    const path = ['analysing', 'solution', 'in_progress', 'resolved', 'awaiting_verdict', 'closed'] as const;
    for (let i = 1; i < path.length; i += 1) {
      expect(checkTransition(path[i - 1]!, path[i]!, undefined)).toEqual({ ok: true });
    }
  });

  it('reopens an unsatisfied verdict and handles it again', () => {
    expect(checkTransition('awaiting_verdict', 'reopened', 'unsatisfied')).toEqual({ ok: true });
    expect(checkTransition('reopened', 'analysing', undefined)).toEqual({ ok: true });
    expect(verdictOf('reopened', undefined)).toBe('unsatisfied');
    expect(clockEffectOf('awaiting_verdict', 'reopened').restartResolution).toBe(true);
  });

  it('refuses skipping the customer verdict, closing an unsatisfied customer and leaving a closed order', () => {
    expect(checkTransition('in_progress', 'closed', undefined)).toEqual({
      ok: false,
      code: 'illegal_transition',
    });
    expect(checkTransition('resolved', 'closed', undefined)).toEqual({
      ok: false,
      code: 'illegal_transition',
    });
    expect(checkTransition('awaiting_verdict', 'closed', 'unsatisfied')).toEqual({
      ok: false,
      code: 'unsatisfied_cannot_close',
    });
    expect(checkTransition('closed', 'in_progress', undefined)).toEqual({
      ok: false,
      code: 'illegal_transition',
    });
  });

  it('never allows staying in the same status', () => {
    for (const status of workOrderStatuses) {
      expect(checkTransition(status, status, undefined).ok, status).toBe(false);
    }
  });

  it('waiting on the customer is possible from every working step and returns to one', () => {
    for (const from of ['analysing', 'solution', 'in_progress', 'reopened'] as const) {
      expect(checkTransition(from, 'waiting_customer', undefined).ok, from).toBe(true);
    }
    expect(checkTransition('waiting_customer', 'in_progress', undefined).ok).toBe(true);
    expect(checkTransition('waiting_customer', 'resolved', undefined).ok).toBe(false);
  });

  it('resolving stops resolution clocks, closing stops the rest', () => {
    expect(clockEffectOf('in_progress', 'resolved').stopEvent).toBe('workorder.resolved');
    expect(clockEffectOf('awaiting_verdict', 'closed').stopEvent).toBe('workorder.closed');
    expect(clockEffectOf('analysing', 'solution')).toEqual({ stopEvent: null, restartResolution: false });
  });

  it('closing records satisfied unless the customer was only basically satisfied', () => {
    expect(verdictOf('closed', undefined)).toBe('satisfied');
    expect(verdictOf('closed', 'basically_satisfied')).toBe('basically_satisfied');
    expect(verdictOf('in_progress', 'satisfied')).toBeNull();
  });
});

describe('deadline extension (SPEC §4)', () => {
  const now = Date.UTC(2026, 4, 6, 2);
  it('needs a reason', () => {
    expect(checkExtension({ reason: '  ', newDueAt: now + 3_600_000, now, status: 'in_progress' })).toEqual({
      ok: false,
      code: 'extension_reason_required',
    });
  });
  it('needs a new ETA in the future', () => {
    expect(checkExtension({ reason: '等待厂家检测', newDueAt: now, now, status: 'in_progress' })).toEqual({
      ok: false,
      code: 'extension_not_later',
    });
  });
  it('is refused once the work is resolved', () => {
    expect(checkExtension({ reason: '等待厂家检测', newDueAt: now + 1, now, status: 'resolved' }).ok).toBe(
      false,
    );
  });
  it('accepts a reason and a later ETA', () => {
    expect(
      checkExtension({ reason: '等待厂家检测', newDueAt: now + 86_400_000, now, status: 'waiting_customer' }),
    ).toEqual({ ok: true });
  });
});

describe('work-order numbers', () => {
  it('are quoted as GD- and six digits', () => {
    expect(workOrderNumber(123)).toBe('GD-000123');
  });
});
