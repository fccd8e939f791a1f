// The outbox of the reply box: each message keeps its client id until the server acknowledges it, so a
// resend after a lost ack or a reconnect is stored once (the server deduplicates by client message id).
import type { Attachment, ChatMessage } from '@shared/schemas/chat.js';

export type OutboxState = 'sending' | 'waiting' | 'failed';

export interface OutboxItem {
  clientMessageId: string;
  conversationId: string;
  text: string;
  attachment: Attachment | null;
  internal: boolean;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** The server refused it (e.g. the chat was closed): resending will not help without a change */
  error: string | null;
}

/** Items the history now holds are done: the server stored them, whichever attempt's ack was lost. */
export function withoutDelivered(
  outbox: readonly OutboxItem[],
  messages: readonly ChatMessage[],
): OutboxItem[] {
  const delivered = new Set(messages.map((message) => message.clientMessageId).filter(Boolean));
  const remaining = outbox.filter((item) => !delivered.has(item.clientMessageId));
  return remaining.length === outbox.length ? (outbox as OutboxItem[]) : remaining;
}

/** Wait before the next automatic resend: 1 s, 2 s, 4 s … at most 15 s. */
export function resendDelayMs(attempts: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempts - 1));
}
