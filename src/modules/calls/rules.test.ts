import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answeredInTime,
  callbackDueAt,
  foldCallEvents,
  ringsBeforeAnswer,
  weekOf,
  weeklySample,
} from './rules.js';
import type { CallEventFact } from './rules.js';
import type { BusinessCalendar } from '../../shared/business-time.js';

const t0 = Date.UTC(2026, 2, 2, 2, 0, 0);
const answeredCall: CallEventFact[] = [
  {
    eventId: 'a1',
    type: 'ringing',
    occurredAt: t0,
    fromNumber: '13812345678',
    toNumber: '4008001234',
    extension: '801',
  },
  { eventId: 'a2', type: 'answered', occurredAt: t0 + 12_000, extension: '802' },
  { eventId: 'a3', type: 'ended', occurredAt: t0 + 90_000 },
  {
    eventId: 'a4',
    type: 'recording_ready',
    occurredAt: t0 + 95_000,
    recordingUrl: 'https://pbx.example/r/1.mp3',
  },
];

describe('folding call events', () => {
  it('ends an answered call with ring time, rings and the answering extension', () => {
    const call = foldCallEvents(answeredCall, 5);
    expect(call).toMatchObject({
      state: 'ended',
      missed: false,
      ringMs: 12_000,
      ringsBeforeAnswer: 3,
      agentExtension: '802',
      fromNumber: '13812345678',
      recordingUrl: 'https://pbx.example/r/1.mp3',
    });
  });

  it('gives the same call whatever order the events arrive in, and duplicates change nothing', () => {
    const expected = foldCallEvents(answeredCall, 5);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...answeredCall, ...answeredCall], { minLength: 8, maxLength: 8 }),
        (events) => {
          expect(foldCallEvents(events, 5)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an ended call without an answer is missed and a late ringing does not reopen it', () => {
    const missed = foldCallEvents(
      [
        { eventId: 'm2', type: 'ended', occurredAt: t0 + 20_000 },
        { eventId: 'm1', type: 'ringing', occurredAt: t0, extension: '801' },
      ],
      5,
    );
    expect(missed).toMatchObject({ state: 'ended', missed: true, ringMs: 20_000, ringsBeforeAnswer: null });
    expect(missed.agentExtension).toBe('801');
  });

  it('a call still ringing or being talked on is not ended', () => {
    expect(foldCallEvents([answeredCall[0]!], 5).state).toBe('ringing');
    expect(foldCallEvents(answeredCall.slice(0, 2), 5).state).toBe('answered');
  });
});

describe('rings', () => {
  it('15 s at 5 s a ring is 3 rings and in time; 15.5 s is a 4th ring and late', () => {
    expect(ringsBeforeAnswer(15_000, 5)).toBe(3);
    expect(ringsBeforeAnswer(15_500, 5)).toBe(4);
    expect(answeredInTime(3, 3)).toBe(true);
    expect(answeredInTime(4, 3)).toBe(false);
    expect(answeredInTime(null, 3)).toBeNull();
  });
});

describe('call-back due time', () => {
  const weekdays = [{ start: '09:00', end: '18:00' }];
  const calendar: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    workingHours: [[], weekdays, weekdays, weekdays, weekdays, weekdays, []],
    serviceHours: Array.from({ length: 7 }, () => [{ start: '09:00', end: '23:00' }]),
    holidays: [],
    makeupWorkdays: [],
  };
  it('is the delay after the call ended, in working time', () => {
    // Monday 2026-03-02 10:00 Shanghai → 10:30
    expect(callbackDueAt(calendar, Date.UTC(2026, 2, 2, 2, 0), 30)).toBe(Date.UTC(2026, 2, 2, 2, 30));
    // Monday 17:50 → Tuesday 09:20
    expect(callbackDueAt(calendar, Date.UTC(2026, 2, 2, 9, 50), 30)).toBe(Date.UTC(2026, 2, 3, 1, 20));
  });
  it('a call missed on Friday night is due half an hour after Monday opens', () => {
    expect(callbackDueAt(calendar, Date.UTC(2026, 2, 6, 14, 0), 30)).toBe(Date.UTC(2026, 2, 9, 1, 30));
  });
});

describe('weekly spot-check sample', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `call${i}`);
  it('draws the same records every time for a week, a different set another week, never more than asked', () => {
    const a = weeklySample(ids, { shopId: 's1', week: '2026-03-02' }, 10);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(weeklySample([...ids].reverse(), { shopId: 's1', week: '2026-03-02' }, 10)).toEqual(a);
    expect(weeklySample(ids, { shopId: 's1', week: '2026-03-09' }, 10)).not.toEqual(a);
    expect(weeklySample(ids.slice(0, 3), { shopId: 's1', week: '2026-03-02' }, 10)).toHaveLength(3);
  });

  it('weeks run Monday to Monday in the shop zone', () => {
    // Sunday 2026-03-08 23:30 in Shanghai is still the week of Monday 2026-03-02.
    const sundayNight = Date.UTC(2026, 2, 8, 15, 30);
    const week = weekOf(sundayNight, 'Asia/Shanghai');
    expect(week.week).toBe('2026-03-02');
    expect(week.start).toBe(Date.UTC(2026, 2, 1, 16, 0));
    expect(week.end).toBe(Date.UTC(2026, 2, 8, 16, 0));
    expect(weekOf(week.end, 'Asia/Shanghai').week).toBe('2026-03-09');
  });
});
