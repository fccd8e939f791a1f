// Queries of the conversations and messages tables.
import type { Kysely } from 'kysely';
import type {
  ChatRatingTable,
  ConversationTable,
  ConversationTransferTable,
  Database,
  MessageTable,
} from '../../db/schema.js';
import type { ConversationStatus } from '../../shared/chat.js';
import { preparedQuery } from '../../db/prepared.js';
import type { TakeThenInsert } from '../../db/sqlite-writer.js';

type Db = Kysely<Database>;

export async function insertConversation(db: Db, row: ConversationTable): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

// The statements every chat message runs are prepared once (src/db/prepared.ts); the rest are built per call.
const conversationById = preparedQuery<ConversationTable>((db, slot) =>
  db.selectFrom('conversations').selectAll().where('shopId', '=', slot(0)).where('id', '=', slot(1)),
);

export function findConversation(db: Db, shopId: string, id: string): Promise<ConversationTable | undefined> {
  return conversationById.first(db, [shopId, id]);
}

const openConversationOf = preparedQuery<ConversationTable>((db, slot) =>
  db
    .selectFrom('conversations')
    .selectAll()
    .where('shopId', '=', slot(0))
    .where('customerId', '=', slot(1))
    .where('status', '!=', 'closed')
    .orderBy('createdAt', 'desc')
    .limit(1),
);

export function findOpenConversation(
  db: Db,
  shopId: string,
  customerId: string,
): Promise<ConversationTable | undefined> {
  return openConversationOf.first(db, [shopId, customerId]);
}

/** Applies a change and bumps the version; returns the row as it is now. */
export async function updateConversation(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<ConversationTable>,
): Promise<ConversationTable> {
  await db
    .updateTable('conversations')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .execute();
  const row = await findConversation(db, shopId, id);
  if (!row) throw new Error(`conversation ${id} vanished`);
  return row;
}

/**
 * Takes the next sequence number (the returned row's lastSeq); the row update also serialises concurrent writers
 * of one conversation. A message the customer sees also becomes the list preview, in the same statement.
 */
const takeSeq = preparedQuery<ConversationTable>((db, slot) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) }))
    .where('id', '=', slot(0))
    .returningAll(),
);

const takeVisibleSeq = preparedQuery<ConversationTable>((db, slot) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1), lastMessageAt: slot(1), lastMessagePreview: slot(2) }))
    .where('id', '=', slot(0))
    .returningAll(),
);

/** Only while the conversation is open: a writer that remembers a customer's open chat learns here that it closed. */
const takeVisibleSeqIfOpen = preparedQuery<ConversationTable>((db, slot) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1), lastMessageAt: slot(1), lastMessagePreview: slot(2) }))
    .where('id', '=', slot(0))
    .where('status', '!=', 'closed')
    .returningAll(),
);

/** Only by the agent who holds an open conversation it has already answered (a first answer changes more). */
const takeVisibleSeqAsHolder = preparedQuery<ConversationTable>((db, slot) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1), lastMessageAt: slot(1), lastMessagePreview: slot(2) }))
    .where('id', '=', slot(0))
    .where('shopId', '=', slot(3))
    .where('status', '!=', 'closed')
    .where('agentId', '=', slot(4))
    .where('firstResponseAt', 'is not', null)
    .returningAll(),
);

export async function nextSeq(
  db: Db,
  conversationId: string,
  visible: { at: number; preview: string } | null,
): Promise<ConversationTable> {
  const row = visible
    ? await takeVisibleSeq.first(db, [conversationId, visible.at, visible.preview])
    : await takeSeq.first(db, [conversationId]);
  if (!row) throw new Error(`conversation ${conversationId} vanished`);
  return row;
}

/** The next sequence number of a visible message, or undefined when the conversation is closed (or gone). */
export function nextSeqIfOpen(
  db: Db,
  conversationId: string,
  visible: { at: number; preview: string },
): Promise<ConversationTable | undefined> {
  return takeVisibleSeqIfOpen.first(db, [conversationId, visible.at, visible.preview]);
}

const messageColumns = [
  'id',
  'shopId',
  'conversationId',
  'seq',
  'authorKind',
  'authorId',
  'clientMessageId',
  'kind',
  'text',
  'attachmentId',
  'internal',
  'createdAt',
] as const satisfies ReadonlyArray<keyof MessageTable>;

const messageInsert = preparedQuery((db, slot) =>
  db
    .insertInto('messages')
    .values(Object.fromEntries(messageColumns.map((column, index) => [column, slot(index)])) as MessageTable),
);

/**
 * A visible message appended to a conversation only while it is open (and, with `holder`, only by that agent after
 * the conversation's first answer), as statements for the SQLite writer thread (src/db/sqlite-writer.ts): the
 * message takes the conversation's next sequence number (its `seq` is set there).
 */
export function appendIfOpenStatements(
  db: Db,
  row: MessageTable,
  preview: string,
  holder?: string,
): TakeThenInsert {
  const insert = messageInsert.compile(
    db,
    messageColumns.map((column) => row[column]),
  );
  const take =
    holder === undefined
      ? takeVisibleSeqIfOpen.compile(db, [row.conversationId, row.createdAt, preview])
      : takeVisibleSeqAsHolder.compile(db, [row.conversationId, row.createdAt, preview, row.shopId, holder]);
  return {
    take: { sql: take.sql, parameters: take.parameters },
    insert: {
      sql: insert.sql,
      parameters: insert.parameters,
      fromTake: { parameter: insert.positionOf(messageColumns.indexOf('seq')), column: 'last_seq' },
    },
  };
}

export async function insertMessage(db: Db, row: MessageTable): Promise<void> {
  await messageInsert.all(
    db,
    messageColumns.map((column) => row[column]),
  );
}

export function findMessageByClientId(
  db: Db,
  conversationId: string,
  authorId: string,
  clientMessageId: string,
) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('authorId', '=', authorId)
    .where('clientMessageId', '=', clientMessageId)
    .executeTakeFirst();
}

export function listMessagesAfter(
  db: Db,
  conversationId: string,
  afterSeq: number,
  options: { includeInternal: boolean; limit: number },
): Promise<MessageTable[]> {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('seq', '>', afterSeq);
  if (!options.includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('seq').limit(options.limit).execute();
}

export interface ConversationFilter {
  statuses?: ConversationStatus[];
  agentId?: string;
  limit: number;
}

export function listConversations(db: Db, shopId: string, filter: ConversationFilter) {
  let query = db.selectFrom('conversations').selectAll().where('shopId', '=', shopId);
  if (filter.statuses) query = query.where('status', 'in', filter.statuses);
  if (filter.agentId) query = query.where('agentId', '=', filter.agentId);
  return query.orderBy('createdAt', 'asc').limit(filter.limit).execute();
}

/** Per agent: their open (assigned) chats. */
export function openChatsByAgent(db: Db, shopId: string) {
  return db
    .selectFrom('conversations')
    .select((eb) => ['agentId', eb.fn.countAll<number>().as('open')])
    .where('shopId', '=', shopId)
    .where('status', '=', 'assigned')
    .groupBy('agentId')
    .execute();
}

/** Per agent: when they were last given a chat, among the assignments since `since`. */
export function lastAssignmentsSince(db: Db, shopId: string, since: number) {
  return db
    .selectFrom('conversations')
    .select((eb) => ['agentId', eb.fn.max('assignedAt').as('lastAssignedAt')])
    .where('shopId', '=', shopId)
    .where('assignedAt', '>=', since)
    .where('agentId', 'is not', null)
    .groupBy('agentId')
    .execute();
}

/** Served conversations of these customers, newest first; the first row per customer is their latest. */
export function latestServedConversations(db: Db, shopId: string, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conversations')
    .select(['customerId', 'agentId', 'assignedAt'])
    .where('shopId', '=', shopId)
    .where('customerId', 'in', customerIds)
    .where('agentId', 'is not', null)
    .orderBy('assignedAt', 'desc')
    .execute();
}

export function findConversations(db: Db, shopId: string, ids: string[]): Promise<ConversationTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', 'in', ids)
    .execute();
}

export async function countQueued(db: Db, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shopId', '=', shopId)
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertTransfer(db: Db, row: ConversationTransferTable): Promise<void> {
  await db.insertInto('conversationTransfers').values(row).execute();
}

/** Raises a read mark, never lowers it (a late event cannot undo a later read). */
export async function raiseReadSeq(
  db: Db,
  conversationId: string,
  column: 'customerReadSeq' | 'agentReadSeq',
  seq: number,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ [column]: seq })
    .where('id', '=', conversationId)
    .where(column, '<', seq)
    .execute();
}

export async function insertRating(db: Db, row: ChatRatingTable): Promise<void> {
  await db.insertInto('chatRatings').values(row).execute();
}

export function listConversationsOfCustomer(db: Db, shopId: string, customerId: string, limit: number) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('customerId', '=', customerId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

/** The conversations of several customers (a profile and the profiles merged into it), newest first. */
export function conversationsOfCustomers(
  db: Db,
  shopId: string,
  customerIds: readonly string[],
  limit: number,
) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('customerId', 'in', [...customerIds])
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

export function ratingsOfCustomers(db: Db, shopId: string, customerIds: readonly string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chatRatings')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('customerId', 'in', [...customerIds])
    .orderBy('createdAt', 'desc')
    .limit(500)
    .execute();
}

/** When chats routed with these tiers since `since` were assigned. */
export function recentAssignments(db: Db, shopId: string, since: number, tiers: readonly string[]) {
  return db
    .selectFrom('conversations')
    .select('assignedAt')
    .where('shopId', '=', shopId)
    .where('assignedAt', '>=', since)
    .where('routingTier', 'in', [...tiers])
    .orderBy('assignedAt', 'desc')
    .limit(200)
    .execute();
}

export async function shopsWithStatuses(db: Db, statuses: ConversationStatus[]): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('shopId')
    .distinct()
    .where('status', 'in', statuses)
    .execute();
  return rows.map((row) => row.shopId);
}

/** Conversations assigned to an agent in [from, to) (quality sampling and discipline detection). */
export function assignedBetween(
  db: Db,
  shopId: string,
  from: number,
  to: number,
): Promise<ConversationTable[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('agentId', 'is not', null)
    .where('assignedAt', '>=', from)
    .where('assignedAt', '<', to)
    .orderBy('assignedAt')
    .execute();
}

/** Visible (non-internal) customer and agent message counts per conversation. */
export function messageCounts(db: Db, shopId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('messages')
    .select((eb) => ['conversationId', 'authorKind', eb.fn.countAll<number>().as('n')])
    .where('shopId', '=', shopId)
    .where('conversationId', 'in', conversationIds)
    .where('internal', '=', 0)
    .where('kind', 'in', ['text', 'image'])
    .groupBy(['conversationId', 'authorKind'])
    .execute();
}

export function ratingsOf(db: Db, shopId: string, conversationIds: string[]): Promise<ChatRatingTable[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chatRatings')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('conversationId', 'in', conversationIds)
    .execute();
}

export function ratingsBetween(db: Db, shopId: string, from: number, to: number): Promise<ChatRatingTable[]> {
  return db
    .selectFrom('chatRatings')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .execute();
}

/** Every message of a conversation in order, internal notes included (inspectors see them). */
export function allMessagesOf(db: Db, shopId: string, conversationId: string): Promise<MessageTable[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('conversationId', '=', conversationId)
    .orderBy('seq')
    .execute();
}

/**
 * Locks a conversation nobody has taken yet (queued or an offline message, never assigned, never answered by an
 * agent) and returns it; undefined once a human joined. On PostgreSQL the update waits for a concurrent
 * assignment to commit and then re-checks, so an automatic answer never lands after an agent took the chat.
 */
export async function lockUnattended(
  db: Db,
  shopId: string,
  id: string,
): Promise<ConversationTable | undefined> {
  return db
    .updateTable('conversations')
    .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'offline_message'])
    .where('agentId', 'is', null)
    .where('assignedAt', 'is', null)
    .where('firstResponseAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function recentCustomerTexts(db: Db, shopId: string, conversationId: string, limit: number) {
  const rows = await db
    .selectFrom('messages')
    .select(['text', 'seq'])
    .where('shopId', '=', shopId)
    .where('conversationId', '=', conversationId)
    .where('authorKind', '=', 'customer')
    .where('text', '!=', '')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((row) => row.text);
}

export async function countOpenedBetween(db: Db, shopId: string, from: number, to: number): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('shopId', '=', shopId)
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// ── facts for metrics (issue 6, docs/metrics.md §2): read-only, by chat id ──────────────────────────────────

/** Chats of the shop with a message in [from, to), oldest first (ids only; the metrics module pages through them). */
export async function conversationIdsActiveBetween(db: Db, shopId: string, from: number, to: number) {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('shopId', '=', shopId)
    .where('createdAt', '<', to)
    .where('lastMessageAt', '>=', from)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function conversationIdsOfCustomersBetween(
  db: Db,
  shopId: string,
  customerIds: readonly string[],
  from: number,
  to: number,
) {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('shopId', '=', shopId)
    .where('customerId', 'in', [...customerIds])
    .where('createdAt', '<', to)
    .where('lastMessageAt', '>=', from)
    .execute();
  return rows.map((row) => row.id);
}

const factMessageColumns = [
  'conversationId',
  'authorKind',
  'authorId',
  'kind',
  'internal',
  'createdAt',
  'seq',
] as const;

/** Conversations read after a sequence number in one statement (SQLite nests the terms of an `or`). */
const AFTER_SEQ_CHUNK = 50;

/** The messages of some conversations, all of them or (afterSeq) only those after a sequence number; by seq. */
export async function factMessageRows(
  db: Db,
  shopId: string,
  ids: readonly string[],
  afterSeq: (conversationId: string) => number,
) {
  const whole = ids.filter((id) => afterSeq(id) === 0);
  const partial = ids.filter((id) => afterSeq(id) > 0);
  const reads = [
    whole.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('messages')
          .select(factMessageColumns)
          .where('shopId', '=', shopId)
          .where('conversationId', 'in', whole)
          .orderBy('conversationId')
          .orderBy('seq')
          .execute(),
  ];
  for (let start = 0; start < partial.length; start += AFTER_SEQ_CHUNK) {
    const chunk = partial.slice(start, start + AFTER_SEQ_CHUNK);
    reads.push(
      db
        .selectFrom('messages')
        .select(factMessageColumns)
        .where('shopId', '=', shopId)
        .where((eb) =>
          eb.or(chunk.map((id) => eb.and([eb('conversationId', '=', id), eb('seq', '>', afterSeq(id))]))),
        )
        .orderBy('conversationId')
        .orderBy('seq')
        .execute(),
    );
  }
  return (await Promise.all(reads)).flat();
}

export async function conversationFactRows(
  db: Db,
  shopId: string,
  ids: readonly string[],
  afterSeq: (conversationId: string) => number = () => 0,
) {
  if (ids.length === 0) return { conversations: [], messages: [], transfers: [], ratings: [] };
  const [conversations, messages, transfers, ratings] = await Promise.all([
    db
      .selectFrom('conversations')
      .select(['id', 'customerId', 'agentId'])
      .where('shopId', '=', shopId)
      .where('id', 'in', ids)
      .execute(),
    factMessageRows(db, shopId, ids, afterSeq),
    db
      .selectFrom('conversationTransfers')
      .select(['conversationId', 'fromAgentId', 'toAgentId', 'at'])
      .where('shopId', '=', shopId)
      .where('conversationId', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('chatRatings')
      .select(['conversationId', 'agentId', 'score', 'createdAt'])
      .where('shopId', '=', shopId)
      .where('conversationId', 'in', ids)
      .execute(),
  ]);
  return { conversations, messages, transfers, ratings };
}
