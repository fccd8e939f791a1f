// Customer suggestions (SPEC §6): from any contact, routed to the responsible department, which adopts one
// (recording what was done) or declines it (recording why); the customer is told either way, in their chat when
// they have one open, otherwise the notice is kept for a call.
import type { Kysely } from 'kysely';
import { isoOf } from '../../db/instants.js';
import { newId } from '../../db/ids.js';
import type { Database, SuggestionTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type EventBus } from '../../server/events.js';
import type { SuggestionSource } from '../../shared/follow-ups.js';
import type { Locale } from '../../shared/locales.js';
import type {
  Suggestion,
  createSuggestionSchema,
  listSuggestionsQuerySchema,
  resolveSuggestionSchema,
} from '../../shared/schemas/feedback.js';
import type { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { postWorkOrderReply } from '../conversations/service.js';
import { customerFacts, customersById } from '../customers/service.js';
import { getChatSettings } from '../shops/service.js';
import { getAgent, listDepartments } from '../team/service.js';
import { followUpPolicy } from '../followups/policy.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

/** What the customer is told (SPEC §6: adopts and tells what was done, or declines and explains). */
export const suggestionNotices: Record<'adopted' | 'declined', Record<Locale, string>> = {
  adopted: {
    'zh-CN': '您好，感谢您的建议！我们已经采纳：{resolution}',
    en: 'Hello, thank you for your suggestion! We have adopted it: {resolution}',
  },
  declined: {
    'zh-CN': '您好，感谢您的建议！经认真评估，我们暂时无法采纳，原因是：{resolution}',
    en: 'Hello, thank you for your suggestion. After careful review we cannot adopt it for now, because: {resolution}',
  },
};

export async function createSuggestionIn(
  trx: Db,
  shopId: string,
  input: {
    customerId: string | null;
    sourceKind: SuggestionSource;
    sourceId: string | null;
    text: string;
    departmentId: string | null;
    createdBy: string | null;
    now: number;
  },
): Promise<SuggestionTable> {
  const row: SuggestionTable = {
    id: newId(input.now),
    shopId,
    customerId: input.customerId,
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    text: input.text,
    departmentId: input.departmentId,
    status: 'open',
    resolution: '',
    resolvedBy: null,
    resolvedAt: null,
    customerNotice: null,
    createdBy: input.createdBy,
    createdAt: input.now,
  };
  await repo.insertSuggestion(trx, row);
  return row;
}

async function presentSuggestions(db: Db, actor: Actor, rows: SuggestionTable[]): Promise<Suggestion[]> {
  const [customers, departments] = await Promise.all([
    customersById(
      db,
      actor.shopId,
      rows.flatMap((row) => (row.customerId ? [row.customerId] : [])),
    ),
    listDepartments(db, actor),
  ]);
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]));
  return rows.map((row) => ({
    id: row.id,
    customer: row.customerId
      ? { id: row.customerId, displayName: customers.get(row.customerId)?.displayName ?? '' }
      : null,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    text: row.text,
    departmentId: row.departmentId,
    departmentName: row.departmentId ? (departmentNames.get(row.departmentId) ?? null) : null,
    status: row.status,
    resolution: row.resolution,
    resolvedAt: row.resolvedAt === null ? null : isoOf(row.resolvedAt),
    customerNotice: row.customerNotice,
    customerTold: row.customerNotice !== null,
    createdAt: isoOf(row.createdAt),
  }));
}

async function departmentOf(db: Db, actor: Actor): Promise<string | null> {
  return (await getAgent(db, actor, actor.userId)).departmentId;
}

/** Supervisors see every suggestion; a department member those routed to their department. */
export async function listSuggestions(
  db: Db,
  actor: Actor,
  query: z.output<typeof listSuggestionsQuerySchema>,
  customerIds?: readonly string[],
): Promise<Suggestion[]> {
  const supervise = actor.permissions.has(followUpPolicy.supervise);
  const own = supervise ? null : await departmentOf(db, actor);
  if (!supervise && !own && !customerIds) return [];
  const rows = await repo.listSuggestions(db, actor.shopId, {
    status: query.status,
    departmentId: supervise || customerIds ? query.departmentId : (own ?? undefined),
    customerIds,
  });
  return presentSuggestions(db, actor, rows);
}

export function createSuggestion(
  db: Db,
  bus: EventBus,
  actor: Actor,
  input: z.output<typeof createSuggestionSchema>,
): Promise<Suggestion> {
  return runCommand(db, bus, async (trx) => {
    if (input.customerId && !(await customerFacts(trx, actor.shopId, input.customerId))) throw notFound();
    if (!(await listDepartments(trx, actor)).some((department) => department.id === input.departmentId)) {
      throw new AppError('invalid_assignee');
    }
    const row = await createSuggestionIn(trx, actor.shopId, {
      customerId: input.customerId ?? null,
      sourceKind: input.sourceKind,
      sourceId: input.sourceId ?? null,
      text: input.text,
      departmentId: input.departmentId,
      createdBy: actor.userId,
      now: Date.now(),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'suggestion.created',
      entityType: 'suggestion',
      entityId: row.id,
      changes: { departmentId: input.departmentId },
    });
    const [view] = await presentSuggestions(trx, actor, [row]);
    return view!;
  });
}

/** A supervisor routes a suggestion (e.g. one noted on a follow-up call) to the department that can act on it. */
export function routeSuggestion(
  db: Db,
  bus: EventBus,
  actor: Actor,
  id: string,
  departmentId: string,
): Promise<Suggestion> {
  return runCommand(db, bus, async (trx) => {
    const row = await repo.findSuggestion(trx, actor.shopId, id);
    if (!row) throw notFound();
    if (row.status !== 'open') throw new AppError('suggestion_resolved');
    if (!(await listDepartments(trx, actor)).some((department) => department.id === departmentId)) {
      throw new AppError('invalid_assignee');
    }
    const after = await repo.updateSuggestion(trx, actor.shopId, id, { departmentId });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'suggestion.routed',
      entityType: 'suggestion',
      entityId: id,
      changes: { departmentId: [row.departmentId, departmentId] },
    });
    const [view] = await presentSuggestions(trx, actor, [after]);
    return view!;
  });
}

/** The department adopts or declines; the customer is told (in their open chat when they have one). */
export function resolveSuggestion(
  db: Db,
  bus: EventBus,
  actor: Actor,
  id: string,
  input: z.output<typeof resolveSuggestionSchema>,
): Promise<Suggestion> {
  return runCommand(db, bus, async (trx, emit) => {
    const now = Date.now();
    const row = await repo.findSuggestion(trx, actor.shopId, id);
    const supervise = actor.permissions.has(followUpPolicy.supervise);
    if (
      !row ||
      (!supervise && (row.departmentId === null || row.departmentId !== (await departmentOf(trx, actor))))
    ) {
      throw notFound();
    }
    if (row.status !== 'open') throw new AppError('suggestion_resolved');
    const settings = await getChatSettings(trx, actor.shopId);
    const notice = suggestionNotices[input.decision][settings.locale].replace(
      '{resolution}',
      input.resolution,
    );
    if (row.customerId) {
      await postWorkOrderReply(trx, emit, {
        shopId: actor.shopId,
        conversationId: row.sourceKind === 'chat' ? row.sourceId : null,
        customerId: row.customerId,
        authorId: actor.userId,
        text: notice,
        now,
      });
    }
    const after = await repo.updateSuggestion(trx, actor.shopId, id, {
      status: input.decision,
      resolution: input.resolution,
      resolvedBy: actor.userId,
      resolvedAt: now,
      customerNotice: notice,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: `suggestion.${input.decision}`,
      entityType: 'suggestion',
      entityId: id,
      changes: { resolution: input.resolution },
    });
    const [view] = await presentSuggestions(trx, actor, [after]);
    return view!;
  });
}
