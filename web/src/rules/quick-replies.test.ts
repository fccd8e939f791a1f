import { describe, expect, it } from 'vitest';
import type { QuickReply } from '@shared/schemas/replies.js';
import { insertAtSlash, matchQuickReplies, slashQueryAt } from './quick-replies';

const reply = (shortcut: string, title: string): QuickReply => ({
  id: shortcut,
  scope: 'shop',
  shortcut,
  title,
  text: `{customerName} ${title}`,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
});

describe('the / in the reply box', () => {
  it('opens at the start of the text or after whitespace, not inside a word or URL', () => {
    expect(slashQueryAt('/hi', 3)).toEqual({ start: 0, end: 3, query: 'hi' });
    expect(slashQueryAt('好的 /sh', 6)).toEqual({ start: 3, end: 6, query: 'sh' });
    expect(slashQueryAt('见 http://a/b', 12)).toBeNull();
    expect(slashQueryAt('/hi there', 9)).toBeNull();
  });

  it('matches shortcut prefixes first, then shortcuts containing the text, then titles', () => {
    const replies = [
      reply('bye', '结束语'),
      reply('ship', '发货时间'),
      reply('hi', '问候'),
      reply('xship', '加急'),
    ];
    expect(matchQuickReplies(replies, 'sh').map((r) => r.shortcut)).toEqual(['ship', 'xship']);
    expect(matchQuickReplies(replies, '发货').map((r) => r.shortcut)).toEqual(['ship']);
    expect(matchQuickReplies(replies, '')).toHaveLength(4);
  });

  it('replaces the typed /query with the reply and puts the caret after it', () => {
    const text = '亲 /hi 吗';
    const slash = slashQueryAt(text, 5)!;
    expect(insertAtSlash(text, slash, '您好')).toEqual({ text: '亲 您好 吗', caret: 4 });
  });
});
