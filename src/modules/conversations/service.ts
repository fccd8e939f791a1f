// Conversations and their messages (SPEC §2–3): a message is stored with the next per-conversation sequence
// number before anyone is told of it; a client message id makes a resend return the stored message, never a copy.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { ConversationTable, Database, MessageAuthorKind, MessageTable } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit, type EventBus } from '../../server/events.js';
import type { ConversationStatus, EntrySource } from '../../shared/chat.js';
import type { ChatMessage, Conversation } from '../../shared/schemas/chat.js';
import { customersById, type ChatCustomer } from '../customers/service.js';
import { compareQueuedChats, groupForSource } from '../routing/rules.js';
import { offHoursReplyDue, type ServiceHours } from '../routing/service-hours.js';
import { getServiceHours } from '../shops/service.js';
import { presentConversation, presentMessage } from './presenter.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

export interface ChatDeps {
  db: Db;
  bus: EventBus;
}

/** Staff who may write in any conversation of their shop, not only their own. */
const overseers = new Set(['admin', 'supervisor']);

export function serviceHoursOf(db: Db, shopId: string): Promise<ServiceHours> {
  return getServiceHours(db, shopId);
}

async function present(db: Db, row: ConversationTable): Promise<Conversation> {
  const customers = await customersById(db, row.shopId, [row.customerId]);
  return presentConversation(row, customers.get(row.customerId));
}

/** Retries a command once when a concurrent identical send won the unique key: the retry finds its message. */
async function onceMoreOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return work();
    throw error;
  }
}

interface AppendInput {
  conversation: ConversationTable;
  authorKind: MessageAuthorKind;
  authorId: string | null;
  clientMessageId: string | null;
  text: string;
  internal: boolean;
  now: number;
}

async function appendMessage(trx: Db, input: AppendInput): Promise<{ row: MessageTable; created: boolean }> {
  if (input.clientMessageId && input.authorId) {
    const existing = await repo.findMessageByClientId(
      trx,
      input.conversation.id,
      input.authorId,
      input.clientMessageId,
    );
    if (existing) return { row: existing, created: false };
  }
  const row: MessageTable = {
    id: newId(input.now),
    shopId: input.conversation.shopId,
    conversationId: input.conversation.id,
    seq: await repo.nextSeq(trx, input.conversation.id),
    authorKind: input.authorKind,
    authorId: input.authorId,
    clientMessageId: input.clientMessageId,
    kind: input.authorKind === 'system' ? 'event' : 'text',
    text: input.text,
    internal: input.internal ? 1 : 0,
    createdAt: input.now,
  };
  await repo.insertMessage(trx, row);
  return { row, created: true };
}

export interface CustomerSendInput {
  clientMessageId: string;
  text: string;
  source: EntrySource;
  productId?: string | undefined;
  orderId?: string | undefined;
}

/**
 * A customer's message: continues their open conversation or opens a new one (queued for routing, or an
 * off-hours message 留言 due by the next 09:30), then stores the message. Acknowledge only after this resolves.
 */
export function sendCustomerMessage(
  deps: ChatDeps,
  customer: ChatCustomer,
  input: CustomerSendInput,
): Promise<{ message: ChatMessage; conversation: Conversation }> {
  return onceMoreOnDuplicate(() =>
    runCommand(deps.db, deps.bus, async (trx, emit) => {
      const now = Date.now();
      let conversation = await repo.findOpenConversation(trx, customer.shopId, customer.id);
      if (!conversation) {
        const due = offHoursReplyDue(now, await serviceHoursOf(trx, customer.shopId));
        const status: ConversationStatus = due === null ? 'queued' : 'offline_message';
        conversation = {
          id: newId(now),
          shopId: customer.shopId,
          customerId: customer.id,
          status,
          source: input.source,
          productId: input.productId ?? null,
          orderId: input.orderId ?? null,
          targetGroup: groupForSource(input.source),
          agentId: null,
          routingTier: null,
          offHours: due === null ? 0 : 1,
          replyDueAt: due,
          queuedAt: now,
          assignedAt: null,
          firstResponseAt: null,
          closedAt: null,
          lastSeq: 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insertConversation(trx, conversation);
        emit({
          type: 'conversation.changed',
          shopId: customer.shopId,
          conversation: await present(trx, conversation),
          previousAgentId: null,
        });
      }
      const { row, created } = await appendMessage(trx, {
        conversation,
        authorKind: 'customer',
        authorId: customer.id,
        clientMessageId: input.clientMessageId,
        text: input.text,
        internal: false,
        now,
      });
      const current = await repo.findConversation(trx, customer.shopId, conversation.id);
      const view = await present(trx, current ?? conversation);
      const message = presentMessage(row);
      if (created) emit({ type: 'message.created', shopId: customer.shopId, conversation: view, message });
      return { message, conversation: view };
    }),
  );
}

export interface AgentSendInput {
  conversationId: string;
  clientMessageId: string;
  text: string;
  internal: boolean;
}

/** An agent's reply or internal note; the first customer-visible reply sets the first-response time. */
export function sendAgentMessage(deps: ChatDeps, actor: Actor, input: AgentSendInput): Promise<ChatMessage> {
  return onceMoreOnDuplicate(() =>
    runCommand(deps.db, deps.bus, async (trx, emit) => {
      const now = Date.now();
      const conversation = await repo.findConversation(trx, actor.shopId, input.conversationId);
      if (!conversation) throw notFound();
      if (conversation.status === 'closed') throw new AppError('conversation_closed');
      if (conversation.agentId !== actor.userId && !overseers.has(actor.role)) {
        throw new AppError('not_your_conversation');
      }
      const { row, created } = await appendMessage(trx, {
        conversation,
        authorKind: 'agent',
        authorId: actor.userId,
        clientMessageId: input.clientMessageId,
        text: input.text,
        internal: input.internal,
        now,
      });
      let current = conversation;
      if (created && !input.internal && conversation.firstResponseAt === null) {
        current = await repo.updateConversation(trx, actor.shopId, conversation.id, {
          firstResponseAt: now,
          updatedAt: now,
        });
        emit({
          type: 'conversation.changed',
          shopId: actor.shopId,
          conversation: await present(trx, current),
          previousAgentId: current.agentId,
        });
      }
      const message = presentMessage(row);
      if (created) {
        emit({
          type: 'message.created',
          shopId: actor.shopId,
          conversation: await present(trx, current),
          message,
        });
      }
      return message;
    }),
  );
}

export type Viewer = { kind: 'customer'; customer: ChatCustomer } | { kind: 'staff'; actor: Actor };

/** Everything after the last sequence number a client holds, in order (internal notes only for staff). */
export async function messagesAfter(
  db: Db,
  viewer: Viewer,
  conversationId: string,
  afterSeq: number,
  limit = 500,
): Promise<ChatMessage[]> {
  const shopId = viewer.kind === 'customer' ? viewer.customer.shopId : viewer.actor.shopId;
  const conversation = await repo.findConversation(db, shopId, conversationId);
  if (!conversation || (viewer.kind === 'customer' && conversation.customerId !== viewer.customer.id)) {
    throw notFound();
  }
  const rows = await repo.listMessagesAfter(db, conversationId, afterSeq, {
    includeInternal: viewer.kind === 'staff',
    limit,
  });
  return rows.map(presentMessage);
}

export async function openConversationOf(db: Db, customer: ChatCustomer): Promise<Conversation | null> {
  const row = await repo.findOpenConversation(db, customer.shopId, customer.id);
  return row ? present(db, row) : null;
}

export async function getConversation(db: Db, actor: Actor, id: string): Promise<Conversation> {
  const row = await repo.findConversation(db, actor.shopId, id);
  if (!row) throw notFound();
  return present(db, row);
}

export type ConversationView = 'mine' | 'queue' | 'open' | 'all';

export async function listConversations(
  db: Db,
  actor: Actor,
  view: ConversationView,
): Promise<Conversation[]> {
  const filter: repo.ConversationFilter =
    view === 'mine'
      ? { agentId: actor.userId, statuses: ['assigned'], limit: 200 }
      : view === 'queue'
        ? { statuses: ['queued', 'offline_message'], limit: 500 }
        : view === 'open'
          ? { statuses: ['queued', 'offline_message', 'assigned'], limit: 500 }
          : { limit: 500 };
  const rows = await repo.listConversations(db, actor.shopId, filter);
  const customers = await customersById(
    db,
    actor.shopId,
    rows.map((row) => row.customerId),
  );
  return rows.map((row) => presentConversation(row, customers.get(row.customerId)));
}

/** Ends a conversation; the agent's freed capacity is picked up by routing from the published event. */
export function closeConversation(deps: ChatDeps, actor: Actor, id: string): Promise<Conversation> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const conversation = await repo.findConversation(trx, actor.shopId, id);
    if (!conversation) throw notFound();
    if (conversation.status === 'closed') return present(trx, conversation);
    if (conversation.agentId !== actor.userId && !overseers.has(actor.role)) {
      throw new AppError('not_your_conversation');
    }
    const now = Date.now();
    const closed = await repo.updateConversation(trx, actor.shopId, id, {
      status: 'closed',
      closedAt: now,
      updatedAt: now,
    });
    const view = await present(trx, closed);
    emit({
      type: 'conversation.changed',
      shopId: actor.shopId,
      conversation: view,
      previousAgentId: conversation.agentId,
    });
    return view;
  });
}

// ── what routing reads and writes (routing owns the decision; this module owns the rows) ──────────────

export interface AgentLoad {
  openChats: number;
  lastAssignedAt: number;
}

export async function agentLoads(db: Db, shopId: string): Promise<Map<string, AgentLoad>> {
  const rows = await repo.agentLoad(db, shopId);
  return new Map(
    rows.flatMap((row) =>
      row.agentId
        ? [
            [
              row.agentId,
              { openChats: Number(row.open ?? 0), lastAssignedAt: Number(row.lastAssignedAt ?? 0) },
            ],
          ]
        : [],
    ),
  );
}

export interface QueuedConversation {
  id: string;
  customerId: string;
  source: EntrySource;
  offHours: boolean;
  queuedAt: number;
}

export async function queuedConversations(db: Db, shopId: string): Promise<QueuedConversation[]> {
  const rows = await repo.listConversations(db, shopId, { statuses: ['queued'], limit: 10_000 });
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    source: row.source,
    offHours: row.offHours === 1,
    queuedAt: row.queuedAt ?? row.createdAt,
  }));
}

/** For each customer, the agent who last served them in this shop and when (one query for the whole queue). */
export async function lastServedBy(
  db: Db,
  shopId: string,
  customerIds: string[],
): Promise<Map<string, { agentId: string; servedAt: number }>> {
  const served = new Map<string, { agentId: string; servedAt: number }>();
  for (const row of await repo.latestServedConversations(db, shopId, [...new Set(customerIds)])) {
    if (row.agentId && row.assignedAt && !served.has(row.customerId)) {
      served.set(row.customerId, { agentId: row.agentId, servedAt: row.assignedAt });
    }
  }
  return served;
}

/** Records routing's decision on a queued conversation. */
export async function assignConversation(
  trx: Db,
  emit: Emit,
  shopId: string,
  id: string,
  assignment: { agentId: string; tier: string; now: number },
): Promise<Conversation> {
  const before = await repo.findConversation(trx, shopId, id);
  if (!before) throw notFound();
  const row = await repo.updateConversation(trx, shopId, id, {
    status: 'assigned',
    agentId: assignment.agentId,
    routingTier: assignment.tier,
    assignedAt: assignment.now,
    updatedAt: assignment.now,
  });
  const view = await present(trx, row);
  emit({ type: 'conversation.changed', shopId, conversation: view, previousAgentId: before.agentId });
  return view;
}

/** Off-hours messages join the head of the queue once service opens (SPEC §3). */
export async function releaseOffHoursMessages(trx: Db, emit: Emit, shopId: string): Promise<number> {
  const rows = await repo.listConversations(trx, shopId, { statuses: ['offline_message'], limit: 10_000 });
  for (const row of rows) {
    const updated = await repo.updateConversation(trx, shopId, row.id, {
      status: 'queued',
      updatedAt: Date.now(),
    });
    emit({
      type: 'conversation.changed',
      shopId,
      conversation: await present(trx, updated),
      previousAgentId: null,
    });
  }
  return rows.length;
}

export interface QueuePosition {
  conversationId: string;
  customerId: string;
  /** 1 = next to be served */
  position: number;
}

/** Each waiting conversation's place, in the order routing serves the queue (off-hours first, then arrival). */
export async function queuePositions(db: Db, shopId: string): Promise<QueuePosition[]> {
  const queue = (await queuedConversations(db, shopId))
    .map((entry) => ({
      conversationId: entry.id,
      customerId: entry.customerId,
      enqueuedAt: entry.queuedAt,
      offHours: entry.offHours,
    }))
    .sort(compareQueuedChats);
  return queue.map((entry, index) => ({
    conversationId: entry.conversationId,
    customerId: entry.customerId,
    position: index + 1,
  }));
}
