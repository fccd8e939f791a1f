// The customer profile 客户档案 (SPEC §6): contacts (masked; each reveal audited), tags, VIP level, orders and one
// timeline of every chat, call, work order and verdict, follow-up, rating, survey answer and suggestion, read
// through the owning modules' services; search by name, phone, e-mail, member id or order number; and the merge
// of two profiles of one person, which keeps every item (the merged profile points at the surviving one).
import type { Kysely } from 'kysely';
import type { Database, CustomerTable } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type {
  CustomerProfile,
  CustomerSummary,
  TimelineItem,
  updateCustomerSchema,
} from '../../shared/schemas/customers.js';
import type { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { callsOfCustomers } from '../calls/service.js';
import { chatHistoryOfCustomers } from '../conversations/service.js';
import { listSuggestions } from '../csat/suggestions.js';
import { surveyAnswers } from '../csat/surveys.js';
import { tasksOfCustomers, type FollowUpDeps } from '../followups/service.js';
import { customerIdsByOrderNo, ordersOfCustomers } from '../orders/service.js';
import { workOrdersOfCustomers } from '../tickets/service.js';
import { parseTags, presentCustomer } from './presenter.js';
import * as repo from './repo.js';
import { phoneVariants } from './rules.js';

type Db = Kysely<Database>;

/** The profile behind an id: a merged profile answers with the one it was merged into. */
async function loadProfile(db: Db, shopId: string, id: string): Promise<CustomerTable> {
  const [row] = await repo.findCustomers(db, shopId, [id]);
  if (!row) throw notFound();
  if (row.mergedInto) {
    const [survivor] = await repo.findCustomers(db, shopId, [row.mergedInto]);
    if (survivor) return survivor;
  }
  return row;
}

export async function searchCustomers(db: Db, actor: Actor, q: string): Promise<CustomerSummary[]> {
  const digits = q.replace(/[^0-9+]/g, '');
  const phones = digits.replace('+', '').length >= 5 ? phoneVariants(q) : [];
  const byOrder = await customerIdsByOrderNo(db, actor.shopId, q);
  const rows = await repo.searchCustomers(db, actor.shopId, { text: q, phones, ids: byOrder }, 50);
  const survivors = new Map<string, CustomerTable>();
  for (const row of rows) {
    const profile = row.mergedInto ? await loadProfile(db, actor.shopId, row.id) : row;
    survivors.set(profile.id, profile);
  }
  return [...survivors.values()].map(presentCustomer);
}

const byNewest = (a: TimelineItem, b: TimelineItem) => b.at.localeCompare(a.at);

export async function getProfile(deps: FollowUpDeps, actor: Actor, id: string): Promise<CustomerProfile> {
  const { db } = deps;
  const row = await loadProfile(db, actor.shopId, id);
  const merged = await repo.mergedInto(db, actor.shopId, row.id);
  const ids = [row.id, ...merged.map((other) => other.id)];
  const [chats, calls, work, followUps, suggestions, answers, orders] = await Promise.all([
    chatHistoryOfCustomers(db, actor.shopId, ids),
    callsOfCustomers(db, actor, ids),
    workOrdersOfCustomers(deps, actor, ids),
    tasksOfCustomers(deps, actor.shopId, ids),
    listSuggestions(db, actor, {}, ids),
    surveyAnswers(db, actor.shopId, { customerIds: ids }),
    ordersOfCustomers(db, actor.shopId, ids),
  ]);
  const numbers = new Map(work.workOrders.map((order) => [order.id, order.number]));
  const timeline: TimelineItem[] = [
    ...chats.conversations.map((chat) => ({
      kind: 'chat' as const,
      id: chat.id,
      at: chat.createdAt,
      title: chat.source,
      status: chat.status,
      detail: chat.lastMessagePreview ?? '',
      link: null,
    })),
    ...chats.ratings.map((rating) => ({
      kind: 'rating' as const,
      id: rating.conversationId,
      at: rating.createdAt,
      title: rating.score,
      status: rating.score,
      detail: rating.comment ?? '',
      link: null,
    })),
    ...calls.map((call) => ({
      kind: 'call' as const,
      id: call.id,
      at: call.startedAt,
      title: call.direction,
      status: call.missed ? 'missed' : call.state,
      detail: [call.agent?.displayName, call.matter].filter(Boolean).join(' · '),
      link: '/calls',
    })),
    ...work.workOrders.map((order) => ({
      kind: 'work_order' as const,
      id: order.id,
      at: order.createdAt,
      title: `${order.number} ${order.title}`,
      status: order.status,
      detail: order.description,
      link: `/work-orders/${order.id}`,
    })),
    ...work.verdicts.map((verdict, index) => ({
      kind: 'verdict' as const,
      id: `${verdict.workOrderId}:${index}`,
      at: verdict.at,
      title: numbers.get(verdict.workOrderId) ?? '',
      status: verdict.satisfaction,
      detail: verdict.note,
      link: `/work-orders/${verdict.workOrderId}`,
    })),
    ...followUps.map((task) => ({
      kind: 'follow_up' as const,
      id: task.id,
      at: task.completedAt ?? task.createdAt,
      title: task.title,
      status: task.status === 'open' && task.overdue ? 'overdue' : task.status,
      detail: task.result
        ? [task.result.newProblems, task.result.suggestion, task.result.note].filter(Boolean).join(' · ')
        : '',
      link: '/follow-ups',
    })),
    ...suggestions.map((suggestion) => ({
      kind: 'suggestion' as const,
      id: suggestion.id,
      at: suggestion.resolvedAt ?? suggestion.createdAt,
      title: suggestion.text,
      status: suggestion.status,
      detail: suggestion.resolution,
      link: '/suggestions',
    })),
    // A verdict link's answer is the verdict item already; questionnaire answers are their own items.
    ...answers
      .filter((answer) => answer.workOrderId === null)
      .map((answer) => ({
        kind: 'survey' as const,
        id: answer.id,
        at: answer.createdAt,
        title: answer.workOrderId ? (numbers.get(answer.workOrderId) ?? '') : '',
        status: answer.satisfaction,
        detail: [answer.comment, ...Object.values(answer.answers).map(String)].filter(Boolean).join(' · '),
        link: null,
      })),
  ].sort(byNewest);
  return {
    customer: presentCustomer(row),
    mergedIds: merged.map((other) => other.id),
    orders,
    timeline,
    canReveal: actor.permissions.has('customer.reveal_contact'),
  };
}

/** The unmasked phone and e-mail, for holders of customer.reveal_contact; every reveal is audited. */
export function revealContact(db: Db, actor: Actor, id: string) {
  return withTransaction(db, async (trx) => {
    const row = await loadProfile(trx, actor.shopId, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'customer.contact_revealed',
      entityType: 'customer',
      entityId: row.id,
      changes: {},
    });
    return { phone: row.phone, email: row.email };
  });
}

/** Contacts, tags and VIP level; contact values are not written into the audit log, only which changed. */
export function updateCustomer(
  deps: FollowUpDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof updateCustomerSchema>,
): Promise<CustomerProfile> {
  return withTransaction(deps.db, async (trx) => {
    const row = await loadProfile(trx, actor.shopId, id);
    const patch: Partial<CustomerTable> = {};
    if (input.contactName !== undefined) patch.contactName = input.contactName || null;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.email !== undefined) patch.email = input.email;
    if (input.vipLevel !== undefined) patch.vipLevel = input.vipLevel;
    if (input.tags !== undefined) patch.tags = JSON.stringify([...new Set(input.tags)]);
    await repo.updateCustomer(trx, actor.shopId, row.id, patch);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'customer.updated',
      entityType: 'customer',
      entityId: row.id,
      changes: {
        ...(input.vipLevel !== undefined ? { vipLevel: [row.vipLevel, input.vipLevel] } : {}),
        ...(input.tags !== undefined ? { tags: [parseTags(row.tags), input.tags] } : {}),
        ...Object.fromEntries(
          (['contactName', 'phone', 'email'] as const)
            .filter((key) => input[key] !== undefined)
            .map((key) => [key, 'changed']),
        ),
      },
    });
    return getProfile({ ...deps, db: trx }, actor, row.id);
  });
}

/**
 * Merges `sourceId` into `targetId`: the source points at the target, so its chats, calls, work orders, orders,
 * follow-ups and ratings all show on the target's timeline; contacts the target lacks are taken over, tags are
 * joined and the higher VIP level kept.
 */
export function mergeCustomers(
  deps: FollowUpDeps,
  actor: Actor,
  targetId: string,
  sourceId: string,
): Promise<CustomerProfile> {
  return withTransaction(deps.db, async (trx) => {
    const target = await loadProfile(trx, actor.shopId, targetId);
    const source = await loadProfile(trx, actor.shopId, sourceId);
    if (target.id === source.id) throw new AppError('customers_not_mergeable');
    await repo.updateCustomer(trx, actor.shopId, target.id, {
      contactName: target.contactName ?? source.contactName,
      phone: target.phone ?? source.phone,
      email: target.email ?? source.email,
      vipLevel: Math.max(target.vipLevel, source.vipLevel),
      tags: JSON.stringify([...new Set([...parseTags(target.tags), ...parseTags(source.tags)])]),
    });
    await repo.updateCustomer(trx, actor.shopId, source.id, { mergedInto: target.id });
    await repo.repointMerged(trx, actor.shopId, source.id, target.id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'customer.merged',
      entityType: 'customer',
      entityId: target.id,
      changes: { mergedId: source.id },
    });
    return getProfile({ ...deps, db: trx }, actor, target.id);
  });
}
