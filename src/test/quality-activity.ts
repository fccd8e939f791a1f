// Fixtures of a week of service activity for the quality and discipline suites: conversations with their messages
// and ratings, idle stretches, calls, cut-off breaches and promotions, written as the owning modules store them.
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { insertBreachRows, insertCallRow, insertCustomerRow } from './raw-rows.js';

type Db = Kysely<Database>;

export function seedCustomer(db: Db, shopId: string, name = '顾客'): Promise<string> {
  return insertCustomerRow(db, shopId, name, Date.now());
}

export interface SeedMessage {
  author: 'customer' | 'agent';
  text: string;
  /** seconds after the conversation was assigned */
  after: number;
}

export interface SeedConversation {
  agentId: string;
  customerId: string;
  assignedAt: number;
  messages: SeedMessage[];
  closed?: boolean;
  rating?: { score: 'good' | 'neutral' | 'bad'; comment?: string };
  transferCount?: number;
}

/** A served conversation: first response = the first agent message; closed after the last message if asked. */
export async function seedConversation(
  db: Db,
  shopId: string,
  input: SeedConversation,
): Promise<{ id: string; messageIds: string[] }> {
  const id = newId(input.assignedAt);
  const at = (seconds: number) => input.assignedAt + seconds * 1000;
  const firstAgent = input.messages.find((message) => message.author === 'agent');
  const last = input.messages.at(-1);
  const closedAt = input.closed ? at((last?.after ?? 0) + 60) : null;
  await db
    .insertInto('conversations')
    .values({
      id,
      shopId,
      customerId: input.customerId,
      status: input.closed ? 'closed' : 'assigned',
      source: 'shop_home',
      productId: null,
      orderId: null,
      targetGroup: 'pre_sale',
      agentId: input.agentId,
      routingTier: 'matching_online',
      offHours: 0,
      replyDueAt: null,
      queuedAt: input.assignedAt,
      assignedAt: input.assignedAt,
      firstResponseAt: firstAgent ? at(firstAgent.after) : null,
      closedAt,
      lastSeq: input.messages.length,
      lastMessageAt: last ? at(last.after) : null,
      lastMessagePreview: last?.text ?? null,
      customerReadSeq: 0,
      agentReadSeq: 0,
      transferCount: input.transferCount ?? 0,
      queueNoticeAt: null,
      excludeAgentId: null,
      version: 1,
      createdAt: input.assignedAt,
      updatedAt: input.assignedAt,
    })
    .execute();
  const messageIds: string[] = [];
  for (const [index, message] of input.messages.entries()) {
    const messageId = newId(at(message.after));
    messageIds.push(messageId);
    await db
      .insertInto('messages')
      .values({
        id: messageId,
        shopId,
        conversationId: id,
        seq: index + 1,
        authorKind: message.author,
        authorId: message.author === 'agent' ? input.agentId : input.customerId,
        clientMessageId: null,
        kind: 'text',
        text: message.text,
        attachmentId: null,
        internal: 0,
        createdAt: at(message.after),
      })
      .execute();
  }
  if (input.rating) {
    await db
      .insertInto('chatRatings')
      .values({
        conversationId: id,
        shopId,
        customerId: input.customerId,
        agentId: input.agentId,
        score: input.rating.score,
        comment: input.rating.comment ?? null,
        createdAt: (closedAt ?? at(600)) + 1000,
      })
      .execute();
  }
  return { id, messageIds };
}

export async function seedIdleEvent(
  db: Db,
  shopId: string,
  userId: string,
  idleSince: number,
): Promise<string> {
  const id = newId(idleSince);
  await db
    .insertInto('idleEvents')
    .values({
      id,
      shopId,
      userId,
      idleSince,
      detectedAt: idleSince + 60_000,
      endedAt: idleSince + 300_000,
      limitSeconds: 60,
    })
    .execute();
  return id;
}

export function seedCall(
  db: Db,
  shopId: string,
  input: { agentId: string; startedAt: number; ringsBeforeAnswer: number | null; missed?: boolean },
): Promise<string> {
  const id = newId(input.startedAt);
  const answeredAt = input.missed ? null : input.startedAt + (input.ringsBeforeAnswer ?? 1) * 5000;
  return insertCallRow(db, shopId, {
    id,
    externalCallId: `ext-${id}`,
    direction: 'inbound',
    agentExtension: '801',
    agentId: input.agentId,
    startedAt: input.startedAt,
    answeredAt,
    endedAt: input.startedAt + 300_000,
    ringMs: answeredAt ? answeredAt - input.startedAt : 60_000,
    ringsBeforeAnswer: input.missed ? null : input.ringsBeforeAnswer,
    missed: input.missed ? 1 : 0,
    customerName: '来电顾客',
    matterKind: 'question',
    matter: '咨询发货时间',
    handling: '告知48小时内发货',
    customerReaction: '满意',
  });
}

/** A seed-003 cut-off breach of a chat, attributed to the agent, as the SLA sweep records it. */
export function seedCutoffBreach(
  db: Db,
  shopId: string,
  agentId: string,
  conversationId: string,
  at: number,
): Promise<string> {
  return insertBreachRows(db, shopId, {
    policyKey: 'message_cutoff',
    subjectKind: 'conversation',
    subjectKey: conversationId,
    workOrderId: null,
    agentId,
    at,
  });
}

export async function seedPromotion(
  db: Db,
  shopId: string,
  startsAt: number,
  endsAt: number,
): Promise<string> {
  const id = newId(startsAt);
  await db
    .insertInto('autoReplies')
    .values({
      id,
      shopId,
      kind: 'promotion',
      slot: `promotion-${id}`,
      text: '双十一满300减50',
      enabled: 1,
      startsAt,
      endsAt,
      createdAt: startsAt,
      updatedAt: startsAt,
    })
    .execute();
  return id;
}
