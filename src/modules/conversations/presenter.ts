// What conversations and messages look like when they leave the server.
import type { ConversationTable, MessageTable } from '../../db/schema.js';
import type { Attachment, ChatMessage, Conversation } from '../../shared/schemas/chat.js';
import type { ChatCustomer } from '../customers/service.js';
import { isoOf, isoOrNull } from '../../db/instants.js';

export function presentMessage(row: MessageTable, attachment: Attachment | null): ChatMessage {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    authorKind: row.authorKind,
    authorId: row.authorId,
    clientMessageId: row.clientMessageId,
    kind: row.kind,
    text: row.text,
    attachment,
    internal: row.internal === 1,
    createdAt: isoOf(row.createdAt),
  };
}

const PREVIEW_LENGTH = 80;

/** The line conversation lists show for the last visible message; an image shows as 🖼 and its caption. */
export function messagePreview(kind: MessageTable['kind'], text: string): string {
  // Most texts are one short line already (a string of at most PREVIEW_LENGTH code units has no more characters).
  if (kind !== 'image' && text.length <= PREVIEW_LENGTH && !/\s/.test(text)) return text;
  const line = text.replace(/\s+/g, ' ').trim();
  const preview = kind === 'image' ? `🖼 ${line}`.trim() : line;
  return [...preview].slice(0, PREVIEW_LENGTH).join('');
}

export function presentConversation(
  row: ConversationTable,
  customer: ChatCustomer | undefined,
): Conversation {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    productId: row.productId,
    orderId: row.orderId,
    targetGroup: row.targetGroup,
    agentId: row.agentId,
    routingTier: row.routingTier,
    customer: {
      id: row.customerId,
      displayName: customer?.displayName ?? '',
      member: customer?.member ?? false,
    },
    offHours: row.offHours === 1,
    replyDueAt: isoOrNull(row.replyDueAt),
    queuedAt: isoOrNull(row.queuedAt),
    assignedAt: isoOrNull(row.assignedAt),
    firstResponseAt: isoOrNull(row.firstResponseAt),
    closedAt: isoOrNull(row.closedAt),
    lastSeq: row.lastSeq,
    lastMessageAt: isoOrNull(row.lastMessageAt),
    lastMessagePreview: row.lastMessagePreview,
    customerReadSeq: row.customerReadSeq,
    agentReadSeq: row.agentReadSeq,
    transferCount: row.transferCount,
    version: row.version,
    createdAt: isoOf(row.createdAt),
  };
}
