import { describe, expect, it } from 'vitest';
import { idleAgents } from './rules.js';

const now = Date.parse('2026-11-23T10:00:00+08:00');

describe('idle while online', () => {
  it('flags an online agent exactly at the limit, not a second before', () => {
    const at = (ago: number) => [{ userId: 'a', status: 'online', lastActivityAt: now - ago * 1000 }];
    expect(idleAgents(at(59), 60, now)).toEqual([]);
    expect(idleAgents(at(60), 60, now)).toEqual([{ userId: 'a', idleSince: now - 60_000 }]);
  });

  it('only online agents count: busy, away and offline agents are not idle violations', () => {
    const rows = ['busy', 'away', 'offline'].map((status) => ({ userId: status, status, lastActivityAt: 0 }));
    expect(idleAgents(rows, 60, now)).toEqual([]);
  });

  it('uses the shop limit', () => {
    const rows = [{ userId: 'a', status: 'online', lastActivityAt: now - 90_000 }];
    expect(idleAgents(rows, 120, now)).toEqual([]);
    expect(idleAgents(rows, 90, now)).toHaveLength(1);
  });
});
