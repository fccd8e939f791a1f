// What the customer sees in the chat, as pure functions: messages held once each and ordered by seq, unsent
// messages after them, conversation updates that never go back to an older version, the queue notice.
import type { ChatMessage, Conversation } from '../../src/shared/schemas/chat.js';
import type { OutboxEntry } from './outbox.js';

/** Adds what arrived (a push, a sync page, an ack) to what is held: one message per seq, ascending. */
export function mergeMessages(
  held: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
  conversationId: string,
): ChatMessage[] {
  const bySeq = new Map(held.map((message) => [message.seq, message]));
  let changed = false;
  for (const message of incoming) {
    if (message.conversationId !== conversationId || message.internal || bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return held as ChatMessage[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq held: where a `sync` after a reconnect starts. */
export function lastSeqOf(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, message) => Math.max(max, message.seq), 0);
}

/** The highest seq of a message the customer did not write (what `read` reports and the badge counts). */
export function lastIncomingSeqOf(messages: readonly ChatMessage[]): number {
  return messages.reduce(
    (max, message) => (message.authorKind === 'customer' ? max : Math.max(max, message.seq)),
    0,
  );
}

/** Messages from the shop newer than what the customer has seen: the number on the launcher badge. */
export function unseenCount(messages: readonly ChatMessage[], seenSeq: number): number {
  return messages.filter((message) => message.authorKind !== 'customer' && message.seq > seenSeq).length;
}

/**
 * Whether a pushed conversation replaces the one held. The same conversation only moves forward by version
 * (events can arrive out of order); another conversation replaces it only when it is newer (a new chat after
 * the held one ended).
 */
export function acceptsConversation(held: Conversation | null, incoming: Conversation): boolean {
  if (!held) return true;
  if (held.id === incoming.id) return incoming.version > held.version;
  return held.status === 'closed' || Date.parse(incoming.createdAt) > Date.parse(held.createdAt);
}

export type TimelineItem =
  | { kind: 'message'; key: string; message: ChatMessage }
  | { kind: 'outgoing'; key: string; entry: OutboxEntry };

/** Stored messages in seq order, then what is still waiting for its acknowledgement, oldest first. */
export function buildTimeline(
  messages: readonly ChatMessage[],
  outbox: readonly OutboxEntry[],
): TimelineItem[] {
  const stored = new Set(
    messages.flatMap((message) => (message.clientMessageId ? [message.clientMessageId] : [])),
  );
  return [
    ...messages.map((message) => ({
      kind: 'message' as const,
      // A customer's message keeps the key it had while unsent, so it stays in place once stored.
      key: (message.authorKind === 'customer' && message.clientMessageId) || message.id,
      message,
    })),
    ...[...outbox]
      .filter((entry) => !stored.has(entry.clientMessageId))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((entry) => ({ kind: 'outgoing' as const, key: entry.clientMessageId, entry })),
  ];
}

/** The queue notice: how many wait ahead (position 1 = next, so nobody) and the expected wait in minutes. */
export function queueNotice(
  position: number,
  estimatedWaitSeconds: number | null,
): { ahead: number; waitMinutes: number | null } {
  return {
    ahead: Math.max(0, position - 1),
    waitMinutes: estimatedWaitSeconds === null ? null : Math.ceil(Math.max(0, estimatedWaitSeconds) / 60),
  };
}

/** Read receipts on the customer's own messages: read once the agent's read mark reaches their seq. */
export function isReadByAgent(message: ChatMessage, agentReadSeq: number): boolean {
  return message.authorKind === 'customer' && message.seq <= agentReadSeq;
}
