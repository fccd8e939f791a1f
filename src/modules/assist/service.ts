// Smart service 智能服务 (seed 002 §4, SPEC §10): FAQ auto-answers while a chat waits for a person, reply
// suggestions for agents, and problem-type / complaint-category classification that retrains from agents'
// corrections. Each shop's model is built in process and rebuilt when its knowledge or corrections change.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { AssistClassificationTable, Database } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import type { Config } from '../../server/config.js';
import { coalescingWorker } from '../../server/coalescing-worker.js';
import { AppError } from '../../server/errors.js';
import { runCommand, type DomainEventMap, type Emit, type EventBus } from '../../server/events.js';
import type { AutoAnswerReaction } from '../../shared/assist.js';
import type { ChatMessage, Conversation } from '../../shared/schemas/chat.js';
import type {
  AutoAnswerRates,
  ConversationClassification,
  ReplySuggestion,
} from '../../shared/schemas/knowledge.js';
import {
  attendance,
  attendanceOf,
  countConversationsOpened,
  customerConversation,
  getConversation,
  postFaqAnswer,
  recentCustomerTexts,
} from '../conversations/service.js';
import type { ChatCustomer } from '../customers/service.js';
import { approvedTemplates, knowledgeStamp, usableEntries, usableEntry } from '../knowledge/service.js';
import { labelledMessages } from './eval/dataset.js';
import { classifyWithLlm } from './llm.js';
import { AssistModel, type Classification, type LabelledText } from './model.js';
import * as repo from './repo.js';
import { autoAnswerDecision, autoAnswerRates, isConfident, recentText, type FaqMatch } from './rules.js';

type Db = Kysely<Database>;

export interface AssistDeps {
  db: Db;
  bus: EventBus;
  llm: Config['assistLlm'];
}

const TEMPLATE_PREFIX = 'template:';

/** The shop-independent labelled corpus every shop's classifier starts from (eval/, ≥500 messages). */
let baseCorpus: LabelledText[] | null = null;
function base(): LabelledText[] {
  baseCorpus ??= labelledMessages();
  return baseCorpus;
}

interface CachedModel {
  stamp: string;
  model: AssistModel;
  templates: Map<string, { title: string; text: string }>;
  entries: Map<string, { title: string; body: string }>;
}
/** Shops' models, least recently used first; a process serving many shops keeps the MAX_CACHED_MODELS busiest. */
const models = new Map<string, CachedModel>();
const MAX_CACHED_MODELS = 50;

/** The shop's model, rebuilt when its knowledge, approved templates, corrections or confirmed answers changed. */
async function modelFor(db: Db, shopId: string, now: number): Promise<CachedModel> {
  const stamp = `${await knowledgeStamp(db, shopId)}|${await repo.learningStamp(db, shopId)}`;
  const cached = models.get(shopId);
  // Validity dates are checked when an answer is sent; the hourly part of the stamp picks up expiries.
  const fullStamp = `${stamp}|${Math.floor(now / 3_600_000)}`;
  if (cached && cached.stamp === fullStamp) {
    models.delete(shopId);
    models.set(shopId, cached);
    return cached;
  }
  const [entries, templates, corrections, confirmed] = await Promise.all([
    usableEntries(db, shopId, now),
    approvedTemplates(db, shopId),
    repo.listCorrections(db, shopId),
    repo.confirmedAnswers(db, shopId),
  ]);
  const model = new AssistModel({
    entries: [
      ...entries.map((entry) => ({
        id: entry.id,
        faq: entry.kind === 'faq',
        phrasings: [entry.title, ...entry.phrasings],
        body: entry.body,
      })),
      ...templates.map((template) => ({
        id: TEMPLATE_PREFIX + template.id,
        faq: false,
        phrasings: [template.title],
        body: template.text,
      })),
    ],
    confirmed: confirmed.map((row) => ({ entryId: row.entryId, text: row.questionText })),
    base: base(),
    corrections: corrections.map((row) => ({
      text: row.text,
      problemType: row.problemType,
      complaintCategory: row.complaintCategory,
    })),
  });
  const built: CachedModel = {
    stamp: fullStamp,
    model,
    templates: new Map(templates.map((t) => [TEMPLATE_PREFIX + t.id, t])),
    entries: new Map(entries.map((e) => [e.id, e])),
  };
  models.delete(shopId);
  models.set(shopId, built);
  for (const oldest of models.keys()) {
    if (models.size <= MAX_CACHED_MODELS) break;
    models.delete(oldest);
  }
  return built;
}

async function classify(deps: AssistDeps, model: AssistModel, text: string): Promise<Classification> {
  const local = model.classify(text);
  if (!deps.llm) return local;
  return classifyWithLlm(deps.llm, text, local);
}

function presentClassification(row: AssistClassificationTable): ConversationClassification {
  return {
    conversationId: row.conversationId,
    problemType: row.problemType,
    complaintCategory: row.complaintCategory,
    source: row.source,
    confidence: row.confidencePermille / 1000,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function classifiedEvent(row: AssistClassificationTable): DomainEventMap['conversation.classified'] & {
  type: 'conversation.classified';
} {
  return {
    type: 'conversation.classified',
    shopId: row.shopId,
    conversationId: row.conversationId,
    problemType: row.problemType,
    complaintCategory: row.complaintCategory,
    source: row.source,
    at: new Date(row.updatedAt).toISOString(),
  };
}

/** A customer's text with something in it: what classification and auto-answers read */
function isCustomerText(message: ChatMessage): boolean {
  return message.authorKind === 'customer' && message.kind === 'text' && message.text.trim() !== '';
}

/** Whether a classification names another problem type or complaint category than the one stored (if any) */
function typeChanged(
  existing: AssistClassificationTable | undefined,
  row: AssistClassificationTable,
): boolean {
  return existing?.problemType !== row.problemType || existing.complaintCategory !== row.complaintCategory;
}

function autoClassificationRow(
  shopId: string,
  conversationId: string,
  text: string,
  result: Classification,
  now: number,
): AssistClassificationTable {
  return {
    conversationId,
    shopId,
    problemType: result.problemType,
    complaintCategory: result.complaintCategory,
    source: 'auto',
    confidencePermille: Math.round(result.confidence * 1000),
    text,
    updatedBy: null,
    updatedAt: now,
  };
}

/** Stores an automatic classification unless an agent already set one; emits when it changed. */
async function recordAutoClassification(
  trx: Db,
  emit: Emit,
  shopId: string,
  conversationId: string,
  text: string,
  result: Classification,
  now: number,
): Promise<AssistClassificationTable> {
  const existing = await repo.findClassification(trx, shopId, conversationId);
  if (existing?.source === 'agent') return existing;
  const row = autoClassificationRow(shopId, conversationId, text, result, now);
  await repo.saveClassification(trx, row);
  if (typeChanged(existing, row)) {
    emit(classifiedEvent(row));
  }
  return row;
}

/**
 * Customers' messages of one conversation arrived (after their commit; several when they came in a burst): classify
 * the conversation once from its latest text and, with `answer` (nobody has taken the chat), answer each confident
 * FAQ match. Returns the auto-answers sent.
 */
export async function onCustomerMessages(
  deps: AssistDeps,
  shopId: string,
  conversationId: string,
  messages: readonly ChatMessage[],
  options: { answer: boolean },
  now = Date.now(),
): Promise<ChatMessage[]> {
  const texts = messages.filter(isCustomerText);
  if (texts.length === 0) return [];
  const cached = await modelFor(deps.db, shopId, now);
  const conversationText = recentText(await recentCustomerTexts(deps.db, shopId, conversationId, 3));
  const overall = await classify(deps, cached.model, conversationText);
  // Most messages match no FAQ confidently: the decision below could only say no, so it reads nothing for them.
  const questions = texts.flatMap((message) => {
    if (!options.answer) return [];
    const match = cached.model.faqMatch(message.text);
    return match && isConfident(match) ? [{ message, match }] : [];
  });
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const stored = await recordAutoClassification(
      trx,
      emit,
      shopId,
      conversationId,
      conversationText,
      overall,
      now,
    );
    const sent: ChatMessage[] = [];
    for (const { message, match } of questions) {
      const answer = await autoAnswer(trx, emit, { shopId, conversationId, message, match, now }, () => {
        const single = cached.model.classify(message.text);
        return stored.problemType === 'complaint' ||
          overall.problemType === 'complaint' ||
          single.problemType === 'complaint'
          ? 'complaint'
          : single.problemType;
      });
      if (answer) sent.push(answer);
    }
    return sent;
  });
}

/** Held chats classified between two turns of the rest of the process; also the most stored in one statement */
const RECLASSIFY_TURN = 100;

/**
 * Chats a person holds, classified again from their latest texts: each one is read and classified first, then the
 * shop's changed classifications are stored in one statement (never over an agent's). A busy shop holds hundreds of
 * chats, and a transaction for each would hold up the messages of all of them (on SQLite the main connection writes
 * alone).
 */
export async function reclassifyConversations(
  deps: AssistDeps,
  shopId: string,
  conversationIds: readonly string[],
  now = Date.now(),
): Promise<void> {
  const cached = await modelFor(deps.db, shopId, now);
  for (let start = 0; start < conversationIds.length; start += RECLASSIFY_TURN) {
    // the rest of the process (the chats' own messages) gets a turn between two parts
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const ids = conversationIds.slice(start, start + RECLASSIFY_TURN);
    const before = new Map(
      (await repo.classificationsOf(deps.db, shopId, ids)).map((row) => [row.conversationId, row]),
    );
    const rows: AssistClassificationTable[] = [];
    for (const conversationId of ids) {
      const existing = before.get(conversationId);
      if (existing?.source === 'agent') continue;
      const text = recentText(await recentCustomerTexts(deps.db, shopId, conversationId, 3));
      const result = await classify(deps, cached.model, text);
      const row = autoClassificationRow(shopId, conversationId, text, result, now);
      const same =
        existing &&
        existing.text === row.text &&
        existing.problemType === row.problemType &&
        existing.complaintCategory === row.complaintCategory &&
        existing.confidencePermille === row.confidencePermille;
      if (!same) rows.push(row);
    }
    if (rows.length === 0) continue;
    await runCommand(deps.db, deps.bus, async (trx, emit) => {
      const written = new Set(await repo.saveAutoClassifications(trx, rows));
      for (const row of rows) {
        if (written.has(row.conversationId) && typeChanged(before.get(row.conversationId), row)) {
          emit(classifiedEvent(row));
        }
      }
    });
  }
}

/** The FAQ auto-answer to one customer message, if the rules allow it now (checked under the conversation's lock). */
async function autoAnswer(
  trx: Db,
  emit: Emit,
  input: { shopId: string; conversationId: string; message: ChatMessage; match: FaqMatch; now: number },
  problemType: () => Classification['problemType'],
): Promise<ChatMessage | null> {
  const { shopId, conversationId, message, match, now } = input;
  const state = await attendance(trx, shopId, conversationId);
  if (!state) return null;
  const previous = await repo.autoAnswersOf(trx, shopId, conversationId);
  const decision = autoAnswerDecision({
    waiting: state.waiting,
    humanJoined: state.humanJoined,
    handedOver: previous.some((row) => row.reaction === 'handover'),
    problemType: problemType(),
    match,
    answeredEntryIds: new Set(previous.map((row) => row.entryId)),
  });
  if (!decision.answer) return null;
  const entry = await usableEntry(trx, shopId, decision.entryId, now);
  if (!entry || entry.kind !== 'faq') return null;
  const sent = await postFaqAnswer(trx, emit, { shopId, conversationId, text: entry.body, now });
  if (!sent) return null;
  await repo.insertAutoAnswer(trx, {
    id: newId(now),
    shopId,
    conversationId,
    questionMessageId: message.id,
    answerMessageId: sent.id,
    entryId: entry.id,
    questionText: message.text,
    posteriorPermille: Math.round(match.posterior * 1000),
    reaction: null,
    reactedAt: null,
    createdAt: now,
  });
  return sent;
}

/** The widget's "this solved it / talk to a person"; the first answer counts (a second click changes nothing). */
export async function reactToAutoAnswer(
  deps: AssistDeps,
  customer: ChatCustomer,
  input: { messageId: string; reaction: AutoAnswerReaction },
): Promise<{ reaction: AutoAnswerReaction }> {
  const row = await repo.findAutoAnswerByMessage(deps.db, customer.shopId, input.messageId);
  if (!row || !(await customerConversation(deps.db, customer, row.conversationId))) {
    throw new AppError('auto_answer_not_found');
  }
  if (row.reaction) return { reaction: row.reaction };
  const recorded = await repo.setReaction(deps.db, row.id, input.reaction, Date.now());
  if (recorded) return { reaction: input.reaction };
  const again = await repo.findAutoAnswerByMessage(deps.db, customer.shopId, input.messageId);
  return { reaction: again?.reaction ?? input.reaction };
}

/** The top three knowledge entries and approved templates for the customer's last messages. */
export async function suggestionsFor(
  deps: AssistDeps,
  actor: Actor,
  conversationId: string,
  now = Date.now(),
): Promise<ReplySuggestion[]> {
  await getConversation(deps.db, actor, conversationId);
  const texts = await recentCustomerTexts(deps.db, actor.shopId, conversationId, 3);
  if (texts.length === 0) return [];
  const cached = await modelFor(deps.db, actor.shopId, now);
  return cached.model.search(recentText(texts), 3).flatMap((hit): ReplySuggestion[] => {
    const template = cached.templates.get(hit.id);
    if (template) {
      return [
        {
          source: 'template',
          id: hit.id.slice(TEMPLATE_PREFIX.length),
          title: template.title,
          text: template.text,
          score: hit.score,
        },
      ];
    }
    const entry = cached.entries.get(hit.id);
    return entry
      ? [{ source: 'knowledge', id: hit.id, title: entry.title, text: entry.body, score: hit.score }]
      : [];
  });
}

/** The conversation's classification; suggested from its text when none is stored yet. */
export async function classificationOf(
  deps: AssistDeps,
  actor: Actor,
  conversationId: string,
  now = Date.now(),
): Promise<ConversationClassification | null> {
  await getConversation(deps.db, actor, conversationId);
  const stored = await repo.findClassification(deps.db, actor.shopId, conversationId);
  if (stored) return presentClassification(stored);
  const texts = await recentCustomerTexts(deps.db, actor.shopId, conversationId, 3);
  if (texts.length === 0) return null;
  const cached = await modelFor(deps.db, actor.shopId, now);
  const result = await classify(deps, cached.model, recentText(texts));
  return runCommand(deps.db, deps.bus, async (trx, emit) =>
    presentClassification(
      await recordAutoClassification(trx, emit, actor.shopId, conversationId, recentText(texts), result, now),
    ),
  );
}

/** An agent corrects the classification: stored as a training example, and the shop's model retrains from it. */
export async function correctClassification(
  deps: AssistDeps,
  actor: Actor,
  conversationId: string,
  input: {
    problemType: Classification['problemType'];
    complaintCategory: Classification['complaintCategory'];
  },
): Promise<ConversationClassification> {
  await getConversation(deps.db, actor, conversationId);
  const texts = await recentCustomerTexts(deps.db, actor.shopId, conversationId, 3);
  const now = Date.now();
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const before = await repo.findClassification(trx, actor.shopId, conversationId);
    const text = recentText(texts) || before?.text || '';
    const row: AssistClassificationTable = {
      conversationId,
      shopId: actor.shopId,
      problemType: input.problemType,
      complaintCategory: input.complaintCategory,
      source: 'agent',
      confidencePermille: 1000,
      text,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    await repo.saveClassification(trx, row);
    if (text) {
      await repo.insertCorrection(trx, {
        id: newId(now),
        shopId: actor.shopId,
        conversationId,
        text,
        problemType: input.problemType,
        complaintCategory: input.complaintCategory,
        agentId: actor.userId,
        createdAt: now,
      });
    }
    emit(classifiedEvent(row));
    return presentClassification(row);
  });
}

/** What the local model suggests for a text (the classification preview; tests of retraining use it). */
export async function suggestClassification(db: Db, shopId: string, text: string, now = Date.now()) {
  return (await modelFor(db, shopId, now)).model.classify(text);
}

/** Answer rate and hand-over rate of FAQ auto-answers for a shop in [from, to) (the metrics read this). */
export async function autoAnswerMetrics(
  db: Db,
  shopId: string,
  from: number,
  to: number,
): Promise<AutoAnswerRates> {
  const counts = await repo.autoAnswerCounts(db, shopId, from, to);
  const conversations = await countConversationsOpened(db, shopId, from, to);
  return { conversations, ...counts, ...autoAnswerRates({ conversations, ...counts }) };
}

export interface AssistRunner {
  /** resolves when every customer message received so far has been handled */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A shop's chats that a person holds are classified again at most this often (each one's latest text when the time
 * comes), all in one pass: the classification only informs supervisors and the metrics.
 */
export const RECLASSIFY_INTERVAL_MS = 5000;

/** Whether an FAQ auto-answer is still possible for a chat in this state (checked again under its lock). */
function mayAutoAnswer(conversation: Conversation): boolean {
  const state = attendanceOf(conversation);
  return state.waiting && !state.humanJoined;
}

/**
 * Handles customers' messages after their commit, one conversation after another per process. While nobody holds a
 * chat, each message is handled at once (the FAQ auto-answer and the classification); once a person does, a chat's
 * messages are only classified, with every other held chat of the shop that moved, at most every
 * RECLASSIFY_INTERVAL_MS. Messages that arrive while earlier work runs wait together and are handled in one pass
 * (one classification per chat, one transaction).
 */
export function startAssist(deps: AssistDeps, onError: (error: unknown) => void): AssistRunner {
  type Item = { shopId: string; message: ChatMessage };
  // Chats nobody holds, one at a time, each message at once (the auto-answer cannot wait).
  const answering = coalescingWorker<Item>(async (conversationId, items) => {
    const [first] = items;
    if (!first) return;
    const messages = items.map((item) => item.message);
    await onCustomerMessages(deps, first.shopId, conversationId, messages, { answer: true });
  }, onError);
  // Held chats by shop: every chat that had a customer's text since the shop's last pass, in one pass.
  const classifying = coalescingWorker<Item>(
    async (shopId, items) => {
      const conversationIds = new Set(
        items.filter((item) => isCustomerText(item.message)).map((item) => item.message.conversationId),
      );
      await reclassifyConversations(deps, shopId, [...conversationIds]);
    },
    onError,
    { minIntervalMs: RECLASSIFY_INTERVAL_MS },
  );
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type !== 'message.created' || event.message.authorKind !== 'customer') return;
    const item = { shopId: event.shopId, message: event.message };
    if (mayAutoAnswer(event.conversation)) answering.add(event.conversation.id, item);
    else classifying.add(event.shopId, item);
  });
  const idle = async () => {
    await Promise.all([answering.idle(), classifying.idle()]);
  };
  return {
    idle,
    stop: async () => {
      unsubscribe();
      await idle();
    },
  };
}

/** The stored problem type of each of some conversations that has one (the metrics' problem-type shares). */
export async function problemTypesOfConversations(
  db: Kysely<Database>,
  shopId: string,
  conversationIds: readonly string[],
): Promise<Map<string, AssistClassificationTable['problemType']>> {
  const found = new Map<string, AssistClassificationTable['problemType']>();
  for (let i = 0; i < conversationIds.length; i += 1000) {
    for (const row of await repo.problemTypesOf(db, shopId, conversationIds.slice(i, i + 1000))) {
      found.set(row.conversationId, row.problemType);
    }
  }
  return found;
}
