// The pure rules of the metrics (docs/metrics.md): periods, the service-hours wait, hand-overs, the score, rises.
import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../shared/business-time.js';
import {
  chatContribution,
  checkRise,
  diffRows,
  holderTimeline,
  performanceScore,
  periodDays,
  serviceElapsedMs,
  type MetricValues,
} from './rules.js';

const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

describe('periods (§1)', () => {
  it('a natural week runs Monday to Sunday, a month to its last day, across a year end', () => {
    expect(periodDays('week', '2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodDays('week', '2026-11-08')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodDays('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDays('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => periodDays('range', '2026-11-05', '2026-11-04')).toThrow(RangeError);
  });
});

describe('waits across service hours (§2.4)', () => {
  it('a message at 23:40 waits from the 09:00 opening; a reply before the opening waits 0', () => {
    const calendar = defaultBusinessCalendar;
    expect(serviceElapsedMs(calendar, at('2026-11-02', '23:40:00'), at('2026-11-03', '09:10:00'))).toBe(
      600_000,
    );
    expect(serviceElapsedMs(calendar, at('2026-11-02', '23:40:00'), at('2026-11-02', '23:45:00'))).toBe(0);
    expect(serviceElapsedMs(calendar, at('2026-11-02', '10:00:00'), at('2026-11-02', '10:00:30'))).toBe(
      30_000,
    );
  });
});

describe('who a customer message belongs to (§2.2)', () => {
  it('the holder at the time; while queued after a hand-over to a group, the next agent who takes it', () => {
    const holder = holderTimeline({
      id: 'c',
      customerId: 'u',
      agentId: 'B',
      messages: [],
      rating: null,
      transfers: [{ fromAgentId: 'A', toAgentId: null, at: 100 }],
    });
    expect(holder(50)).toBe('A');
    expect(holder(150)).toBe('B');
  });
});

describe('a chat’s contribution (§2.1–2.4)', () => {
  it('counts a chat the same whether its messages come in time order or not', () => {
    const message = (authorKind: 'customer' | 'agent', time: string) => ({
      authorKind,
      authorId: authorKind === 'agent' ? 'A' : 'u',
      kind: 'text',
      internal: false,
      createdAt: at('2026-11-02', time),
    });
    const messages = [
      message('customer', '10:00:00'),
      message('agent', '10:00:30'),
      message('customer', '10:02:00'),
      message('customer', '10:02:10'),
      message('agent', '10:03:00'),
    ];
    const chat = (list: typeof messages) => ({
      id: 'c',
      customerId: 'u',
      agentId: 'A',
      messages: list,
      transfers: [],
      rating: null,
    });
    const inOrder = chatContribution(chat(messages), defaultBusinessCalendar);
    expect(inOrder.rows).toEqual([
      {
        agentId: 'A',
        day: '2026-11-02',
        counters: expect.objectContaining({
          consults: 1,
          customerMessages: 3,
          agentMessages: 2,
          firstResponseMsSum: 30_000,
          responseCount: 2,
          responseMsSum: 30_000 + 60_000,
        }),
      },
    ]);
    const shuffled = [messages[3]!, messages[0]!, messages[4]!, messages[2]!, messages[1]!];
    expect(chatContribution(chat(shuffled), defaultBusinessCalendar)).toEqual(inOrder);
  });
});

describe('roll-up differences (§3.1)', () => {
  it('a changed contribution moves only the cells that changed', () => {
    const before = [{ agentId: 'A', day: '2026-11-02', counters: { consults: 1, unanswered: 1 } }];
    const after = [{ agentId: 'A', day: '2026-11-02', counters: { consults: 1, firstResponseCount: 1 } }];
    expect(diffRows(before, after)).toEqual([
      { agentId: 'A', day: '2026-11-02', counters: { unanswered: -1, firstResponseCount: 1 } },
    ]);
  });
});

describe('performance score (§5)', () => {
  it('weights achievements; lower-is-better metrics score target ÷ value above the target; no value scores 0', () => {
    const values = {
      replyRate: 0.45,
      avgFirstResponseSeconds: 60,
      goodRatingRate: null,
    } as unknown as MetricValues;
    const result = performanceScore(values, [
      { metric: 'replyRate', weight: 2, target: 0.9 }, // 0.5 of 2
      { metric: 'avgFirstResponseSeconds', weight: 1, target: 30 }, // 0.5 of 1
      { metric: 'goodRatingRate', weight: 1, target: 0.95 }, // 0 of 1
    ]);
    expect(result.score).toBeCloseTo((100 * (2 * 0.5 + 1 * 0.5 + 0)) / 4, 9);
    expect(result.items.map((item) => item.points)).toEqual([25, 12.5, 0]);
  });
});

describe('early warning (§7)', () => {
  it('flags a day at least 1.5 × and 3 √mean above the mean of the baseline, and at least 3', () => {
    const quiet = Array.from({ length: 28 }, (_, i) => (i % 2 === 0 ? 2 : 0)); // mean 1
    expect(checkRise(quiet, 5)).toMatchObject({ baseline: 1, threshold: 5, rising: true });
    expect(checkRise(quiet, 4).rising).toBe(false); // 1 + 3·√1 = 4 is not more than that
    expect(checkRise(Array(28).fill(0), 2).rising).toBe(false); // below the minimum
    expect(checkRise(Array(28).fill(20), 30).rising).toBe(false); // 20 + 3·√20 ≈ 33.4
    expect(checkRise(Array(28).fill(20), 34).rising).toBe(true);
  });
});
