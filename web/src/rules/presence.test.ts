import { describe, expect, it } from 'vitest';
import type { AgentBoardEntry } from '@shared/schemas/chat.js';
import { applyPresenceUpdate, isIdleWhileOnline, sortBoard, transferTargetState } from './presence';

function buildEntry(overrides: Partial<AgentBoardEntry> = {}): AgentBoardEntry {
  return {
    userId: 'a1',
    displayName: '陈思远',
    groups: ['pre_sale'],
    status: 'online',
    statusSince: '2026-11-23T01:00:00.000Z',
    openChats: 2,
    maxConcurrentChats: 8,
    idleSince: null,
    ...overrides,
  };
}

describe('transfer targets', () => {
  it('away and offline agents never get a chat, nor does an agent at their cap', () => {
    expect(transferTargetState(buildEntry(), 'me')).toBe('available');
    expect(transferTargetState(buildEntry({ status: 'busy' }), 'me')).toBe('available');
    expect(transferTargetState(buildEntry({ status: 'away' }), 'me')).toBe('absent');
    expect(transferTargetState(buildEntry({ status: 'offline' }), 'me')).toBe('absent');
    expect(transferTargetState(buildEntry({ openChats: 8 }), 'me')).toBe('full');
    expect(transferTargetState(buildEntry({ userId: 'me' }), 'me')).toBe('self');
  });
});

describe('the supervisor board', () => {
  it('an agent online but idle past the limit comes first and is flagged', () => {
    const idle = buildEntry({ userId: 'b', displayName: '刘佳琪', idleSince: '2026-11-23T01:05:00.000Z' });
    const away = buildEntry({ userId: 'c', status: 'away' });
    expect(isIdleWhileOnline(idle)).toBe(true);
    expect(isIdleWhileOnline({ status: 'busy', idleSince: '2026-11-23T01:05:00.000Z' })).toBe(false);
    expect(sortBoard([away, buildEntry(), idle]).map((entry) => entry.userId)).toEqual(['b', 'a1', 'c']);
  });

  it('a pushed presence change updates status and since; an older push is ignored', () => {
    const board = [buildEntry()];
    const away = applyPresenceUpdate(board, {
      userId: 'a1',
      status: 'away',
      at: '2026-11-23T02:00:00.000Z',
      idleSince: null,
    });
    expect(away[0]).toMatchObject({ status: 'away', statusSince: '2026-11-23T02:00:00.000Z' });
    const stale = applyPresenceUpdate(away, {
      userId: 'a1',
      status: 'online',
      at: '2026-11-23T01:30:00.000Z',
      idleSince: null,
    });
    expect(stale[0]?.status).toBe('away');
  });
});
