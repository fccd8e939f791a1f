// What the metrics keep of live chats between refreshes: messages in order, only the newest chats within the limit.
import { describe, expect, it } from 'vitest';
import { MessageMemory } from './message-memory.js';

/** Messages named by their seq: numbered(3, 4) is seq 3 'c3' and seq 4 'c4'. */
const numbered = (...seqs: number[]) => seqs.map((seq) => ({ seq, message: `c${seq}` }));

describe('message memory', () => {
  it('adds the messages read after the last kept number and hands out copies', () => {
    const memory = new MessageMemory<string>(100);
    expect(memory.lastSeqOf('c')).toBe(0);
    expect(memory.extend('c', 0, numbered(1, 2))).toEqual(['c1', 'c2']);
    expect(memory.lastSeqOf('c')).toBe(2);
    const all = memory.extend('c', 2, numbered(3));
    expect(all).toEqual(['c1', 'c2', 'c3']);
    all?.push('changed by the caller');
    // nothing new since: the same messages, the number unchanged
    expect(memory.extend('c', 3, [])).toEqual(['c1', 'c2', 'c3']);
    expect(memory.lastSeqOf('c')).toBe(3);
  });

  it('keeps a message stored here only when it is the next one, and never twice', () => {
    const memory = new MessageMemory<string>(100);
    memory.append('c', 1, 'c1'); // not kept yet: left to the first read
    expect(memory.lastSeqOf('c')).toBe(0);
    memory.extend('c', 0, numbered(1, 2));
    memory.append('c', 3, 'c3');
    memory.append('c', 5, 'c5'); // 4 is missing: left to the next read
    expect(memory.lastSeqOf('c')).toBe(3);
    // a read that began before 3 was kept finds it too
    expect(memory.extend('c', 2, numbered(3, 4, 5))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(memory.lastSeqOf('c')).toBe(5);
  });

  it('forgets the chats used longest ago once it holds more messages than its limit', () => {
    const memory = new MessageMemory<string>(5);
    memory.extend('old', 0, numbered(1, 2));
    memory.extend('middle', 0, numbered(1, 2));
    memory.extend('old', 2, numbered(3)); // used again: now the newest
    memory.extend('new', 0, numbered(1, 2));
    expect(memory.lastSeqOf('middle')).toBe(0);
    expect(memory.lastSeqOf('old')).toBe(3);
    expect(memory.lastSeqOf('new')).toBe(2);
    expect(memory.size).toEqual({ chats: 2, messages: 5 });
    memory.append('new', 3, 'c3'); // over the limit: the oldest goes
    expect(memory.lastSeqOf('old')).toBe(0);
    expect(memory.size).toEqual({ chats: 1, messages: 3 });
  });

  it('says so when a chat was let go while its newer messages were being read', () => {
    const memory = new MessageMemory<string>(4);
    memory.extend('a', 0, numbered(1, 2));
    const readAfter = memory.lastSeqOf('a');
    memory.extend('b', 0, numbered(1, 2, 3)); // a is let go meanwhile
    expect(memory.extend('a', readAfter, numbered(3))).toBeNull();
    expect(memory.extend('a', 0, numbered(1, 2, 3))).toEqual(['c1', 'c2', 'c3']);
  });

  it('returns a chat too long to keep without keeping it', () => {
    const memory = new MessageMemory<string>(3);
    memory.extend('short', 0, numbered(1));
    expect(memory.extend('long', 0, numbered(1, 2, 3, 4))).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(memory.lastSeqOf('long')).toBe(0);
    expect(memory.lastSeqOf('short')).toBe(1);
  });
});
