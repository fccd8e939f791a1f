// Test-only writers of raw facts (chats, messages, hand-overs, ratings, calls, order events, work orders, SLA
// breaches) in the rows the owning modules store, so the metrics tests can set up exact histories quickly.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import type { CommerceEventKind } from '../../shared/commerce.js';
import { insertBreachRows, insertCallRow, insertCustomerRow } from '../../test/raw-rows.js';
import type { ProblemType } from '../../shared/assist.js';
import type {
  ComplaintCategory,
  SatisfactionLevel,
  WorkOrderStatus,
  WorkOrderType,
} from '../../shared/work-orders.js';

type Db = Kysely<Database>;

export function insertCustomer(db: Db, shopId: string, name: string, at: number): Promise<string> {
  return insertCustomerRow(db, shopId, name, at);
}

export interface MessageSpec {
  at: number;
  by: 'customer' | string;
  kind?: 'text' | 'image' | 'auto_reply';
  internal?: boolean;
  system?: boolean;
}

export async function insertChat(
  db: Db,
  shopId: string,
  spec: {
    customerId: string;
    agentId: string | null;
    messages: MessageSpec[];
    transfers?: { from: string | null; to: string | null; at: number }[];
    rating?: { agentId: string | null; score: 'good' | 'neutral' | 'bad'; at: number };
  },
): Promise<string> {
  const first = spec.messages[0]?.at ?? 0;
  const last = spec.messages.at(-1)?.at ?? first;
  const id = newId(first);
  await db
    .insertInto('conversations')
    .values({
      id,
      shopId,
      customerId: spec.customerId,
      status: spec.agentId ? 'assigned' : 'queued',
      source: 'shop_home',
      productId: null,
      orderId: null,
      targetGroup: 'pre_sale',
      agentId: spec.agentId,
      routingTier: null,
      offHours: 0,
      replyDueAt: null,
      queuedAt: first,
      assignedAt: spec.agentId ? first : null,
      firstResponseAt: null,
      closedAt: null,
      lastSeq: spec.messages.length,
      lastMessageAt: last,
      lastMessagePreview: null,
      customerReadSeq: 0,
      agentReadSeq: 0,
      transferCount: spec.transfers?.length ?? 0,
      queueNoticeAt: null,
      excludeAgentId: null,
      version: 1,
      createdAt: first,
      updatedAt: last,
    })
    .execute();
  if (spec.messages.length > 0) {
    await db
      .insertInto('messages')
      .values(spec.messages.map((m, index) => messageRow(shopId, id, spec.customerId, index + 1, m)))
      .execute();
  }
  for (const t of spec.transfers ?? []) {
    await db
      .insertInto('conversationTransfers')
      .values({
        id: newId(t.at),
        shopId,
        conversationId: id,
        kind: 'transfer',
        fromAgentId: t.from,
        toAgentId: t.to,
        toGroup: t.to ? null : 'pre_sale',
        note: '',
        byUserId: t.from ?? spec.agentId ?? '',
        at: t.at,
      })
      .execute();
  }
  if (spec.rating) await appendRating(db, shopId, id, spec.customerId, spec.rating);
  return id;
}

export async function insertCommerce(
  db: Db,
  shopId: string,
  spec: {
    kind: CommerceEventKind;
    subject: string;
    customerId: string | null;
    at: number;
    amountFen?: number;
  },
): Promise<string> {
  const id = newId(spec.at);
  await db
    .insertInto('commerceEvents')
    .values({
      id,
      shopId,
      externalId: id,
      kind: spec.kind,
      orderNo: spec.subject,
      subjectKey: spec.subject,
      memberId: null,
      phone: null,
      customerId: spec.customerId,
      occurredAt: spec.at,
      amountFen: spec.amountFen ?? null,
      source: 'webhook',
      importId: null,
      createdAt: spec.at,
    })
    .execute();
  return id;
}

export function insertCall(
  db: Db,
  shopId: string,
  spec: { direction: 'inbound' | 'outbound'; agentId: string | null; at: number; answered: boolean },
): Promise<string> {
  return insertCallRow(db, shopId, {
    direction: spec.direction,
    agentId: spec.agentId,
    toNumber: '400800',
    startedAt: spec.at,
    answeredAt: spec.answered ? spec.at + 5000 : null,
    endedAt: spec.at + 60_000,
    ringMs: 5000,
  });
}

let workOrderNumber = 0;

export async function insertWorkOrder(
  db: Db,
  shopId: string,
  spec: {
    type: WorkOrderType;
    status: WorkOrderStatus;
    assigneeId: string | null;
    createdAt: number;
    firstReplyAt?: number;
    resolvedAt?: number;
    closedAt?: number;
    reopenCount?: number;
    satisfaction?: SatisfactionLevel;
    subject?: string;
    conversationId?: string;
    complaintCategory?: ComplaintCategory;
  },
): Promise<string> {
  const id = newId(spec.createdAt);
  await db
    .insertInto('workOrders')
    .values({
      id,
      shopId,
      number: ++workOrderNumber,
      type: spec.type,
      priority: 'normal',
      status: spec.status,
      statusBeforeWait: null,
      title: 'x',
      description: '',
      customerId: null,
      contactName: null,
      sourceKind: 'manual',
      sourceId: null,
      originKey: null,
      conversationId: spec.conversationId ?? null,
      orderNo: spec.subject ?? null,
      subjectKey: spec.subject ?? null,
      complaintCategory: spec.complaintCategory ?? (spec.type === 'complaint' ? 'logistics' : null),
      assigneeId: spec.assigneeId,
      departmentId: null,
      complaintTeam: 0,
      keyPoints: '',
      customerRequirement: '',
      deadlineAt: null,
      satisfaction: spec.satisfaction ?? null,
      reopenCount: spec.reopenCount ?? 0,
      apologySentAt: null,
      firstReplyAt: spec.firstReplyAt ?? null,
      resolvedAt: spec.resolvedAt ?? null,
      closedAt: spec.closedAt ?? null,
      createdBy: null,
      version: 1,
      createdAt: spec.createdAt,
      updatedAt: Math.max(spec.createdAt, spec.firstReplyAt ?? 0, spec.resolvedAt ?? 0, spec.closedAt ?? 0),
    })
    .execute();
  return id;
}

/** A breach of the work order's reply-limit clock (policy simple_reply) at `at`. */
export async function insertReplyBreach(
  db: Db,
  shopId: string,
  workOrderId: string,
  at: number,
): Promise<void> {
  await insertBreachRows(db, shopId, {
    policyKey: 'simple_reply',
    subjectKind: 'work_order',
    subjectKey: workOrderId,
    workOrderId,
    agentId: null,
    at,
  });
}

function messageRow(shopId: string, conversationId: string, customerId: string, seq: number, m: MessageSpec) {
  const author = m.system ? null : m.by === 'customer' ? customerId : m.by;
  return {
    id: newId(m.at),
    shopId,
    conversationId,
    seq,
    authorKind: m.system
      ? ('system' as const)
      : m.by === 'customer'
        ? ('customer' as const)
        : ('agent' as const),
    authorId: author,
    clientMessageId: null,
    kind: m.kind ?? 'text',
    text: 'x',
    attachmentId: null,
    internal: m.internal ? 1 : 0,
    createdAt: m.at,
  };
}

/** Appends a message to a chat inserted with insertChat (as the chat service would: next seq, last message time). */
export async function appendMessage(
  db: Db,
  shopId: string,
  conversationId: string,
  customerId: string,
  message: MessageSpec,
): Promise<void> {
  const chat = await db
    .selectFrom('conversations')
    .select('lastSeq')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('messages')
    .values(messageRow(shopId, conversationId, customerId, chat.lastSeq + 1, message))
    .execute();
  await db
    .updateTable('conversations')
    .set({ lastSeq: chat.lastSeq + 1, lastMessageAt: message.at, updatedAt: message.at })
    .where('id', '=', conversationId)
    .execute();
}

export async function appendTransfer(
  db: Db,
  shopId: string,
  conversationId: string,
  transfer: { from: string | null; to: string | null; at: number },
): Promise<void> {
  await db
    .insertInto('conversationTransfers')
    .values({
      id: newId(transfer.at),
      shopId,
      conversationId,
      kind: 'transfer',
      fromAgentId: transfer.from,
      toAgentId: transfer.to,
      toGroup: transfer.to ? null : 'pre_sale',
      note: '',
      byUserId: transfer.from ?? transfer.to ?? '',
      at: transfer.at,
    })
    .execute();
  await db
    .updateTable('conversations')
    .set({ agentId: transfer.to, updatedAt: transfer.at })
    .where('id', '=', conversationId)
    .execute();
}

export async function appendRating(
  db: Db,
  shopId: string,
  conversationId: string,
  customerId: string,
  rating: { agentId: string | null; score: 'good' | 'neutral' | 'bad'; at: number },
): Promise<void> {
  await db
    .insertInto('chatRatings')
    .values({
      conversationId,
      shopId,
      customerId,
      agentId: rating.agentId,
      score: rating.score,
      comment: null,
      createdAt: rating.at,
    })
    .execute();
}

/** The assist module's stored problem type of a conversation. */
export async function insertClassification(
  db: Db,
  shopId: string,
  conversationId: string,
  problemType: ProblemType,
  at: number,
): Promise<void> {
  await db
    .insertInto('assistClassifications')
    .values({
      conversationId,
      shopId,
      problemType,
      complaintCategory: null,
      source: 'agent',
      confidencePermille: 1000,
      text: '',
      updatedBy: null,
      updatedAt: at,
    })
    .execute();
}
