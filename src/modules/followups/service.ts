// Follow-up 回访 (SPEC §6, seed 003 §4): the per-shop rules, the tasks they create when a work order is resolved or a
// consultation ends (and those made by hand), due on the business calendar; the result form, which records the
// customer's verdict on the work order; and the sweep that records each task left undone past its due time.
import type { Kysely } from 'kysely';
import { isoOf } from '../../db/instants.js';
import { newId } from '../../db/ids.js';
import type { Database, FollowUpTaskTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit } from '../../server/events.js';
import type { FollowUpKind } from '../../shared/follow-ups.js';
import { followUpKinds } from '../../shared/follow-ups.js';
import type { Conversation } from '../../shared/schemas/chat.js';
import type {
  FollowUpRule,
  FollowUpTask,
  completeFollowUpSchema,
  createFollowUpSchema,
  listFollowUpsQuerySchema,
  updateFollowUpRuleSchema,
} from '../../shared/schemas/follow-ups.js';
import type { WorkOrder } from '../../shared/schemas/work-orders.js';
import type { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { customerFacts, customersById } from '../customers/service.js';
import type { SlaDeps } from '../sla/service.js';
import { getAgent, staffNames } from '../team/service.js';
import { applyCustomerVerdict, workOrderBrief } from '../tickets/service.js';
import { createSuggestionIn } from '../csat/suggestions.js';
import { followUpPolicy } from './policy.js';
import * as repo from './repo.js';
import {
  concernsProductUse,
  defaultRules,
  followUpDueAt,
  formComplete,
  isLate,
  ownerOf,
  wantsQuestionnaire,
  type RuleSettings,
} from './rules.js';

type Db = Kysely<Database>;
export type FollowUpDeps = SlaDeps;

const titles: Record<FollowUpKind, string> = {
  phone: '电话回访',
  consultation: '咨询次日回访',
  questionnaire: '满意度问卷回访',
  on_site: '上门回访（产品使用）',
};

// ── rules ─────────────────────────────────────────────────────────────────────────────────────────────────

async function rulesOf(
  db: Db,
  shopId: string,
): Promise<Map<FollowUpKind, RuleSettings & { updatedAt: number | null }>> {
  const stored = new Map((await repo.listRules(db, shopId)).map((row) => [row.kind, row]));
  return new Map(
    followUpKinds.map((kind) => {
      const row = stored.get(kind);
      return [
        kind,
        row
          ? {
              kind,
              enabled: row.enabled === 1,
              delayAmount: row.delayAmount,
              ownerMode: row.ownerMode,
              ownerUserId: row.ownerUserId,
              minVipLevel: row.minVipLevel,
              updatedAt: row.updatedAt,
            }
          : { ...defaultRules[kind], updatedAt: null },
      ];
    }),
  );
}

const presentRule = (rule: RuleSettings & { updatedAt: number | null }): FollowUpRule => ({
  kind: rule.kind,
  enabled: rule.enabled,
  delayAmount: rule.delayAmount,
  ownerMode: rule.ownerMode,
  ownerUserId: rule.ownerUserId,
  minVipLevel: rule.minVipLevel,
  updatedAt: rule.updatedAt === null ? null : isoOf(rule.updatedAt),
});

export async function listRules(db: Db, actor: Actor): Promise<FollowUpRule[]> {
  return [...(await rulesOf(db, actor.shopId)).values()].map(presentRule);
}

export function updateRule(
  deps: FollowUpDeps,
  actor: Actor,
  kind: FollowUpKind,
  input: z.output<typeof updateFollowUpRuleSchema>,
): Promise<FollowUpRule> {
  return runCommand(deps.db, deps.bus, async (trx) => {
    const before = (await rulesOf(trx, actor.shopId)).get(kind) ?? { ...defaultRules[kind], updatedAt: null };
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      updatedAt: deps.now(),
    } as RuleSettings & { updatedAt: number };
    if (after.ownerMode === 'user') {
      const owner = after.ownerUserId
        ? await getAgent(trx, actor, after.ownerUserId).catch(() => null)
        : null;
      if (!owner || owner.status !== 'active') throw new AppError('follow_up_owner_required');
    } else {
      after.ownerUserId = null;
    }
    await repo.upsertRule(trx, {
      shopId: actor.shopId,
      kind,
      enabled: after.enabled ? 1 : 0,
      delayAmount: after.delayAmount,
      ownerMode: after.ownerMode,
      ownerUserId: after.ownerUserId,
      minVipLevel: after.minVipLevel,
      updatedAt: after.updatedAt,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'follow_up_rule.updated',
      entityType: 'follow_up_rule',
      entityId: kind,
      changes: Object.fromEntries(
        Object.keys(input).map((key) => [
          key,
          [before[key as keyof RuleSettings], after[key as keyof RuleSettings]],
        ]),
      ),
    });
    return presentRule(after);
  });
}

// ── tasks ─────────────────────────────────────────────────────────────────────────────────────────────────

async function presentTasks(
  db: Db,
  shopId: string,
  rows: FollowUpTaskTable[],
  now: number,
): Promise<FollowUpTask[]> {
  const [customers, names] = await Promise.all([
    customersById(
      db,
      shopId,
      rows.flatMap((row) => (row.customerId ? [row.customerId] : [])),
    ),
    staffNames(
      db,
      shopId,
      rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])),
    ),
  ]);
  return rows.map((row) => {
    const late = isLate(row, now);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      customer: row.customerId
        ? { id: row.customerId, displayName: customers.get(row.customerId)?.displayName ?? '' }
        : null,
      workOrderId: row.workOrderId,
      conversationId: row.conversationId,
      owner: row.ownerId ? { id: row.ownerId, displayName: names.get(row.ownerId) ?? '' } : null,
      dueAt: isoOf(row.dueAt),
      overdue: row.status !== 'cancelled' && late,
      overdueAt: row.overdueAt === null ? null : isoOf(row.overdueAt),
      completedAt: row.completedAt === null ? null : isoOf(row.completedAt),
      late: row.status === 'done' && late,
      result:
        row.status === 'done'
          ? {
              reached: row.reached === 1,
              satisfaction: row.satisfaction,
              newProblems: row.newProblems,
              suggestion: row.suggestion,
              note: row.note,
            }
          : null,
      createdAt: isoOf(row.createdAt),
      version: row.version,
    };
  });
}

export async function listTasks(
  deps: FollowUpDeps,
  actor: Actor,
  query: z.output<typeof listFollowUpsQuerySchema>,
  customerIds?: readonly string[],
): Promise<FollowUpTask[]> {
  const supervise = actor.permissions.has(followUpPolicy.supervise);
  const ownerId = query.owner === 'me' || !supervise ? actor.userId : query.owner;
  const rows = await repo.listTasks(deps.db, actor.shopId, {
    status: query.status,
    ownerId: customerIds && supervise ? undefined : ownerId,
    customerIds: customerIds ?? (query.customerId ? [query.customerId] : undefined),
    kind: query.kind,
    now: deps.now(),
    limit: 500,
  });
  return presentTasks(deps.db, actor.shopId, rows, deps.now());
}

/** The open follow-up tasks one person holds, soonest due first (a shift hand-over attaches them). */
export async function openTasksOf(
  db: Db,
  shopId: string,
  ownerId: string,
): Promise<Array<{ id: string; title: string; dueAt: string }>> {
  // `now` only matters to the "overdue" filter, which this does not use.
  const rows = await repo.listTasks(db, shopId, { status: 'open', ownerId, now: 0, limit: 200 });
  return rows.map((row) => ({ id: row.id, title: row.title, dueAt: isoOf(row.dueAt) }));
}

/** The follow-ups of a customer's profile (every owner's, for the timeline; the caller may see the profile). */
export async function tasksOfCustomers(deps: FollowUpDeps, shopId: string, customerIds: readonly string[]) {
  const rows = await repo.listTasks(deps.db, shopId, { customerIds, now: deps.now(), limit: 500 });
  return presentTasks(deps.db, shopId, rows, deps.now());
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<FollowUpTaskTable> {
  const row = await repo.findTask(db, actor.shopId, id);
  if (!row || (row.ownerId !== actor.userId && !actor.permissions.has(followUpPolicy.supervise))) {
    throw notFound();
  }
  return row;
}

export async function getTask(deps: FollowUpDeps, actor: Actor, id: string): Promise<FollowUpTask> {
  const row = await loadVisible(deps.db, actor, id);
  const [task] = await presentTasks(deps.db, actor.shopId, [row], deps.now());
  return task!;
}

/** A follow-up made by hand (any kind), for the creator or a named owner. */
export function createTask(
  deps: FollowUpDeps,
  actor: Actor,
  input: z.output<typeof createFollowUpSchema>,
): Promise<FollowUpTask> {
  return runCommand(deps.db, deps.bus, async (trx) => {
    const now = deps.now();
    let customerId = input.customerId ?? null;
    if (input.workOrderId) {
      const workOrder = await workOrderBrief(trx, actor.shopId, input.workOrderId);
      if (!workOrder) throw notFound();
      customerId ??= workOrder.customerId;
    }
    if (customerId && !(await customerFacts(trx, actor.shopId, customerId))) throw notFound();
    if (input.ownerId && input.ownerId !== actor.userId) {
      const owner = await getAgent(trx, actor, input.ownerId).catch(() => null);
      if (!owner || owner.status !== 'active') throw new AppError('invalid_assignee');
    }
    const row: FollowUpTaskTable = {
      ...blankTask(actor.shopId, input.kind, now),
      title: input.title ?? titles[input.kind],
      customerId,
      workOrderId: input.workOrderId ?? null,
      ownerId: input.ownerId ?? actor.userId,
      dueAt: Date.parse(input.dueAt),
      createdBy: actor.userId,
    };
    await repo.insertTask(trx, row);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'follow_up_task.created',
      entityType: 'follow_up_task',
      entityId: row.id,
      changes: { kind: row.kind, ownerId: row.ownerId, dueAt: input.dueAt },
    });
    const [task] = await presentTasks(trx, actor.shopId, [row], now);
    return task!;
  });
}

/** An open task of `kind` with nothing filled in yet (rules, hand entries and the demo seed fill in the rest). */
export function blankTask(shopId: string, kind: FollowUpKind, now: number): FollowUpTaskTable {
  return {
    id: newId(now),
    shopId,
    kind,
    status: 'open',
    originKey: null,
    customerId: null,
    workOrderId: null,
    conversationId: null,
    ownerId: null,
    title: titles[kind],
    dueAt: now,
    overdueAt: null,
    completedAt: null,
    completedBy: null,
    reached: null,
    satisfaction: null,
    newProblems: '',
    suggestion: '',
    note: '',
    createdBy: null,
    createdAt: now,
    version: 1,
  };
}

/**
 * The result form (SPEC §6: satisfaction, new problems, suggestions). A satisfaction level heard on the call of a
 * work order's follow-up is the customer's verdict on it: unsatisfied reopens it, otherwise it closes. A suggestion
 * becomes a suggestion for a department to route.
 */
export function completeTask(
  deps: FollowUpDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof completeFollowUpSchema>,
): Promise<FollowUpTask> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const now = deps.now();
    const row = await loadVisible(trx, actor, id);
    if (row.status !== 'open') throw new AppError('follow_up_closed');
    const satisfaction = input.reached ? (input.satisfaction ?? null) : null;
    const after = await repo.updateTask(trx, actor.shopId, id, {
      status: 'done',
      completedAt: now,
      completedBy: actor.userId,
      reached: input.reached ? 1 : 0,
      satisfaction,
      newProblems: input.newProblems,
      suggestion: input.suggestion,
      note: input.note,
    });
    if (satisfaction && row.workOrderId) {
      const workOrder = await workOrderBrief(trx, actor.shopId, row.workOrderId);
      const expectsVerdict =
        workOrder &&
        (['resolved', 'awaiting_verdict'].includes(workOrder.status) ||
          (workOrder.status === 'closed' && satisfaction === 'unsatisfied'));
      if (expectsVerdict) {
        await applyCustomerVerdict(deps, trx, emit, actor.shopId, row.workOrderId, {
          satisfaction,
          note: input.newProblems || input.note,
          source: { kind: 'staff', actorId: actor.userId },
        });
      }
    }
    if (input.suggestion) {
      await createSuggestionIn(trx, actor.shopId, {
        customerId: row.customerId,
        sourceKind: 'follow_up',
        sourceId: row.id,
        text: input.suggestion,
        departmentId: null,
        createdBy: actor.userId,
        now,
      });
    }
    emit({
      type: 'followup.completed',
      shopId: actor.shopId,
      taskId: row.id,
      ownerId: row.ownerId,
      kind: row.kind,
      dueAt: isoOf(row.dueAt),
      completedAt: isoOf(now),
      late: isLate({ dueAt: row.dueAt, completedAt: now }, now),
      formComplete: formComplete({ ...input, satisfaction }),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'follow_up_task.completed',
      entityType: 'follow_up_task',
      entityId: row.id,
      changes: { reached: input.reached, satisfaction },
    });
    const [task] = await presentTasks(trx, actor.shopId, [after], now);
    return task!;
  });
}

/** Cancels a task that is no longer needed (a supervisor, or its owner). */
export function cancelTask(deps: FollowUpDeps, actor: Actor, id: string): Promise<FollowUpTask> {
  return runCommand(deps.db, deps.bus, async (trx) => {
    const row = await loadVisible(trx, actor, id);
    if (row.status !== 'open') throw new AppError('follow_up_closed');
    const after = await repo.updateTask(trx, actor.shopId, id, { status: 'cancelled' });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'follow_up_task.cancelled',
      entityType: 'follow_up_task',
      entityId: id,
      changes: {},
    });
    const [task] = await presentTasks(trx, actor.shopId, [after], deps.now());
    return task!;
  });
}

// ── tasks the rules create ────────────────────────────────────────────────────────────────────────────────

async function createByRule(
  deps: FollowUpDeps,
  trx: Db,
  shopId: string,
  rule: RuleSettings,
  task: {
    originKey: string;
    from: number;
    handlerId: string | null;
    customerId: string | null;
    workOrderId?: string | null;
    conversationId?: string | null;
    title: string;
  },
): Promise<boolean> {
  if (!rule.enabled) return false;
  const calendar = await deps.calendarOf(trx, shopId);
  const now = deps.now();
  return repo.insertTask(trx, {
    ...blankTask(shopId, rule.kind, now),
    originKey: task.originKey,
    title: task.title,
    customerId: task.customerId,
    workOrderId: task.workOrderId ?? null,
    conversationId: task.conversationId ?? null,
    ownerId: ownerOf(rule, task.handlerId),
    dueAt: followUpDueAt(calendar, rule.kind, task.from, rule.delayAmount),
  });
}

async function maybeQuestionnaire(
  deps: FollowUpDeps,
  trx: Db,
  shopId: string,
  rule: RuleSettings,
  subject: {
    originKey: string;
    from: number;
    handlerId: string | null;
    customerId: string | null;
    title: string;
  },
) {
  if (!rule.enabled || !subject.customerId) return;
  const customer = await customerFacts(trx, shopId, subject.customerId);
  if (!customer) return;
  // Earlier contacts: the follow-ups this customer already had (each resolved problem or consultation made one).
  const earlierContacts = Math.max(0, (await repo.countTasksOfCustomer(trx, shopId, subject.customerId)) - 1);
  if (!wantsQuestionnaire(rule, { vipLevel: customer.vipLevel, earlierContacts })) return;
  if (await repo.hasOpenTask(trx, shopId, subject.customerId, 'questionnaire')) return;
  await createByRule(deps, trx, shopId, rule, subject);
}

/** A resolved work order → the phone follow-up (and an on-site visit when it concerns product use). */
export function onWorkOrderChanged(deps: FollowUpDeps, shopId: string, workOrder: WorkOrder) {
  if (workOrder.status !== 'resolved') return Promise.resolve();
  return runCommand(deps.db, deps.bus, async (trx) => {
    const rules = await rulesOf(trx, shopId);
    const from = Date.parse(workOrder.updatedAt);
    const subject = {
      from,
      handlerId: workOrder.assignment.agentId ?? workOrder.createdBy,
      customerId: workOrder.customer?.id ?? null,
      workOrderId: workOrder.id,
    };
    const round = `${workOrder.id}:${workOrder.reopenCount}`;
    await createByRule(deps, trx, shopId, rules.get('phone')!, {
      ...subject,
      originKey: `phone:${round}`,
      title: `${titles.phone} ${workOrder.number} ${workOrder.title}`,
    });
    if (concernsProductUse(workOrder)) {
      await createByRule(deps, trx, shopId, rules.get('on_site')!, {
        ...subject,
        originKey: `on_site:${round}`,
        title: `${titles.on_site} ${workOrder.number} ${workOrder.title}`,
      });
    }
    await maybeQuestionnaire(deps, trx, shopId, rules.get('questionnaire')!, {
      ...subject,
      originKey: `questionnaire:${round}`,
      title: `${titles.questionnaire} ${workOrder.number}`,
    });
  });
}

/** A consultation that ended → the next-day follow-up (seed 003 §4). */
export function onConversationChanged(deps: FollowUpDeps, shopId: string, conversation: Conversation) {
  if (conversation.status !== 'closed' || !conversation.closedAt || !conversation.agentId)
    return Promise.resolve();
  return runCommand(deps.db, deps.bus, async (trx) => {
    const rules = await rulesOf(trx, shopId);
    const subject = {
      from: Date.parse(conversation.closedAt ?? ''),
      handlerId: conversation.agentId,
      customerId: conversation.customer.id,
      conversationId: conversation.id,
    };
    await createByRule(deps, trx, shopId, rules.get('consultation')!, {
      ...subject,
      originKey: `consultation:${conversation.id}`,
      title: `${titles.consultation} ${conversation.customer.displayName}`,
    });
    await maybeQuestionnaire(deps, trx, shopId, rules.get('questionnaire')!, {
      ...subject,
      originKey: `questionnaire:${conversation.id}`,
      title: `${titles.questionnaire} ${conversation.customer.displayName}`,
    });
  });
}

// ── the overdue sweep ─────────────────────────────────────────────────────────────────────────────────────

/** Records each open task past its due time once (a conditional update claims it) and publishes followup.overdue. */
export async function sweepOverdue(deps: FollowUpDeps, batch = 200): Promise<number> {
  const now = deps.now();
  let recorded = 0;
  for (const task of await repo.dueUnrecorded(deps.db, now, batch)) {
    const claimed = await runCommand(deps.db, deps.bus, async (trx, emit: Emit) => {
      if (!(await repo.claimOverdue(trx, task.id, now))) return false;
      emit({
        type: 'followup.overdue',
        shopId: task.shopId,
        taskId: task.id,
        ownerId: task.ownerId,
        kind: task.kind,
        dueAt: isoOf(task.dueAt),
        at: isoOf(now),
      });
      return true;
    });
    if (claimed) recorded += 1;
  }
  return recorded;
}
