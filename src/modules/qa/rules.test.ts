import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../shared/business-time.js';
import { defaultScorecardItems } from '../../shared/quality.js';
import {
  appealDeadline,
  cappedPoints,
  chargeWeek,
  conversationReasons,
  deductionPoints,
  drawSample,
  precheckTranscript,
  scoreInspection,
  seededRng,
  weekOf,
  type TranscriptLine,
} from './rules.js';

const shanghai = 'Asia/Shanghai';

describe('the SPEC §8 deduction table', () => {
  it.each([
    [100, 0],
    [80, 0],
    [79.5, 1],
    [79.9, 1],
    [70, 1],
    [69.9, 2],
    [60, 2],
    [59.9, 3],
    [59, 3],
    [0, 3],
  ])('a score of %s deducts %s points', (score, points) => {
    expect(deductionPoints(score)).toBe(points);
  });
});

describe('the weekly cap of 3 points', () => {
  it('charges inspections of one week in order until 3 points are charged, then nothing', () => {
    expect(chargeWeek([75, 65, 65])).toEqual([1, 2, 0]);
    expect(chargeWeek([59, 50, 90])).toEqual([3, 0, 0]);
    expect(chargeWeek([65, 79.5, 79.5, 79.5])).toEqual([2, 1, 0, 0]);
    expect(chargeWeek([85, 90])).toEqual([0, 0]);
  });

  it('charges only what the week has left', () => {
    expect(cappedPoints(3, 0)).toBe(3);
    expect(cappedPoints(3, 2)).toBe(1);
    expect(cappedPoints(2, 3)).toBe(0);
    expect(cappedPoints(1, 1.5)).toBe(1);
  });

  it('starts again in a new week, the week boundary being Monday 00:00 in the shop zone', () => {
    // Sunday 23:59:59 and Monday 00:00:00 in Shanghai are 15:59:59 and 16:00:00 UTC on Sunday.
    const sundayNight = Date.parse('2026-11-22T15:59:59Z');
    const mondayMorning = Date.parse('2026-11-22T16:00:00Z');
    expect(weekOf(sundayNight, shanghai).week).toBe('2026-11-16');
    expect(weekOf(mondayMorning, shanghai).week).toBe('2026-11-23');
    // In UTC both instants are the same Sunday: the boundary is the shop's, not the machine's.
    expect(weekOf(mondayMorning, 'UTC').week).toBe('2026-11-16');

    const inspections = [
      { at: Date.parse('2026-11-18T03:00:00Z'), score: 59 },
      { at: sundayNight, score: 59 },
      { at: mondayMorning, score: 59 },
      { at: Date.parse('2026-11-24T03:00:00Z'), score: 65 },
    ];
    const byWeek = new Map<string, number[]>();
    for (const inspection of inspections) {
      const week = weekOf(inspection.at, shanghai).week;
      byWeek.set(week, [...(byWeek.get(week) ?? []), inspection.score]);
    }
    expect(Object.fromEntries([...byWeek].map(([week, scores]) => [week, chargeWeek(scores)]))).toEqual({
      '2026-11-16': [3, 0],
      '2026-11-23': [3, 0],
    });
  });
});

describe('scoring against a card', () => {
  const full = Object.fromEntries(defaultScorecardItems.map((item) => [item.key, item.points]));

  it('adds the points given to a score out of 100', () => {
    expect(scoreInspection(defaultScorecardItems, full)).toEqual({ score: 100, problems: [] });
    expect(scoreInspection(defaultScorecardItems, { ...full, greeting: 5, timeliness: 0 }).score).toBe(80);
  });

  it('gives 0 when a critical item scores 0 (致命项)', () => {
    expect(scoreInspection(defaultScorecardItems, { ...full, attitude: 0 }).score).toBe(0);
  });

  it('names missing, unknown and out-of-range items', () => {
    const { records: _records, ...withoutRecords } = full;
    const { problems } = scoreInspection(defaultScorecardItems, {
      ...withoutRecords,
      greeting: 11,
      extra: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { item: 'extra', problem: 'unknown_item' },
        { item: 'greeting', problem: 'out_of_range' },
        { item: 'records', problem: 'missing' },
      ]),
    );
  });
});

describe('automatic pre-checks', () => {
  const base = Date.parse('2026-11-23T02:00:00Z');
  const line = (
    seq: number,
    authorKind: TranscriptLine['authorKind'],
    text: string,
    seconds: number,
  ): TranscriptLine => ({
    id: `m${seq}`,
    seq,
    authorKind,
    kind: 'text',
    text,
    internal: false,
    at: base + seconds * 1000,
  });
  const settings = { firstReplyLimitSeconds: 45, forbiddenWords: ['不知道'], greetingWords: ['您好'] };

  it('marks a late first reply, a forbidden word, a missing greeting and an unanswered question', () => {
    const lines = [
      line(1, 'customer', '这件衣服有货吗', 0),
      line(2, 'agent', '不知道，自己看详情页', 80),
      line(3, 'customer', '那什么时候发货？', 90),
    ];
    const marks = precheckTranscript(lines, { assignedAt: base, firstResponseAt: base + 80_000 }, settings);
    expect(marks).toEqual([
      { kind: 'first_reply_late', messageId: 'm2', detail: '80' },
      { kind: 'forbidden_word', messageId: 'm2', detail: '不知道' },
      { kind: 'no_greeting', messageId: 'm2', detail: '' },
      { kind: 'unanswered_question', messageId: 'm3', detail: '' },
    ]);
  });

  it('marks nothing in a prompt, polite chat that answers every question', () => {
    const lines = [line(1, 'customer', '有货吗？', 0), line(2, 'agent', '您好，有货的', 20)];
    expect(precheckTranscript(lines, { assignedAt: base, firstResponseAt: base + 20_000 }, settings)).toEqual(
      [],
    );
  });
});

describe('the weekly sample', () => {
  const candidates = [
    ...['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => ({ subjectId: id, agentId: 'A', reasons: [] })),
    { subjectId: 'a6', agentId: 'A', reasons: ['bad_rating' as const] },
    ...['b1', 'b2'].map((id) => ({ subjectId: id, agentId: 'B', reasons: [] })),
  ];

  it('takes every rule-based pick plus the configured number drawn at random per agent', () => {
    const picks = drawSample(candidates, 2, seededRng(7));
    expect(picks.get('a6')).toEqual(['bad_rating']);
    expect([...picks.keys()].filter((id) => id.startsWith('a') && id !== 'a6')).toHaveLength(2);
    expect([...picks.keys()].filter((id) => id.startsWith('b'))).toHaveLength(2);
  });

  it('draws the same sample from the same seed and another from another seed', () => {
    const draw = (seed: number) => [...drawSample(candidates, 2, seededRng(seed)).keys()].sort().join();
    expect(draw(42)).toBe(draw(42));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(draw)).size).toBeGreaterThan(1);
  });

  it('picks bad ratings, complaints, slow first replies, long chats and transfers', () => {
    const limits = { firstReplyLimitSeconds: 45, longChatMessages: 40 };
    expect(
      conversationReasons(
        { rating: 'bad', complaint: true, firstReplySeconds: 46, messageCount: 40, transferCount: 1 },
        limits,
      ),
    ).toEqual(['bad_rating', 'complaint', 'slow_first_reply', 'long_chat', 'transfer']);
    expect(
      conversationReasons(
        { rating: 'good', complaint: false, firstReplySeconds: 45, messageCount: 39, transferCount: 0 },
        limits,
      ),
    ).toEqual([]);
  });
});

describe('the appeal window', () => {
  it('is 3 workdays on the business calendar: Friday 15:00 → Wednesday 15:00', () => {
    const friday = Date.parse('2026-11-20T07:00:00Z'); // 15:00 Shanghai
    expect(new Date(appealDeadline(defaultBusinessCalendar, friday, 3)).toISOString()).toBe(
      '2026-11-25T07:00:00.000Z',
    );
  });
});
