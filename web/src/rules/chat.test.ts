import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '@shared/schemas/chat.js';
import {
  chatAbilities,
  firstResponseClock,
  isNewAssignment,
  listTimer,
  mergeMessages,
  queueStats,
  timerLevel,
  unreadCount,
  upsertIntoView,
  withMessage,
} from './chat';

const t0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

function buildConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    status: 'assigned',
    source: 'product_detail',
    productId: null,
    orderId: null,
    targetGroup: 'pre_sale',
    agentId: 'me',
    routingTier: null,
    customer: { id: 'u1', displayName: '访客 1', member: false },
    offHours: false,
    replyDueAt: null,
    queuedAt: at(0),
    assignedAt: at(0),
    firstResponseAt: null,
    closedAt: null,
    lastSeq: 1,
    lastMessageAt: at(0),
    lastMessagePreview: 'hi',
    customerReadSeq: 0,
    agentReadSeq: 0,
    transferCount: 0,
    version: 1,
    createdAt: at(0),
    ...overrides,
  };
}

function buildMessage(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    authorKind: 'customer',
    authorId: null,
    clientMessageId: null,
    kind: 'text',
    text: `message ${seq}`,
    attachment: null,
    internal: false,
    createdAt: at(seq),
    ...overrides,
  };
}

describe('merging messages by seq', () => {
  it('keeps every seq exactly once and in order, whatever order they arrive in', () => {
    const held = [buildMessage(1), buildMessage(3)];
    const merged = mergeMessages(held, [buildMessage(4), buildMessage(2), buildMessage(3)]);
    expect(merged.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the held array when nothing is new, so React sees no change', () => {
    const held = [buildMessage(1), buildMessage(2)];
    expect(mergeMessages(held, [buildMessage(2)])).toBe(held);
  });
});

describe('conversation lists', () => {
  it('an older version pushed late never overwrites a newer one', () => {
    const list = [buildConversation({ version: 5, lastMessagePreview: 'new' })];
    const stale = buildConversation({ version: 4, lastMessagePreview: 'old' });
    expect(upsertIntoView('mine', list, stale, 'me')).toBe(list);
  });

  it('a chat transferred away leaves my list and a queued chat joins the queue in arrival order', () => {
    const mine = [buildConversation()];
    expect(upsertIntoView('mine', mine, buildConversation({ agentId: 'other', version: 2 }), 'me')).toEqual(
      [],
    );
    const queue = [buildConversation({ id: 'a', status: 'queued', queuedAt: at(10), agentId: null })];
    const earlier = buildConversation({ id: 'b', status: 'queued', queuedAt: at(5), agentId: null });
    expect(upsertIntoView('queue', queue, earlier, 'me').map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('a new message shows in the list before the conversation update, but internal notes do not change the preview', () => {
    const conversation = buildConversation();
    expect(withMessage(conversation, buildMessage(2, { text: 'hello' })).lastMessagePreview).toBe('hello');
    const note = withMessage(conversation, buildMessage(2, { text: 'note', internal: true }));
    expect(note.lastSeq).toBe(2);
    expect(note.lastMessagePreview).toBe('hi');
    expect(withMessage(conversation, buildMessage(1))).toBe(conversation);
  });

  it('unread counts from the higher of the server read mark and this tab’s', () => {
    const conversation = buildConversation({ lastSeq: 7, agentReadSeq: 3 });
    expect(unreadCount(conversation)).toBe(4);
    expect(unreadCount(conversation, 6)).toBe(1);
  });
});

describe('the first-response clock (45 s seed 003, 60 s seed 001)', () => {
  it('turns amber past 45 s and red past 60 s', () => {
    expect(timerLevel(45)).toBe('ok');
    expect(timerLevel(46)).toBe('warning');
    expect(timerLevel(60)).toBe('warning');
    expect(timerLevel(61)).toBe('overdue');
  });

  it('counts from the assignment while nobody has replied', () => {
    const clock = firstResponseClock(buildConversation({ assignedAt: at(10) }), [], t0 + 60_000);
    expect(clock).toEqual({ seconds: 50, running: true, level: 'warning' });
  });

  it('stops at the first agent reply after the assignment, ignoring internal notes', () => {
    const conversation = buildConversation({ assignedAt: at(0) });
    const messages = [
      buildMessage(1),
      buildMessage(2, { authorKind: 'agent', authorId: 'me', internal: true, createdAt: at(20) }),
      buildMessage(3, { authorKind: 'agent', authorId: 'me', createdAt: at(70) }),
    ];
    expect(firstResponseClock(conversation, messages, t0 + 500_000)).toEqual({
      seconds: 70,
      running: false,
      level: 'overdue',
    });
  });

  it('restarts after a transfer: a reply before the new assignment does not count', () => {
    const conversation = buildConversation({ assignedAt: at(100), firstResponseAt: at(30) });
    expect(firstResponseClock(conversation, [], t0 + 130_000)?.running).toBe(true);
  });

  it('shows the wait of a queued chat in the list', () => {
    const queued = buildConversation({ status: 'queued', agentId: null, assignedAt: null, queuedAt: at(0) });
    expect(listTimer(queued, t0 + 30_000)).toEqual({ kind: 'waiting', seconds: 30, level: 'ok' });
  });
});

describe('new assignments and what the viewer may do', () => {
  it('announces a chat newly assigned to me once', () => {
    const conversation = buildConversation({ assignedAt: at(0) });
    expect(isNewAssignment(conversation, 'me', new Set(), t0 + 5000)).toBe(true);
    expect(isNewAssignment(conversation, 'me', new Set(['c1@' + at(0)]), t0 + 5000)).toBe(false);
    expect(isNewAssignment(conversation, 'other', new Set(), t0 + 5000)).toBe(false);
    expect(isNewAssignment(conversation, 'me', new Set(), t0 + 600_000)).toBe(false);
  });

  it('an agent writes only in their own open chat; a supervisor may assign and write in any', () => {
    const others = buildConversation({ agentId: 'other' });
    expect(chatAbilities(others, 'me', false)).toMatchObject({ replyBlock: 'notMine', canClose: false });
    expect(chatAbilities(others, 'me', true)).toMatchObject({ replyBlock: null, canAssign: true });
    const queued = buildConversation({ status: 'queued', agentId: null });
    expect(chatAbilities(queued, 'me', false)).toMatchObject({ replyBlock: 'waiting', canTransfer: false });
    expect(chatAbilities(buildConversation({ status: 'closed' }), 'me', true).replyBlock).toBe('closed');
  });

  it('the queue length and longest wait count only waiting chats', () => {
    const queue = [
      buildConversation({ id: 'a', status: 'queued', queuedAt: at(10) }),
      buildConversation({ id: 'b', status: 'queued', queuedAt: at(40) }),
      buildConversation({ id: 'c', status: 'offline_message', queuedAt: at(0) }),
    ];
    expect(queueStats(queue, t0 + 100_000)).toEqual({ length: 2, longestWaitSeconds: 90 });
    expect(queueStats([], t0)).toEqual({ length: 0, longestWaitSeconds: null });
  });
});
