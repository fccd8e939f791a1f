import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, waitWindowMs } from './wait.js';

const now = Date.parse('2026-11-23T10:00:00+08:00');
const minutesAgo = (m: number) => now - m * 60_000;

describe('estimated queue wait', () => {
  it('counts a minute per place while the shop has taken fewer than three chats lately', () => {
    expect(estimateWaitSeconds(1, [], now)).toBe(60);
    expect(estimateWaitSeconds(4, [minutesAgo(1), minutesAgo(2)], now)).toBe(240);
  });

  it('follows the pace of recent assignments: 10 chats in 10 minutes is one a minute', () => {
    const taken = Array.from({ length: 10 }, (_, i) => minutesAgo(i + 1));
    expect(estimateWaitSeconds(5, taken, now)).toBe(300);
    expect(estimateWaitSeconds(1, taken, now)).toBe(60);
  });

  it('a faster pace gives a shorter wait, rounded up to ten seconds', () => {
    // 30 chats in the last 5 minutes: one every 10 s.
    const taken = Array.from({ length: 30 }, (_, i) => minutesAgo((i + 1) / 6));
    expect(estimateWaitSeconds(3, taken, now)).toBe(30);
    expect(estimateWaitSeconds(2, taken, now)).toBe(20);
  });

  it('ignores assignments older than the window and caps the estimate at two hours', () => {
    const old = [now - waitWindowMs - 1, now - waitWindowMs - 2, now - waitWindowMs - 3];
    expect(estimateWaitSeconds(2, old, now)).toBe(120);
    expect(estimateWaitSeconds(500, [], now)).toBe(7200);
  });
});
