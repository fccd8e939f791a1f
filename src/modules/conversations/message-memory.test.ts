// What the metrics keep of live chats between refreshes: messages in order, only the newest chats within the limit.
import { describe, expect, it } from 'vitest';
import { MessageMemory } from './message-memory.js';

describe('message memory', () => {
  it('adds the messages read after the last kept number and hands out copies', () => {
    const memory = new MessageMemory<string>(100);
    expect(memory.lastSeqOf('a')).toBe(0);
    expect(memory.extend('a', ['a1', 'a2'], 2)).toEqual(['a1', 'a2']);
    expect(memory.lastSeqOf('a')).toBe(2);
    const all = memory.extend('a', ['a3'], 3);
    expect(all).toEqual(['a1', 'a2', 'a3']);
    all.push('changed by the caller');
    // nothing new since: the same messages, the number unchanged
    expect(memory.extend('a', [], 0)).toEqual(['a1', 'a2', 'a3']);
    expect(memory.lastSeqOf('a')).toBe(3);
  });

  it('forgets the chats used longest ago once it holds more messages than its limit', () => {
    const memory = new MessageMemory<number>(5);
    memory.extend('old', [1, 2], 2);
    memory.extend('middle', [1, 2], 2);
    memory.extend('old', [3], 3); // used again: now the newest
    memory.extend('new', [1, 2], 2);
    expect(memory.lastSeqOf('middle')).toBe(0);
    expect(memory.lastSeqOf('old')).toBe(3);
    expect(memory.lastSeqOf('new')).toBe(2);
    expect(memory.size).toEqual({ chats: 2, messages: 5 });
  });

  it('returns a chat too long to keep without keeping it', () => {
    const memory = new MessageMemory<number>(3);
    memory.extend('short', [1], 1);
    expect(memory.extend('long', [1, 2, 3, 4], 4)).toEqual([1, 2, 3, 4]);
    expect(memory.lastSeqOf('long')).toBe(0);
    expect(memory.lastSeqOf('short')).toBe(1);
  });
});
