// The chat widget's pure rules (widget/src): one message per seq in seq order, stale conversation versions
// dropped, the outbox that keeps a message's id until it is acknowledged, the limits it checks before the
// server does. Kept here because Vitest collects src/**/*.test.ts; it needs no database.
import { describe, expect, it } from 'vitest';
import {
  imageContentTypes as sharedImageTypes,
  maxImageBytes as sharedMaxImageBytes,
  maxMessageLength as sharedMaxMessageLength,
  offlineContactSchema,
  visitorSendSchema,
  type ChatMessage,
  type Conversation,
} from '../shared/schemas/chat.js';
import { createTranslator, pickWidgetLanguage } from '../../widget/src/i18n.js';
import {
  checkImage,
  contactPhonePattern,
  imageContentTypes,
  maxImageBytes,
  maxMessageLength,
} from '../../widget/src/limits.js';
import { newClientMessageId, Outbox, type OutboxEntry } from '../../widget/src/outbox.js';
import {
  acceptsConversation,
  buildTimeline,
  isReadByAgent,
  lastIncomingSeqOf,
  lastSeqOf,
  mergeMessages,
  queueNotice,
  unseenCount,
} from '../../widget/src/timeline.js';

const conversationId = '01a2000000000000000000000000c0de';

function message(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId,
    seq,
    authorKind: 'customer',
    authorId: 'customer-1',
    clientMessageId: `client-${seq}`,
    kind: 'text',
    text: `message ${seq}`,
    attachment: null,
    internal: false,
    createdAt: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: conversationId,
    status: 'assigned',
    source: 'product_detail',
    productId: 'P1001',
    orderId: null,
    targetGroup: 'pre_sale',
    agentId: 'agent-1',
    routingTier: 'online_matching',
    customer: { id: 'customer-1', displayName: '访客 0001', member: false },
    offHours: false,
    replyDueAt: null,
    queuedAt: '2026-11-23T12:00:00.000Z',
    assignedAt: '2026-11-23T12:00:01.000Z',
    firstResponseAt: null,
    closedAt: null,
    lastSeq: 1,
    lastMessageAt: null,
    lastMessagePreview: null,
    customerReadSeq: 0,
    agentReadSeq: 0,
    transferCount: 0,
    version: 2,
    createdAt: '2026-11-23T12:00:00.000Z',
    ...overrides,
  };
}

function memoryStorage(initial: unknown[] = []) {
  let saved = initial as OutboxEntry[];
  return {
    load: () => saved,
    save: (entries: OutboxEntry[]) => void (saved = entries),
    get saved() {
      return saved;
    },
  };
}

describe('widget timeline', () => {
  it('holds each message once and in seq order, whatever order pushes, syncs and acks arrive in', () => {
    let held: ChatMessage[] = [];
    held = mergeMessages(held, [message(3)], conversationId); // a push overtook the ack of 2
    held = mergeMessages(held, [message(1), message(2), message(3)], conversationId); // the sync
    held = mergeMessages(held, [message(2)], conversationId); // the late ack
    expect(held.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(lastSeqOf(held)).toBe(3);
  });

  it('ignores another conversation and internal notes, and returns the same list when nothing is new', () => {
    const held = [message(1)];
    expect(mergeMessages(held, [message(2, { conversationId: 'other' })], conversationId)).toBe(held);
    expect(mergeMessages(held, [message(2, { internal: true })], conversationId)).toBe(held);
    expect(mergeMessages(held, [message(1)], conversationId)).toBe(held);
  });

  it('drops a conversation update older than or as old as the one held', () => {
    const held = conversation({ version: 5 });
    expect(acceptsConversation(held, conversation({ version: 4, status: 'queued' }))).toBe(false);
    expect(acceptsConversation(held, conversation({ version: 5 }))).toBe(false);
    expect(acceptsConversation(held, conversation({ version: 6, status: 'closed' }))).toBe(true);
    expect(acceptsConversation(null, conversation({ version: 1 }))).toBe(true);
  });

  it('takes another conversation only after the held one ended or when it is newer', () => {
    const next = conversation({ id: 'next', version: 1, createdAt: '2026-11-23T13:00:00.000Z' });
    const stale = conversation({ id: 'stale', version: 9, createdAt: '2026-11-23T11:00:00.000Z' });
    expect(acceptsConversation(conversation({ status: 'closed' }), stale)).toBe(true);
    expect(acceptsConversation(conversation(), stale)).toBe(false);
    expect(acceptsConversation(conversation(), next)).toBe(true);
  });

  it('shows unsent messages after the stored ones, and an acknowledged one only once, in the same place', () => {
    const outbox = [
      {
        clientMessageId: 'client-2',
        payload: { text: 'b', source: 'shop_home' },
        createdAt: 2,
        state: 'pending',
      },
      {
        clientMessageId: 'later',
        payload: { text: 'c', source: 'shop_home' },
        createdAt: 3,
        state: 'failed',
      },
    ] satisfies OutboxEntry[];
    const before = buildTimeline([message(1)], outbox);
    expect(before.map((item) => item.key)).toEqual(['client-1', 'client-2', 'later']);
    const after = buildTimeline([message(1), message(2)], outbox);
    expect(after.map((item) => [item.kind, item.key])).toEqual([
      ['message', 'client-1'],
      ['message', 'client-2'],
      ['outgoing', 'later'],
    ]);
  });

  it('counts shop messages newer than the seen mark for the badge; read receipts follow the agent mark', () => {
    const held = [
      message(1),
      message(2, { authorKind: 'system', kind: 'auto_reply' }),
      message(3, { authorKind: 'agent' }),
      message(4),
    ];
    expect(unseenCount(held, 0)).toBe(2);
    expect(unseenCount(held, 2)).toBe(1);
    expect(lastIncomingSeqOf(held)).toBe(3);
    expect(isReadByAgent(held[0]!, 3)).toBe(true);
    expect(isReadByAgent(held[3]!, 3)).toBe(false);
    expect(isReadByAgent(held[2]!, 9)).toBe(false);
  });

  it('says how many wait ahead (position 1 is next) and rounds the wait up to whole minutes', () => {
    expect(queueNotice(1, 30)).toEqual({ ahead: 0, waitMinutes: 1 });
    expect(queueNotice(4, 121)).toEqual({ ahead: 3, waitMinutes: 3 });
    expect(queueNotice(2, null)).toEqual({ ahead: 1, waitMinutes: null });
  });
});

describe('widget outbox', () => {
  it('keeps a message with its id until delivered, and persists every change', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, () => 1000);
    const entry = outbox.add({ text: '你好', source: 'product_detail', productId: 'P1001' });
    expect(storage.saved).toHaveLength(1);
    expect(outbox.nextPending()?.clientMessageId).toBe(entry.clientMessageId);
    outbox.failed(entry.clientMessageId);
    expect(outbox.nextPending()).toBeUndefined();
    outbox.retry(entry.clientMessageId);
    expect(outbox.nextPending()?.clientMessageId).toBe(entry.clientMessageId);
    expect(outbox.delivered(['someone-else'])).toBe(false);
    expect(outbox.delivered([entry.clientMessageId])).toBe(true);
    expect(storage.saved).toEqual([]);
  });

  it('after a reload an unanswered message is pending again with its id; a refused one stays failed', () => {
    const storage = memoryStorage();
    const first = new Outbox(storage);
    const lost = first.add({ text: 'a', source: 'shop_home' });
    const refused = first.add({ text: 'b', source: 'shop_home' });
    first.failed(lost.clientMessageId);
    first.failed(refused.clientMessageId, '请求内容不符合要求');
    const second = new Outbox(storage);
    expect(second.entries()).toEqual([
      { ...lost, state: 'pending' },
      { ...refused, state: 'failed', error: '请求内容不符合要求' },
    ]);
  });

  it('after a reconnect retries the unanswered messages but not those the server refused', () => {
    const outbox = new Outbox(memoryStorage());
    const lost = outbox.add({ text: 'lost ack', source: 'shop_home' });
    const refused = outbox.add({ text: 'refused', source: 'shop_home' });
    outbox.failed(lost.clientMessageId);
    outbox.failed(refused.clientMessageId, 'refused');
    outbox.retryUnanswered();
    expect(outbox.entries().map((e) => e.state)).toEqual(['pending', 'failed']);
  });

  it('skips whatever in storage is not an outbox entry', () => {
    const outbox = new Outbox(memoryStorage([null, 'x', { clientMessageId: 1 }]));
    expect(outbox.entries()).toEqual([]);
  });

  it('makes client message ids the server accepts, different every time, in the order they were made', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClientMessageId()));
    expect(ids.size).toBe(1000);
    for (const id of [...ids].slice(0, 50)) {
      expect(visitorSendSchema.safeParse({ clientMessageId: id, text: 'hi' }).success).toBe(true);
    }
    const at = Date.UTC(2026, 11, 7, 6, 0);
    expect(newClientMessageId(() => new Uint8Array(20).fill(255), at)).toBe(
      `${at.toString(16).padStart(12, '0')}${'-'.repeat(20)}`,
    );
    // a later millisecond sorts after, whatever the random part (as the database compares text)
    const earlier = newClientMessageId(() => new Uint8Array(20).fill(255), at);
    const later = newClientMessageId(() => new Uint8Array(20).fill(0), at + 1);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});

describe('widget limits and texts', () => {
  it('checks the same image types, size and text length as the server', () => {
    expect(imageContentTypes).toEqual(sharedImageTypes);
    expect(maxImageBytes).toBe(sharedMaxImageBytes);
    expect(maxMessageLength).toBe(sharedMaxMessageLength);
    expect(checkImage({ type: 'image/webp', size: maxImageBytes })).toEqual({ ok: true });
    expect(checkImage({ type: 'image/webp', size: maxImageBytes + 1 })).toEqual({
      ok: false,
      reason: 'size',
    });
    expect(checkImage({ type: 'image/svg+xml', size: 10 })).toEqual({ ok: false, reason: 'type' });
  });

  it('accepts the same contact phone numbers as the server', () => {
    for (const phone of [
      '13800138000',
      '+86 138 0013 8000',
      '021-5555-1234',
      '12',
      'abc123456',
      '138001380001234567890',
    ]) {
      expect(contactPhonePattern.test(phone), phone).toBe(offlineContactSchema.safeParse({ phone }).success);
    }
  });

  it('speaks Chinese unless the browser asks for English first', () => {
    expect(pickWidgetLanguage('en-US')).toBe('en');
    expect(pickWidgetLanguage('zh-CN')).toBe('zh-CN');
    expect(pickWidgetLanguage('fr-FR')).toBe('zh-CN');
    expect(pickWidgetLanguage(undefined)).toBe('zh-CN');
    expect(createTranslator('zh-CN')('queueAhead', { n: 3 })).toBe('您前面还有 3 位');
    expect(createTranslator('en')('queueWait', { m: 2 })).toBe(', about 2 min to wait');
  });
});
