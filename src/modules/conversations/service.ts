// Conversations and their messages (SPEC §2–3): a message is stored with the next per-conversation sequence
// number before anyone is told of it; a client message id makes a resend return the stored message, never a copy.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { SqliteWriter, Taken } from '../../db/sqlite-writer.js';
import type {
  ConversationTable,
  ConversationTransferTable,
  CustomerTable,
  Database,
  MessageAuthorKind,
  MessageTable,
} from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type DomainEvent, type Emit, type EventBus } from '../../server/events.js';
import type { ConversationStatus, EntrySource, RoutingGroup } from '../../shared/chat.js';
import type {
  Attachment,
  ChatMessage,
  ChatRating,
  Conversation,
  CustomerPanel,
  RateRequest,
} from '../../shared/schemas/chat.js';
import type { AutoReplyKind } from '../../shared/schemas/replies.js';
import { renderTemplate, type TemplateValues } from '../../shared/templates.js';
import { attachmentsById, ownAttachment } from '../attachments/service.js';
import {
  chatCustomerOf,
  chatCustomerRead,
  customerProfile,
  customersById,
  recordOfflineContact,
  type ChatCustomer,
} from '../customers/service.js';
import { autoReplyTexts } from '../replies/service.js';
import { compareQueuedChats, groupForSource, routingTiers } from '../routing/rules.js';
import { offHoursReplyDue } from '../routing/service-hours.js';
import { getChatSettings, type ChatSettings } from '../shops/service.js';
import { staffNames } from '../team/service.js';
import { MessageMemory } from './message-memory.js';
import { chatNote } from './notes.js';
import { messagePreview, presentConversation, presentMessage } from './presenter.js';
import * as repo from './repo.js';
import { estimateWaitSeconds, waitWindowMs } from './wait.js';

type Db = Kysely<Database>;

export interface ChatDeps {
  db: Db;
  bus: EventBus;
  /** SQLite in a file: the thread that writes chat messages (src/db/sqlite-writer.ts) */
  writer?: SqliteWriter | undefined;
}

/** Staff who may write in any conversation of their shop, not only their own. */
const overseers = new Set(['admin', 'supervisor']);

/** Whether a new chat would find the queue at its limit (the widget then offers the offline-message form). */
export async function isQueueFull(db: Db, shopId: string, maxQueueLength: number): Promise<boolean> {
  return (await repo.countQueued(db, shopId)) >= maxQueueLength;
}

async function present(db: Db, row: ConversationTable): Promise<Conversation> {
  const customers = await customersById(db, row.shopId, [row.customerId]);
  return presentConversation(row, customers.get(row.customerId));
}

/** Retries a command once when a concurrent identical send won the unique key: the retry finds its message. */
async function onceMoreOnDuplicate<T>(work: (resend: boolean) => Promise<T>): Promise<T> {
  try {
    return await work(false);
  } catch (error) {
    if (isUniqueViolation(error)) return work(true);
    throw error;
  }
}

interface AppendInput {
  conversation: ConversationTable;
  authorKind: MessageAuthorKind;
  authorId: string | null;
  clientMessageId: string | null;
  kind: MessageTable['kind'];
  text: string;
  attachment: Attachment | null;
  internal: boolean;
  now: number;
  /**
   * Look for the client id before inserting. The unique key is what makes a resend idempotent: a first attempt
   * inserts straight away, and only when the key refuses it does the retry look the stored message up.
   */
  resend?: boolean;
}

interface Appended {
  row: MessageTable;
  message: ChatMessage;
  created: boolean;
  /** the conversation row after the message (last seq, preview) */
  conversation: ConversationTable;
}

async function appendMessage(trx: Db, input: AppendInput): Promise<Appended> {
  if (input.resend && input.clientMessageId && input.authorId) {
    const existing = await repo.findMessageByClientId(
      trx,
      input.conversation.id,
      input.authorId,
      input.clientMessageId,
    );
    if (existing) {
      const attachment = existing.attachmentId
        ? ((await attachmentsById(trx, existing.shopId, [existing.attachmentId])).get(
            existing.attachmentId,
          ) ?? null)
        : null;
      return {
        row: existing,
        message: presentMessage(existing, attachment),
        created: false,
        conversation: input.conversation,
      };
    }
  }
  const visible = input.internal ? null : { at: input.now, preview: messagePreview(input.kind, input.text) };
  const conversation = await repo.nextSeq(trx, input.conversation.id, visible);
  return insertAppended(trx, input, conversation);
}

/**
 * A customer-visible message into a conversation this process last saw open: the statement that takes the sequence
 * number also checks it still is, so null means it has closed since (and nothing was written).
 */
async function appendToOpenConversation(
  trx: Db,
  input: Omit<MessageContent, 'internal'> & { conversationId: string },
): Promise<Appended | null> {
  const conversation = await repo.nextSeqIfOpen(trx, input.conversationId, {
    at: input.now,
    preview: messagePreview(input.kind, input.text),
  });
  if (!conversation) return null;
  return insertAppended(trx, { ...input, internal: false }, conversation);
}

type MessageContent = Omit<AppendInput, 'conversation' | 'resend'>;

/** A new message's row, at a sequence number of a conversation. */
function messageRow(
  at: { shopId: string; conversationId: string; seq: number },
  input: MessageContent,
): MessageTable {
  return {
    id: newId(input.now),
    ...at,
    authorKind: input.authorKind,
    authorId: input.authorId,
    clientMessageId: input.clientMessageId,
    kind: input.kind,
    text: input.text,
    attachmentId: input.attachment?.id ?? null,
    internal: input.internal ? 1 : 0,
    createdAt: input.now,
  };
}

async function insertAppended(
  trx: Db,
  input: MessageContent,
  conversation: ConversationTable,
): Promise<Appended> {
  const row = messageRow(
    { shopId: conversation.shopId, conversationId: conversation.id, seq: conversation.lastSeq },
    input,
  );
  await repo.insertMessage(trx, row);
  return { row, message: presentMessage(row, input.attachment), created: true, conversation };
}

/** Template values every auto-reply can use. */
function shopValues(settings: ChatSettings): TemplateValues {
  return {
    shopName: settings.name,
    opensAt: settings.serviceHours.opensAt,
    closesAt: settings.serviceHours.closesAt,
    replyBy: settings.serviceHours.offHoursReplyBy,
  };
}

type ReplyTexts = ReadonlyArray<{ text: string }>;

/** The shop's active auto-replies of these kinds at `now` (read once per routing round, not once per chat). */
export function activeAutoReplies(
  db: Db,
  shopId: string,
  settings: ChatSettings,
  kinds: readonly AutoReplyKind[],
  now: number,
): Promise<ReplyTexts> {
  return autoReplyTexts(db, shopId, settings.locale, kinds, now);
}

/** Sends these auto-replies into the conversation, rendered, as system messages. */
async function sendAutoReplies(
  trx: Db,
  conversation: ConversationTable,
  settings: ChatSettings,
  texts: ReplyTexts,
  values: TemplateValues,
  now: number,
): Promise<{ sent: ChatMessage[]; conversation: ConversationTable }> {
  const sent: ChatMessage[] = [];
  let current = conversation;
  for (const { text } of texts) {
    const rendered = renderTemplate(text, { ...shopValues(settings), ...values }).trim();
    if (!rendered) continue;
    const appended = await appendMessage(trx, {
      conversation: current,
      authorKind: 'system',
      authorId: null,
      clientMessageId: null,
      kind: 'auto_reply',
      text: rendered,
      attachment: null,
      internal: false,
      now,
    });
    sent.push(appended.message);
    current = appended.conversation;
  }
  return { sent, conversation: current };
}

/** A note for staff in the conversation (transfers, reassignments), in the shop's language. */
async function appendStaffNote(trx: Db, conversation: ConversationTable, text: string, now: number) {
  const { message } = await appendMessage(trx, {
    conversation,
    authorKind: 'system',
    authorId: null,
    clientMessageId: null,
    kind: 'event',
    text,
    attachment: null,
    internal: true,
    now,
  });
  return message;
}

export interface CustomerSendInput {
  clientMessageId: string;
  text: string;
  attachmentId?: string | undefined;
  source: EntrySource;
  productId?: string | undefined;
  orderId?: string | undefined;
  contact?: { name?: string | undefined; phone?: string | undefined } | undefined;
  /** The connection it came from, which learns of it through its acknowledgement instead of a push. */
  senderConnection?: string | undefined;
}

/**
 * A customer's message: continues their open conversation or opens a new one (queued for routing, or an
 * off-hours message 留言 due by the next 09:30), then stores the message. Acknowledge only after this resolves.
 */
export function sendCustomerMessage(
  deps: ChatDeps,
  customer: ChatCustomer,
  input: CustomerSendInput,
  openChats?: OpenChats,
): Promise<CustomerSent> {
  return onceMoreOnDuplicate((resend) =>
    runCommand(deps.db, deps.bus, (trx, emit) =>
      storeCustomerMessage(trx, emit, customer, input, { resend, openChats }),
    ),
  );
}

/**
 * Customer id → the id of their open conversation, as this process last saw it. It spares every message the lookup
 * of the open conversation; the write that takes the next sequence number checks the conversation is still open
 * (a customer has at most one), and a closed one sends the message down the full path, which may open a new chat.
 */
export class OpenChats {
  private readonly ids = new Map<string, string>();
  constructor(private readonly limit = 100_000) {}
  get(customerId: string): string | undefined {
    return this.ids.get(customerId);
  }
  remember(customerId: string, conversationId: string): void {
    if (this.ids.size >= this.limit && !this.ids.has(customerId)) this.ids.clear();
    this.ids.set(customerId, conversationId);
  }
  forget(customerId: string): void {
    this.ids.delete(customerId);
  }
}

/** A stored customer message; the conversation's view is left out where only its last message changed. */
type CustomerSent = { message: ChatMessage; conversation?: Conversation };

/**
 * A first stage of a group commit (the SQLite writer thread). It calls `take()` when it can start storing, and gets
 * the batch: everything that arrived until then. It stores what it can and returns each item's result; null leaves
 * an item to the transaction stage that follows. Before it lets the next batch start (before it releases whatever
 * keeps the stages in order), it passes the positions of the items it leaves to `leave` (in one call or several),
 * and it leaves every item for which `held` says an earlier item with its key is still waiting for the transaction
 * stage.
 */
type FirstStage<Item, Result> = (
  take: () => Item[],
  held: (item: Item) => boolean,
  leave: (positions: number[]) => void,
) => Promise<Array<Result | null>>;

/**
 * Group commit: the messages that arrive in one turn of the event loop, or while the previous batch was being
 * stored, are stored in one transaction (one commit instead of one per message; the database takes one writer at a
 * time anyway, so a busy shop gets fewer, bigger commits). Each is still acknowledged only after that commit. A
 * message the batch leaves out (null: it must be stored on its own), or every message of a batch that fails as a
 * whole, is stored alone, in arrival order, so one bad message never costs the others theirs.
 *
 * With a first stage, two batches may be under way: one being stored there while the results of the one before are
 * handed out; messages with the same key (the customer) keep their order: once one waits for the transaction stage,
 * the later ones do too, and the transaction stages run one after another. Without one, up to four batches run side
 * by side (the PostgreSQL pool), each without the keys the others hold.
 */
function groupCommit<Item, Result>(
  deps: ChatDeps,
  store: {
    keyOf: (item: Item) => string;
    first?: FirstStage<Item, Result> | undefined;
    inBatch: (trx: Db, emit: Emit, item: Item) => Promise<Result | null>;
    alone: (item: Item) => Promise<Result>;
  },
  maxBatch: number,
): (item: Item) => Promise<Result> {
  type Pending = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  let pending: Pending[] = [];
  let scheduled = false;
  let running = 0;
  /** Batches under way: two with the SQLite writer (one stored there while the last is handed out), else four. */
  const concurrency = store.first ? 2 : 8;
  /** Keys with messages waiting for (or in) a transaction stage, and how many */
  const held = new Map<string, number>();
  let transactionStages: Promise<void> = Promise.resolve();

  const take = () => {
    const taken = pending.slice(0, maxBatch);
    pending = pending.slice(taken.length);
    return taken;
  };
  const hold = (entries: Pending[], by: 1 | -1) => {
    for (const entry of entries) {
      const key = store.keyOf(entry.item);
      const count = (held.get(key) ?? 0) + by;
      if (count > 0) held.set(key, count);
      else held.delete(key);
    }
  };
  const oneByOne = async (entries: Pending[]) => {
    for (const entry of entries) await store.alone(entry.item).then(entry.resolve, entry.reject);
  };
  const transactionStage = async (batch: Pending[]) => {
    if (batch.length <= 1) return oneByOne(batch);
    let results: Array<Result | null>;
    try {
      results = await runCommand(deps.db, deps.bus, async (trx, emit) => {
        const stored: Array<Result | null> = [];
        for (const entry of batch) stored.push(await store.inBatch(trx, emit, entry.item));
        return stored;
      });
    } catch {
      return oneByOne(batch);
    }
    batch.forEach((entry, index) => {
      const stored = results[index];
      if (stored) entry.resolve(stored);
    });
    await oneByOne(batch.filter((_, index) => !results[index]));
  };
  const flush = async () => {
    let left: Pending[];
    const { first } = store;
    if (first) {
      let taken: Pending[] = [];
      const leftPositions = new Set<number>();
      const results = await first(
        () => {
          taken = take();
          return taken.map((entry) => entry.item);
        },
        (item) => held.has(store.keyOf(item)),
        (positions) => {
          const fresh = positions.filter((position) => !leftPositions.has(position));
          for (const position of fresh) leftPositions.add(position);
          hold(
            fresh.map((position) => taken[position]!),
            1,
          );
        },
      ).catch(() => null);
      if (results === null) {
        // The stage failed: all of its batch goes the transaction way (a message it did store is found there).
        hold(
          taken.filter((_, index) => !leftPositions.has(index)),
          1,
        );
      }
      left = results === null ? taken : taken.filter((_, index) => !results[index]);
      taken.forEach((entry, index) => {
        const stored = results?.[index];
        if (stored) entry.resolve(stored);
      });
    } else {
      // Without a first stage (PostgreSQL) batches run side by side on the pool; a message whose key a batch under
      // way holds waits for the next, with every later one of that key, in order.
      const taken = take();
      const waiting = new Set<string>();
      left = [];
      const later: Pending[] = [];
      for (const entry of taken) {
        const key = store.keyOf(entry.item);
        if (waiting.has(key) || held.has(key)) {
          waiting.add(key);
          later.push(entry);
        } else left.push(entry);
      }
      pending = [...later, ...pending];
      // Nothing free to store: the batch under way that holds these keys picks them up when it ends.
      if (left.length === 0) return false;
      hold(left, 1);
      await transactionStage(left).finally(() => hold(left, -1));
      return true;
    }
    if (left.length === 0) return true;
    const stage = transactionStages.then(() => transactionStage(left)).finally(() => hold(left, -1));
    transactionStages = stage;
    await stage;
    return true;
  };
  const schedule = () => {
    if (scheduled || running >= concurrency || pending.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      running += 1;
      void flush().then(
        (progressed) => {
          running -= 1;
          if (progressed) schedule();
        },
        () => {
          running -= 1;
          schedule();
        },
      );
      schedule();
    });
  };
  return (item) =>
    new Promise<Result>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}

type CustomerBatchItem = { by: 'customer'; customer: ChatCustomer; input: CustomerSendInput };
type AgentBatchItem = { by: 'agent'; actor: Actor; input: AgentSendInput };
type ChatBatchItem = CustomerBatchItem | AgentBatchItem;
type ChatBatchResult = CustomerSent | ChatMessage;

/** Messages with the same key keep their order: a customer's, and an agent's in one conversation. */
const chatKeyOf = (item: ChatBatchItem) =>
  item.by === 'customer' ? `c:${item.customer.id}` : `a:${item.input.conversationId}`;

/**
 * Customers' and agents' messages, group-committed together (one batch, one commit). A customer's message that
 * would open a conversation is stored on its own: a new chat's arrival time must follow commit order. Two messages
 * of one customer never open two conversations, since those left out are stored one after another.
 */
export function chatSendBatcher(deps: ChatDeps, maxBatch = 200) {
  const openChats = new OpenChats();
  const { writer } = deps;
  const send = groupCommit<ChatBatchItem, ChatBatchResult>(
    deps,
    {
      keyOf: chatKeyOf,
      first: writer && chatInWriter(deps, writer, openChats),
      inBatch: (trx, emit, item) =>
        item.by === 'customer'
          ? storeCustomerMessage(trx, emit, item.customer, item.input, {
              resend: false,
              openChats,
              onlyIntoOpenConversation: true,
            })
          : storeAgentMessage(trx, emit, item.actor, item.input, false),
      alone: (item) =>
        item.by === 'customer'
          ? sendCustomerMessage(deps, item.customer, item.input, openChats)
          : sendAgentMessage(deps, item.actor, item.input),
    },
    maxBatch,
  );
  // Without the writer (PostgreSQL) an agent's reply is a transaction of its own (in a batch it would hold its
  // conversation's row while the other node's batch waits for it); one conversation's replies still go in order.
  const replyAlone = groupCommit<AgentBatchItem, ChatMessage>(
    deps,
    {
      keyOf: chatKeyOf,
      // batches of one: each goes `alone`
      inBatch: () => Promise.resolve(null),
      alone: (item) => sendAgentMessage(deps, item.actor, item.input),
    },
    1,
  );
  return {
    customer: (customer: ChatCustomer, input: CustomerSendInput) =>
      send({ by: 'customer', customer, input }) as Promise<CustomerSent>,
    agent: (actor: Actor, input: AgentSendInput) =>
      writer
        ? (send({ by: 'agent', actor, input }) as Promise<ChatMessage>)
        : replyAlone({ by: 'agent', actor, input }),
  };
}

/** What the SQLite writer thread appends for one message (see appendInWriter). */
interface WriterPlan {
  row: MessageTable;
  /** only by this agent, after the conversation's first answer */
  holder?: string;
  /** also read the conversation's customer, for the view (staff messages; a customer is known already) */
  readCustomer?: boolean;
}

/**
 * The SQLite writer thread's part of a batch of messages (a first stage of groupCommit): visible texts appended in
 * one transaction there, in a shared turn at writing (src/db/write-gate.ts: the main connection's writes wait for
 * it without blocking, its reads go on; batches reach the writer in the order they took their turn). `plan` says what an item appends, or null to leave it to the usual path (an
 * image, an internal note, a contact, a conversation not known to be open). A conversation that turns out closed,
 * or not the agent's, is left too, and so is every later message with the same key, so each customer's (or
 * conversation's) messages keep their order. If the writer fails, nothing of the batch is written there and all of
 * it goes the usual way.
 */
async function appendInWriter<Item, Result>(
  deps: ChatDeps,
  writer: SqliteWriter,
  [take, held, leave]: Parameters<FirstStage<Item, Result>>,
  how: {
    keyOf: (item: Item) => string;
    plan: (item: Item) => WriterPlan | null;
    stored: (
      item: Item,
      message: ChatMessage,
      conversation: ConversationTable,
      customer: ChatCustomer | undefined,
    ) => { result: Result; event: DomainEvent };
    left?: (item: Item) => void;
  },
): Promise<Array<Result | null>> {
  // A shared turn at writing, taken before the batch is: batches reach the writer in the order they take theirs.
  const release = await writer.gate.shared();
  const { items, planned, taken } = await (async () => {
    const items = take();
    const later = new Set<string>();
    const left: number[] = [];
    const planned: Array<{ index: number; plan: WriterPlan }> = [];
    for (const [index, item] of items.entries()) {
      const plan = later.has(how.keyOf(item)) || held(item) ? null : how.plan(item);
      if (!plan) {
        later.add(how.keyOf(item));
        left.push(index);
      } else planned.push({ index, plan });
    }
    // Before the next batch can plan: it must leave these customers' later messages too.
    leave(left);
    let taken: Array<Taken | null> = [];
    try {
      if (planned.length > 0) {
        taken = await writer.takeThenInsert(
          planned.map(({ plan }) => {
            const { row } = plan;
            const statements = repo.appendIfOpenStatements(
              deps.db,
              row,
              messagePreview(row.kind, row.text),
              plan.holder,
            );
            return plan.readCustomer
              ? { ...statements, read: chatCustomerRead(deps.db, row.shopId, 'customer_id').statement }
              : statements;
          }),
        );
      }
    } catch (error) {
      leave(planned.map(({ index }) => index));
      throw error;
    }
    // A conversation closed since (or not the agent's): its item waits for the transaction stage too, marked before
    // the turn is given up. A batch already under way meanwhile finds the conversation the same (no write of the
    // main connection comes between) and leaves its item as well.
    leave(planned.filter((_, position) => !taken[position]).map(({ index }) => index));
    return { items, planned, taken };
  })().finally(release);
  const results: Array<Result | null> = items.map(() => null);
  const events: DomainEvent[] = [];
  const memory = messageMemoryOf(deps.db);
  for (const [position, { index, plan }] of planned.entries()) {
    const item = items[index]!;
    const row = taken[position];
    if (!row) {
      how.left?.(item);
      continue;
    }
    // named as the main connection's queries name their rows (the writer was started with its column naming)
    const conversation = row.taken as unknown as ConversationTable;
    // committed: the metrics' memory of the chat need not read it back
    memory.append(conversation.id, conversation.lastSeq, factMessageOf(plan.row));
    const message = presentMessage({ ...plan.row, seq: conversation.lastSeq }, null);
    const customer = row.read ? chatCustomerOf(row.read as unknown as CustomerTable) : undefined;
    const done = how.stored(item, message, conversation, customer);
    events.push(done.event);
    results[index] = done.result;
  }
  deps.bus.publish(events);
  return results;
}

/**
 * The SQLite writer's part of chat messages: a customer's plain text into the conversation they were last seen
 * open in; an agent's plain reply, as its holder, to a conversation answered before.
 */
function chatInWriter(deps: ChatDeps, writer: SqliteWriter, openChats: OpenChats) {
  const plainText = (
    by: 'customer' | 'agent',
    shopId: string,
    authorId: string,
    conversationId: string,
    input: { clientMessageId: string; text: string },
  ): MessageTable =>
    messageRow(
      { shopId, conversationId, seq: 0 }, // the seq is taken in the writer
      {
        authorKind: by,
        authorId,
        clientMessageId: input.clientMessageId,
        kind: 'text',
        text: input.text,
        attachment: null,
        internal: false,
        now: Date.now(),
      },
    );
  return (...stage: Parameters<FirstStage<ChatBatchItem, ChatBatchResult>>) =>
    appendInWriter<ChatBatchItem, ChatBatchResult>(deps, writer, stage, {
      keyOf: chatKeyOf,
      plan: (item) => {
        if (item.by === 'customer') {
          const { customer, input } = item;
          const conversationId = openChats.get(customer.id);
          if (!conversationId || input.attachmentId || input.contact) return null;
          return { row: plainText('customer', customer.shopId, customer.id, conversationId, input) };
        }
        const { actor, input } = item;
        if (input.internal || input.attachmentId) return null;
        return {
          holder: actor.userId,
          readCustomer: true,
          row: plainText('agent', actor.shopId, actor.userId, input.conversationId, input),
        };
      },
      stored: (item, message, conversation, customer) => {
        if (item.by === 'agent') {
          const view = presentConversation(conversation, customer);
          return {
            result: message,
            event: { type: 'message.created', shopId: item.actor.shopId, conversation: view, message },
          };
        }
        const view = presentConversation(conversation, item.customer);
        return {
          // as appendToOpenConversation's: acknowledged without the conversation's view
          result: { message },
          event: {
            type: 'message.created',
            shopId: item.customer.shopId,
            conversation: view,
            message,
            senderConnection: item.input.senderConnection,
          },
        };
      },
      // a customer's conversation that has closed since it was last seen
      left: (item) => {
        if (item.by === 'customer') openChats.forget(item.customer.id);
      },
    });
}

interface StoreOptions {
  resend: boolean;
  openChats?: OpenChats | undefined;
  onlyIntoOpenConversation?: boolean;
}

async function storeCustomerMessage(
  trx: Db,
  emit: Emit,
  customer: ChatCustomer,
  input: CustomerSendInput,
  options: StoreOptions & { onlyIntoOpenConversation: true },
): Promise<CustomerSent | null>;
async function storeCustomerMessage(
  trx: Db,
  emit: Emit,
  customer: ChatCustomer,
  input: CustomerSendInput,
  options: StoreOptions,
): Promise<CustomerSent>;
/**
 * Stores a customer's message. With onlyIntoOpenConversation, a message that would open a conversation is left
 * alone (null): a new chat's arrival time must follow commit order, so it is never held in a batch.
 */
async function storeCustomerMessage(
  trx: Db,
  emit: Emit,
  customer: ChatCustomer,
  input: CustomerSendInput,
  { resend, openChats, onlyIntoOpenConversation = false }: StoreOptions,
): Promise<CustomerSent | null> {
  const now = Date.now();
  const attachment = input.attachmentId
    ? await ownAttachment(
        trx,
        { shopId: customer.shopId, kind: 'customer', id: customer.id },
        input.attachmentId,
      )
    : null;
  if (input.contact && (input.contact.name || input.contact.phone)) {
    await recordOfflineContact(trx, customer, input.contact);
  }
  const content = {
    authorKind: 'customer' as const,
    authorId: customer.id,
    clientMessageId: input.clientMessageId,
    kind: attachment ? ('image' as const) : ('text' as const),
    text: input.text,
    attachment,
    now,
  };
  const knownOpen = resend ? undefined : openChats?.get(customer.id);
  if (knownOpen) {
    const appended = await appendToOpenConversation(trx, { ...content, conversationId: knownOpen });
    if (appended) {
      const view = presentConversation(appended.conversation, customer);
      emit({
        type: 'message.created',
        shopId: customer.shopId,
        conversation: view,
        message: appended.message,
        senderConnection: input.senderConnection,
      });
      // into the chat the customer holds, changed only by its last message: acknowledged without its view
      return { message: appended.message };
    }
    openChats?.forget(customer.id);
  }
  let conversation = await repo.findOpenConversation(trx, customer.shopId, customer.id);
  if (!conversation && onlyIntoOpenConversation) return null;
  let opening: { settings: ChatSettings; kinds: AutoReplyKind[] } | null = null;
  if (!conversation) {
    const settings = await getChatSettings(trx, customer.shopId);
    const due = offHoursReplyDue(now, settings.serviceHours);
    // SPEC §3: nobody can take it ⇒ queue; a full queue takes messages instead (the widget shows the form).
    const queueFull =
      due === null && (await repo.countQueued(trx, customer.shopId)) >= settings.maxQueueLength;
    const status: ConversationStatus = due === null && !queueFull ? 'queued' : 'offline_message';
    // Promotions follow the greeting when the chat is assigned (assignConversation), not before it.
    opening = { settings, kinds: due !== null ? ['off_hours'] : [] };
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
      lastMessageAt: null,
      lastMessagePreview: null,
      customerReadSeq: 0,
      agentReadSeq: 0,
      transferCount: 0,
      queueNoticeAt: null,
      excludeAgentId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertConversation(trx, conversation);
    emit({
      type: 'conversation.changed',
      shopId: customer.shopId,
      conversation: presentConversation(conversation, customer),
      previousAgentId: null,
    });
  }
  const appended = await appendMessage(trx, { ...content, conversation, internal: false, resend });
  openChats?.remember(customer.id, conversation.id);
  const { message, created } = appended;
  const replies =
    created && opening && opening.kinds.length > 0
      ? await sendAutoReplies(
          trx,
          appended.conversation,
          opening.settings,
          await activeAutoReplies(trx, customer.shopId, opening.settings, opening.kinds, now),
          {
            customerName: customer.displayName,
            orderNumber: conversation.orderId,
          },
          now,
        )
      : { sent: [], conversation: appended.conversation };
  const view = presentConversation(replies.conversation, customer);
  if (created) {
    emit({
      type: 'message.created',
      shopId: customer.shopId,
      conversation: view,
      message,
      senderConnection: input.senderConnection,
    });
    for (const sent of replies.sent) {
      emit({ type: 'message.created', shopId: customer.shopId, conversation: view, message: sent });
    }
  }
  return { message, conversation: view };
}

export interface AgentSendInput {
  conversationId: string;
  clientMessageId: string;
  text: string;
  attachmentId?: string | undefined;
  internal: boolean;
}

/** An agent's reply or internal note; the first customer-visible reply sets the first-response time. */
export function sendAgentMessage(deps: ChatDeps, actor: Actor, input: AgentSendInput): Promise<ChatMessage> {
  return onceMoreOnDuplicate((resend) =>
    runCommand(deps.db, deps.bus, (trx, emit) => storeAgentMessage(trx, emit, actor, input, resend)),
  );
}

async function storeAgentMessage(
  trx: Db,
  emit: Emit,
  actor: Actor,
  input: AgentSendInput,
  resend: boolean,
): Promise<ChatMessage> {
  const now = Date.now();
  const conversation = await existingConversation(trx, actor.shopId, input.conversationId);
  if (conversation.status === 'closed') throw new AppError('conversation_closed');
  if (conversation.agentId !== actor.userId && !overseers.has(actor.role)) {
    throw new AppError('not_your_conversation');
  }
  const attachment = input.attachmentId
    ? await ownAttachment(trx, { shopId: actor.shopId, kind: 'staff', id: actor.userId }, input.attachmentId)
    : null;
  const {
    message,
    created,
    conversation: afterMessage,
  } = await appendMessage(trx, {
    conversation,
    authorKind: 'agent',
    authorId: actor.userId,
    clientMessageId: input.clientMessageId,
    kind: attachment ? 'image' : 'text',
    text: input.text,
    attachment,
    internal: input.internal,
    now,
    resend,
  });
  if (!created) return message;
  const firstResponse = !input.internal && conversation.firstResponseAt === null;
  const current = firstResponse
    ? await repo.updateConversation(trx, actor.shopId, conversation.id, {
        firstResponseAt: now,
        updatedAt: now,
      })
    : afterMessage;
  const view = await present(trx, current);
  if (firstResponse) {
    emit({
      type: 'conversation.changed',
      shopId: actor.shopId,
      conversation: view,
      previousAgentId: current.agentId,
    });
  }
  emit({ type: 'message.created', shopId: actor.shopId, conversation: view, message });
  return message;
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
  const attachmentIds = rows.flatMap((row) => (row.attachmentId ? [row.attachmentId] : []));
  const attachments = await attachmentsById(db, shopId, attachmentIds);
  return rows.map((row) =>
    presentMessage(row, row.attachmentId ? (attachments.get(row.attachmentId) ?? null) : null),
  );
}

export async function openConversationOf(db: Db, customer: ChatCustomer): Promise<Conversation | null> {
  const row = await repo.findOpenConversation(db, customer.shopId, customer.id);
  return row ? present(db, row) : null;
}

export async function getConversation(db: Db, actor: Actor, id: string): Promise<Conversation> {
  const row = await existingConversation(db, actor.shopId, id);
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
    const conversation = await existingConversation(trx, actor.shopId, id);
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

/**
 * How far back "longest idle" looks: agents last given a chat before this count as idle equally long (0), so the
 * routing read covers a day of assignments, not the shop's whole history.
 */
const LAST_ASSIGNMENT_WINDOW_MS = 24 * 3600 * 1000;

export async function agentLoads(db: Db, shopId: string, now = Date.now()): Promise<Map<string, AgentLoad>> {
  const [open, recent] = await Promise.all([
    repo.openChatsByAgent(db, shopId),
    repo.lastAssignmentsSince(db, shopId, now - LAST_ASSIGNMENT_WINDOW_MS),
  ]);
  const loads = new Map<string, AgentLoad>();
  const loadOf = (agentId: string) => {
    let load = loads.get(agentId);
    if (!load) {
      load = { openChats: 0, lastAssignedAt: 0 };
      loads.set(agentId, load);
    }
    return load;
  };
  for (const row of open) if (row.agentId) loadOf(row.agentId).openChats = Number(row.open);
  for (const row of recent) {
    if (row.agentId) loadOf(row.agentId).lastAssignedAt = Number(row.lastAssignedAt ?? 0);
  }
  return loads;
}

export interface QueuedConversation {
  id: string;
  customerId: string;
  source: EntrySource;
  offHours: boolean;
  queuedAt: number;
  targetGroup: RoutingGroup;
  /** handed to a group by a transfer: route to targetGroup, never back to excludeAgentId */
  transferredToGroup: boolean;
  excludeAgentId: string | null;
}

export async function queuedConversations(db: Db, shopId: string): Promise<QueuedConversation[]> {
  const rows = await repo.listConversations(db, shopId, { statuses: ['queued'], limit: 10_000 });
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    source: row.source,
    offHours: row.offHours === 1,
    queuedAt: row.queuedAt ?? row.createdAt,
    targetGroup: row.targetGroup,
    transferredToGroup: row.transferCount > 0,
    excludeAgentId: row.excludeAgentId,
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

/**
 * Records routing's decision on a queued conversation and greets the customer in the agent's name (an auto-reply,
 * which is not the agent's first response).
 */
export async function assignConversation(
  trx: Db,
  emit: Emit,
  shopId: string,
  id: string,
  assignment: {
    agentId: string;
    agentName: string;
    tier: string;
    now: number;
    settings: ChatSettings;
    /** the welcome to send: the greeting, then active promotions (activeAutoReplies(..., ['greeting', 'promotion'])) */
    welcome: ReplyTexts;
  },
): Promise<Conversation> {
  const before = await existingConversation(trx, shopId, id);
  const row = await repo.updateConversation(trx, shopId, id, {
    status: 'assigned',
    agentId: assignment.agentId,
    routingTier: assignment.tier,
    assignedAt: assignment.now,
    excludeAgentId: null,
    updatedAt: assignment.now,
  });
  const customer = (await customersById(trx, shopId, [row.customerId])).get(row.customerId);
  // A chat handed back to the queue by a transfer was greeted the first time.
  const greetings =
    before.transferCount === 0
      ? await sendAutoReplies(
          trx,
          row,
          assignment.settings,
          assignment.welcome,
          {
            agentName: assignment.agentName,
            customerName: customer?.displayName,
            orderNumber: row.orderId,
          },
          assignment.now,
        )
      : { sent: [], conversation: row };
  const view = presentConversation(greetings.conversation, customer);
  emit({ type: 'conversation.changed', shopId, conversation: view, previousAgentId: before.agentId });
  for (const message of greetings.sent)
    emit({ type: 'message.created', shopId, conversation: view, message });
  return view;
}

/** Tells each chat still waiting, once per stay in the queue, where it stands (the queue auto-reply). */
export async function sendQueueNotices(
  trx: Db,
  emit: Emit,
  shopId: string,
  settings: ChatSettings,
  waiting: ReadonlyArray<{ conversationId: string; position: number }>,
  now: number,
): Promise<void> {
  if (waiting.length === 0) return;
  const rows = await repo.findConversations(
    trx,
    shopId,
    waiting.map((entry) => entry.conversationId),
  );
  const unnoticed = new Map(rows.filter((row) => row.queueNoticeAt === null).map((row) => [row.id, row]));
  if (unnoticed.size === 0) return;
  const notice = await activeAutoReplies(trx, shopId, settings, ['queue'], now);
  const customers = await customersById(
    trx,
    shopId,
    [...unnoticed.values()].map((row) => row.customerId),
  );
  for (const entry of waiting) {
    const row = unnoticed.get(entry.conversationId);
    if (!row) continue;
    const { sent } = await sendAutoReplies(trx, row, settings, notice, { position: entry.position }, now);
    const updated = await repo.updateConversation(trx, shopId, row.id, {
      queueNoticeAt: now,
      updatedAt: now,
    });
    const view = presentConversation(updated, customers.get(updated.customerId));
    for (const message of sent) emit({ type: 'message.created', shopId, conversation: view, message });
  }
}

/**
 * Offline messages join the queue once it can take them: off-hours ones head the morning queue when service
 * opens (SPEC §3); ones left while the queue was full, in arrival order, as long as there is room.
 */
export async function releaseOfflineMessages(
  trx: Db,
  emit: Emit,
  shopId: string,
  settings: ChatSettings,
): Promise<number> {
  const waiting = await repo.listConversations(trx, shopId, { statuses: ['offline_message'], limit: 10_000 });
  if (waiting.length === 0) return 0;
  const room = Math.max(0, settings.maxQueueLength - (await repo.countQueued(trx, shopId)));
  const offHours = waiting.filter((row) => row.offHours === 1);
  const rows = [...offHours, ...waiting.filter((row) => row.offHours === 0).slice(0, room)];
  const customers = await customersById(
    trx,
    shopId,
    rows.map((row) => row.customerId),
  );
  const now = Date.now();
  for (const row of rows) {
    // They were answered by the out-of-hours reply (or the form), so no queue notice follows.
    const updated = await repo.updateConversation(trx, shopId, row.id, {
      status: 'queued',
      queueNoticeAt: now,
      updatedAt: now,
    });
    emit({
      type: 'conversation.changed',
      shopId,
      conversation: presentConversation(updated, customers.get(updated.customerId)),
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
  estimatedWaitSeconds: number;
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
  if (queue.length === 0) return [];
  const now = Date.now();
  const taken = (await repo.recentAssignments(db, shopId, now - waitWindowMs, routingTiers)).flatMap((row) =>
    row.assignedAt === null ? [] : [row.assignedAt],
  );
  return queue.map((entry, index) => ({
    conversationId: entry.conversationId,
    customerId: entry.customerId,
    position: index + 1,
    estimatedWaitSeconds: estimateWaitSeconds(index + 1, taken, now),
  }));
}

// ── transfers and reassignment (routing decides under its lock; this module records) ──────────────────────

export interface HandOver {
  kind: ConversationTransferTable['kind'];
  byUserId: string;
  note: string;
  now: number;
}

async function recordHandOver(
  trx: Db,
  before: ConversationTable,
  handOver: HandOver,
  to: { agentId: string | null; group: RoutingGroup | null },
): Promise<void> {
  await repo.insertTransfer(trx, {
    id: newId(handOver.now),
    shopId: before.shopId,
    conversationId: before.id,
    kind: handOver.kind,
    fromAgentId: before.agentId,
    toAgentId: to.agentId,
    toGroup: to.group,
    note: handOver.note,
    byUserId: handOver.byUserId,
    at: handOver.now,
  });
}

/** The shop's conversation with this id, or not_found (also what routing reads for a manual decision). */
export async function existingConversation(db: Db, shopId: string, id: string): Promise<ConversationTable> {
  const row = await repo.findConversation(db, shopId, id);
  if (!row) throw notFound();
  return row;
}

export type HandOverTarget = { kind: 'agent'; agentId: string } | { kind: 'group'; group: RoutingGroup };

/**
 * Hands the conversation over, keeping its history: to an agent (a transfer, or a supervisor's assignment), or
 * back to a group's queue, where routing then picks someone else than the agent it left. A note for staff
 * records who did it, from whom to whom, and why.
 */
export async function handOverConversation(
  trx: Db,
  emit: Emit,
  before: ConversationTable,
  to: HandOverTarget,
  handOver: HandOver,
): Promise<Conversation> {
  const { shopId } = before;
  const toAgentId = to.kind === 'agent' ? to.agentId : null;
  await recordHandOver(trx, before, handOver, {
    agentId: toAgentId,
    group: to.kind === 'group' ? to.group : null,
  });
  const names = await staffNames(
    trx,
    shopId,
    [handOver.byUserId, toAgentId, before.agentId].filter((id): id is string => id !== null),
  );
  const { locale } = await getChatSettings(trx, shopId);
  const note = await appendStaffNote(
    trx,
    before,
    chatNote(locale, {
      kind: handOver.kind,
      by: names.get(handOver.byUserId) ?? '',
      from: before.agentId ? (names.get(before.agentId) ?? '') : null,
      ...(to.kind === 'agent' ? { to: names.get(to.agentId) ?? '' } : { toGroup: to.group }),
      note: handOver.note,
    }),
    handOver.now,
  );
  const common = { agentReadSeq: 0, updatedAt: handOver.now };
  const row = await repo.updateConversation(
    trx,
    shopId,
    before.id,
    to.kind === 'agent'
      ? {
          ...common,
          status: 'assigned',
          agentId: to.agentId,
          routingTier: handOver.kind === 'transfer' ? 'transfer' : 'supervisor',
          assignedAt: handOver.now,
          excludeAgentId: null,
          // Placing a queued chat is not a transfer; moving one from an agent is.
          transferCount: before.agentId ? before.transferCount + 1 : before.transferCount,
        }
      : {
          ...common,
          status: 'queued',
          agentId: null,
          routingTier: null,
          targetGroup: to.group,
          excludeAgentId: before.agentId,
          transferCount: before.transferCount + 1,
        },
  );
  const view = await present(trx, row);
  emit({ type: 'conversation.changed', shopId, conversation: view, previousAgentId: before.agentId });
  emit({ type: 'message.created', shopId, conversation: view, message: note });
  return view;
}

// ── read receipts, ratings, the customer panel ────────────────────────────────────────────────────────────

/**
 * Records how far the customer or the assigned agent has read; returns who should hear of it, or null when the
 * reader may not mark this conversation (not theirs) or nothing changed.
 */
export async function markRead(
  db: Db,
  viewer: Viewer,
  conversationId: string,
  seq: number,
): Promise<{ customerId: string; agentId: string | null; shopId: string; seq: number } | null> {
  const shopId = viewer.kind === 'customer' ? viewer.customer.shopId : viewer.actor.shopId;
  const row = await repo.findConversation(db, shopId, conversationId);
  if (!row) return null;
  const upTo = Math.min(seq, row.lastSeq);
  if (viewer.kind === 'customer') {
    if (row.customerId !== viewer.customer.id || upTo <= row.customerReadSeq) return null;
    await repo.raiseReadSeq(db, conversationId, 'customerReadSeq', upTo);
  } else {
    if (row.agentId !== viewer.actor.userId || upTo <= row.agentReadSeq) return null;
    await repo.raiseReadSeq(db, conversationId, 'agentReadSeq', upTo);
  }
  return { customerId: row.customerId, agentId: row.agentId, shopId, seq: upTo };
}

/** Who hears a customer's typing and read events: the assigned agent (and supervisors). */
export async function conversationAudience(
  db: Db,
  shopId: string,
  conversationId: string,
): Promise<{ customerId: string; agentId: string | null } | null> {
  const row = await repo.findConversation(db, shopId, conversationId);
  return row ? { customerId: row.customerId, agentId: row.agentId } : null;
}

/** The customer's rating of a chat that has ended: once per conversation (SPEC §6). */
export function rateConversation(
  deps: ChatDeps,
  customer: ChatCustomer,
  input: RateRequest,
): Promise<ChatRating> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const row = await repo.findConversation(trx, customer.shopId, input.conversationId);
    if (!row || row.customerId !== customer.id) throw notFound();
    if (row.status !== 'closed') throw new AppError('not_ratable');
    const now = Date.now();
    try {
      await repo.insertRating(trx, {
        conversationId: row.id,
        shopId: row.shopId,
        customerId: customer.id,
        agentId: row.agentId,
        score: input.score,
        comment: input.comment ? input.comment : null,
        createdAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('not_ratable');
      throw error;
    }
    const rating: ChatRating = {
      conversationId: row.id,
      score: input.score,
      comment: input.comment ? input.comment : null,
      createdAt: new Date(now).toISOString(),
    };
    emit({ type: 'rating.created', shopId: row.shopId, agentId: row.agentId, rating });
    return rating;
  });
}

/** The customer panel of the workspace: who the customer is and their recent conversations. */
export async function customerPanel(db: Db, actor: Actor, customerId: string): Promise<CustomerPanel> {
  const profile = await customerProfile(db, actor, customerId);
  const rows = await repo.listConversationsOfCustomer(db, actor.shopId, customerId, 20);
  const customers = await customersById(db, actor.shopId, [customerId]);
  return {
    ...profile,
    conversations: rows.map((row) => presentConversation(row, customers.get(customerId))),
  };
}

/** A customer's chats and chat ratings for the profile timeline (several ids: a profile with merged ones). */
export async function chatHistoryOfCustomers(
  db: Db,
  shopId: string,
  customerIds: readonly string[],
): Promise<{ conversations: Conversation[]; ratings: Array<ChatRating & { agentId: string | null }> }> {
  const [rows, ratings, customers] = await Promise.all([
    repo.conversationsOfCustomers(db, shopId, customerIds, 200),
    repo.ratingsOfCustomers(db, shopId, customerIds),
    customersById(db, shopId, [...customerIds]),
  ]);
  return {
    conversations: rows.map((row) => presentConversation(row, customers.get(row.customerId))),
    ratings: ratings.map((row) => ({
      conversationId: row.conversationId,
      score: row.score,
      comment: row.comment,
      agentId: row.agentId,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
  };
}

/** Shops with chats waiting in the queue or as offline messages. */
export async function shopsWithWaitingChats(db: Db): Promise<string[]> {
  return repo.shopsWithStatuses(db, ['queued', 'offline_message']);
}

/**
 * A work-order reply to the customer (SPEC §4: keep the customer informed), in the agent's name: into the chat the
 * work order came from while it is open, else into the customer's open chat; null when the customer has none
 * (then they are told by phone). Who may reply is the work order's rule, not the chat's assignment.
 */
export async function postWorkOrderReply(
  trx: Db,
  emit: Emit,
  input: {
    shopId: string;
    conversationId: string | null;
    customerId: string;
    authorId: string;
    text: string;
    now: number;
  },
): Promise<{ conversationId: string; seq: number } | null> {
  const linked = input.conversationId
    ? await repo.findConversation(trx, input.shopId, input.conversationId)
    : undefined;
  const conversation =
    linked && linked.status !== 'closed' && linked.customerId === input.customerId
      ? linked
      : await repo.findOpenConversation(trx, input.shopId, input.customerId);
  if (!conversation) return null;
  const appended = await appendMessage(trx, {
    conversation,
    authorKind: 'agent',
    authorId: input.authorId,
    clientMessageId: null,
    kind: 'text',
    text: input.text,
    attachment: null,
    internal: false,
    now: input.now,
  });
  const view = await present(trx, appended.conversation);
  emit({ type: 'message.created', shopId: input.shopId, conversation: view, message: appended.message });
  return { conversationId: conversation.id, seq: appended.message.seq };
}

/** What quality inspection and the discipline ledger need to know of one served conversation. */
export interface InspectionConversation {
  id: string;
  agentId: string;
  customerId: string;
  status: ConversationStatus;
  createdAt: number;
  assignedAt: number;
  firstResponseAt: number | null;
  closedAt: number | null;
  transferCount: number;
  customerMessages: number;
  agentMessages: number;
  rating: { score: 'good' | 'neutral' | 'bad'; comment: string | null; at: number } | null;
}

/** Conversations assigned to an agent in [from, to), with message counts and ratings (SPEC §8 sampling, §9). */
export async function listConversationsForInspection(
  db: Db,
  shopId: string,
  range: { from: number; to: number },
): Promise<InspectionConversation[]> {
  const rows = await repo.assignedBetween(db, shopId, range.from, range.to);
  const ids = rows.map((row) => row.id);
  const [counts, ratings] = await Promise.all([
    repo.messageCounts(db, shopId, ids),
    repo.ratingsOf(db, shopId, ids),
  ]);
  const count = (id: string, author: string) =>
    Number(counts.find((c) => c.conversationId === id && c.authorKind === author)?.n ?? 0);
  const ratingOf = new Map(ratings.map((rating) => [rating.conversationId, rating]));
  return rows.map((row) => {
    const rating = ratingOf.get(row.id);
    return {
      id: row.id,
      agentId: row.agentId ?? '',
      customerId: row.customerId,
      status: row.status,
      createdAt: row.createdAt,
      assignedAt: row.assignedAt ?? row.createdAt,
      firstResponseAt: row.firstResponseAt,
      closedAt: row.closedAt,
      transferCount: row.transferCount,
      customerMessages: count(row.id, 'customer'),
      agentMessages: count(row.id, 'agent'),
      rating: rating ? { score: rating.score, comment: rating.comment, at: rating.createdAt } : null,
    };
  });
}

/** Ratings given in [from, to) with the agent they are about (SPEC §9 bad ratings). */
export async function ratingsForDiscipline(db: Db, shopId: string, range: { from: number; to: number }) {
  const rows = await repo.ratingsBetween(db, shopId, range.from, range.to);
  return rows.map((row) => ({
    conversationId: row.conversationId,
    agentId: row.agentId,
    score: row.score,
    comment: row.comment,
    at: row.createdAt,
  }));
}

/** The transcript of a conversation for an inspector: every message with its author and time. */
export async function transcriptForInspection(db: Db, shopId: string, conversationId: string) {
  const conversation = await repo.findConversation(db, shopId, conversationId);
  if (!conversation) return undefined;
  const messages = await repo.allMessagesOf(db, shopId, conversationId);
  return {
    conversation: {
      id: conversation.id,
      agentId: conversation.agentId,
      customerId: conversation.customerId,
      assignedAt: conversation.assignedAt,
      firstResponseAt: conversation.firstResponseAt,
      createdAt: conversation.createdAt,
    },
    lines: messages.map((message) => ({
      id: message.id,
      seq: message.seq,
      authorKind: message.authorKind,
      kind: message.kind,
      text: message.text,
      internal: message.internal === 1,
      at: message.createdAt,
    })),
  };
}

/** An agent's open chats (a shift hand-over lists them). */
export async function openChatsOf(db: Db, shopId: string, agentId: string) {
  const rows = await repo.listConversations(db, shopId, { statuses: ['assigned'], agentId, limit: 200 });
  return rows.map((row) => ({
    id: row.id,
    preview: row.lastMessagePreview ?? '',
    lastMessageAt: row.lastMessageAt,
  }));
}

/**
 * An FAQ answer sent on the shop's behalf (the assist module) while nobody has taken the chat: stored with the
 * next seq before anyone hears of it, like every message. Null, and nothing stored, once a human has joined.
 */
export async function postFaqAnswer(
  trx: Db,
  emit: Emit,
  input: { shopId: string; conversationId: string; text: string; now: number },
): Promise<ChatMessage | null> {
  const conversation = await repo.lockUnattended(trx, input.shopId, input.conversationId);
  if (!conversation) return null;
  const appended = await appendMessage(trx, {
    conversation,
    authorKind: 'system',
    authorId: null,
    clientMessageId: null,
    kind: 'faq_answer',
    text: input.text,
    attachment: null,
    internal: false,
    now: input.now,
  });
  const view = await present(trx, appended.conversation);
  emit({ type: 'message.created', shopId: input.shopId, conversation: view, message: appended.message });
  return appended.message;
}

/**
 * waiting: queued or an offline message; humanJoined: an agent was ever assigned or has answered. Null when the
 * conversation does not exist in this shop.
 */
export async function attendance(
  db: Db,
  shopId: string,
  conversationId: string,
): Promise<{ waiting: boolean; humanJoined: boolean } | null> {
  const row = await repo.findConversation(db, shopId, conversationId);
  return row ? attendanceOf(row) : null;
}

/**
 * Whether a chat waits for a person and whether one has ever joined it, from its stored row or its view (the
 * timestamps only count for being set).
 */
export function attendanceOf(conversation: {
  status: ConversationStatus;
  agentId: string | null;
  assignedAt: unknown;
  firstResponseAt: unknown;
}): { waiting: boolean; humanJoined: boolean } {
  return {
    waiting: conversation.status === 'queued' || conversation.status === 'offline_message',
    humanJoined:
      conversation.agentId !== null ||
      conversation.assignedAt !== null ||
      conversation.firstResponseAt !== null,
  };
}

/** The customer's last texts in a conversation, oldest first (suggestions and classification read them). */
export function recentCustomerTexts(
  db: Db,
  shopId: string,
  conversationId: string,
  limit = 3,
): Promise<string[]> {
  return repo.recentCustomerTexts(db, shopId, conversationId, limit);
}

/** Chats opened in [from, to) (the auto-answer rate's denominator). */
export function countConversationsOpened(db: Db, shopId: string, from: number, to: number): Promise<number> {
  return repo.countOpenedBetween(db, shopId, from, to);
}

/** A customer's conversation of theirs by id (the widget's buttons act on it). */
export async function customerConversation(
  db: Db,
  customer: ChatCustomer,
  conversationId: string,
): Promise<Conversation | null> {
  const row = await repo.findConversation(db, customer.shopId, conversationId);
  if (!row || row.customerId !== customer.id) return null;
  return presentConversation(row, customer);
}

// ── facts for metrics (issue 6) ─────────────────────────────────────────────────────────────────────────────

export interface ChatFactRecord {
  id: string;
  customerId: string;
  agentId: string | null;
  messages: {
    authorKind: 'customer' | 'agent' | 'system';
    authorId: string | null;
    kind: string;
    internal: boolean;
    createdAt: number;
  }[];
  transfers: { fromAgentId: string | null; toAgentId: string | null; at: number }[];
  rating: { agentId: string | null; score: 'good' | 'neutral' | 'bad'; createdAt: number } | null;
}

type FactMessage = ChatFactRecord['messages'][number];

const factMessageOf = (m: {
  authorKind: FactMessage['authorKind'];
  authorId: string | null;
  kind: string;
  internal: number;
  createdAt: number;
}): FactMessage => ({
  authorKind: m.authorKind,
  authorId: m.authorId,
  kind: m.kind,
  internal: m.internal === 1,
  createdAt: m.createdAt,
});

/** Messages of live chats the metrics keep between refreshes, per database (by Kysely adapter: its transactions share it). */
const messageMemories = new WeakMap<object, MessageMemory<FactMessage>>();
const MESSAGES_KEPT = 1_000_000;

function messageMemoryOf(db: Db): MessageMemory<FactMessage> {
  const adapter = db.getExecutor().adapter;
  let memory = messageMemories.get(adapter);
  if (!memory) {
    memory = new MessageMemory<FactMessage>(MESSAGES_KEPT);
    messageMemories.set(adapter, memory);
  }
  return memory;
}

/**
 * What the metrics need of some chats: every message's author and time, hand-overs and the rating. With `live`
 * (the roll-up refresh, which reads a running chat again every second or so), the messages are kept in memory and
 * only those after the last one kept are read; a recomputation over months reads everything once instead.
 */
export async function chatFacts(
  db: Db,
  shopId: string,
  ids: readonly string[],
  options: { live?: boolean } = {},
): Promise<ChatFactRecord[]> {
  const memory = options.live ? messageMemoryOf(db) : null;
  const readAfter = new Map(ids.map((id) => [id, memory?.lastSeqOf(id) ?? 0]));
  const rows = await repo.conversationFactRows(db, shopId, ids, (id) => readAfter.get(id) ?? 0);
  const byId = new Map<string, ChatFactRecord>();
  for (const c of rows.conversations) {
    byId.set(c.id, {
      id: c.id,
      customerId: c.customerId,
      agentId: c.agentId,
      messages: [],
      transfers: [],
      rating: null,
    });
  }
  if (!memory) {
    for (const m of rows.messages) byId.get(m.conversationId)?.messages.push(factMessageOf(m));
  } else {
    const bySeq = (messages: typeof rows.messages) => {
      const read = new Map<string, Array<{ seq: number; message: FactMessage }>>();
      for (const m of messages) {
        let list = read.get(m.conversationId);
        if (!list) read.set(m.conversationId, (list = []));
        list.push({ seq: m.seq, message: factMessageOf(m) });
      }
      return read;
    };
    const read = bySeq(rows.messages);
    const lost: string[] = [];
    for (const chat of byId.values()) {
      const kept = memory.extend(chat.id, readAfter.get(chat.id) ?? 0, read.get(chat.id) ?? []);
      if (kept) chat.messages = kept;
      else lost.push(chat.id);
    }
    // let go of while being read (memory full): their messages are read whole
    if (lost.length > 0) {
      const whole = bySeq(await repo.factMessageRows(db, shopId, lost, () => 0));
      for (const id of lost) byId.get(id)!.messages = memory.extend(id, 0, whole.get(id) ?? []) ?? [];
    }
  }
  for (const t of rows.transfers) {
    byId
      .get(t.conversationId)
      ?.transfers.push({ fromAgentId: t.fromAgentId, toAgentId: t.toAgentId, at: t.at });
  }
  for (const r of rows.ratings) {
    const chat = byId.get(r.conversationId);
    if (chat) chat.rating = { agentId: r.agentId, score: r.score, createdAt: r.createdAt };
  }
  return [...byId.values()];
}

/** Ids of the chats with a message in [from, to). */
export function chatIdsActiveBetween(db: Db, shopId: string, from: number, to: number): Promise<string[]> {
  return repo.conversationIdsActiveBetween(db, shopId, from, to);
}

/** Ids of some customers' chats with a message in [from, to). */
export function chatIdsOfCustomersBetween(
  db: Db,
  shopId: string,
  customerIds: readonly string[],
  from: number,
  to: number,
): Promise<string[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return repo.conversationIdsOfCustomersBetween(db, shopId, customerIds, from, to);
}
