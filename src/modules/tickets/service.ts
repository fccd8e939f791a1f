// Work orders 工单 (SPEC §4): created from a chat, a call, an order event or by hand; handed to an agent, a
// department or the complaint team with key points, the customer's requirement and a deadline; moved through the
// status flow of rules.ts; replies reach the customer's chat, notes stay inside; every change is an append-only
// history entry. Each change drives the work order's SLA clocks and publishes 'workorder.changed'.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { lockForTransaction } from '../../db/locks.js';
import { isoOf } from '../../db/instants.js';
import type { Database, WorkOrderEntryTable, WorkOrderTable } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit } from '../../server/events.js';
import type { CommerceEvent } from '../../shared/commerce.js';
import type { Locale } from '../../shared/locales.js';
import type {
  AssigneeChoices,
  AssignmentTarget,
  WorkOrder,
  WorkOrderDetail,
  WorkOrderEntry,
  createWorkOrderSchema,
  extendDeadlineSchema,
  listWorkOrdersQuerySchema,
  transitionWorkOrderSchema,
  updateWorkOrderSchema,
  workOrderReplySchema,
} from '../../shared/schemas/work-orders.js';
import { renderTemplate } from '../../shared/templates.js';
import {
  openWorkOrderStatuses,
  type SatisfactionLevel,
  type WorkOrderEntryKind,
} from '../../shared/work-orders.js';
import { toZonedParts } from '../../shared/zoned-time.js';
import type { z } from 'zod';
import { getConversation, postWorkOrderReply } from '../conversations/service.js';
import { customersById } from '../customers/service.js';
import {
  overdueWorkOrderIds,
  recordSlaEvent,
  restartResolutionClocks,
  setWorkOrderDeadline,
  setWorkOrderOwner,
  workOrderClocks,
  workOrderStatusChanged,
  type SlaDeps,
  type SubjectOwner,
} from '../sla/service.js';
import { getChatSettings } from '../shops/service.js';
import { activeStaffIds, getAgent, listAgents, listDepartments, staffNames } from '../team/service.js';
import { canHandle, claimsOnAction, visibilityOf, type WorkOrderViewer } from './policy.js';
import * as repo from './repo.js';
import {
  allowedTransitions,
  checkExtension,
  checkTransition,
  clockEffectOf,
  complaintApology,
  extensionNotice,
  verdictOf,
  workOrderNumber,
} from './rules.js';

type Db = Kysely<Database>;
export type TicketDeps = SlaDeps;

type CreateInput = z.output<typeof createWorkOrderSchema>;

/** Where a work order came from when it is not a chat or a hand entry: a call (SPEC §2) or an order event. */
export type WorkOrderSource = { kind: 'call'; id: string } | { kind: 'order'; id: string; originKey: string };

// ── reading ───────────────────────────────────────────────────────────────────────────────────────────────

async function viewerOf(db: Db, actor: Actor): Promise<WorkOrderViewer> {
  const me = await getAgent(db, actor, actor.userId);
  return { actor, departmentId: me.departmentId };
}

async function presentMany(
  deps: TicketDeps,
  db: Db,
  shopId: string,
  rows: WorkOrderTable[],
): Promise<WorkOrder[]> {
  const now = deps.now();
  const ids = rows.map((row) => row.id);
  const [clocks, customers, names] = await Promise.all([
    workOrderClocks(db, shopId, ids, now),
    customersById(
      db,
      shopId,
      rows.flatMap((row) => (row.customerId ? [row.customerId] : [])),
    ),
    staffNames(
      db,
      shopId,
      rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])),
    ),
  ]);
  return rows.map((row) => {
    const own = clocks.get(row.id) ?? [];
    const due = own.flatMap((clock) => (clock.dueAt ? [Date.parse(clock.dueAt)] : []));
    const customer = row.customerId ? customers.get(row.customerId) : undefined;
    return {
      id: row.id,
      number: workOrderNumber(row.number),
      type: row.type,
      priority: row.priority,
      status: row.status,
      title: row.title,
      description: row.description,
      customer: row.customerId ? { id: row.customerId, displayName: customer?.displayName ?? '' } : null,
      contactName: row.contactName,
      sourceKind: row.sourceKind,
      sourceId: row.sourceId,
      conversationId: row.conversationId,
      orderNo: row.orderNo,
      complaintCategory: row.complaintCategory,
      assignment: {
        kind: row.assigneeId
          ? 'agent'
          : row.complaintTeam === 1
            ? 'complaint_team'
            : row.departmentId
              ? 'department'
              : null,
        agentId: row.assigneeId,
        agentName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
        departmentId: row.departmentId,
      },
      keyPoints: row.keyPoints,
      customerRequirement: row.customerRequirement,
      deadline: row.deadlineAt === null ? null : isoOf(row.deadlineAt),
      satisfaction: row.satisfaction,
      reopenCount: row.reopenCount,
      createdBy: row.createdBy,
      clocks: own,
      dueAt: due.length > 0 ? isoOf(Math.min(...due)) : null,
      overdue: own.some((clock) => clock.phase !== 'stopped' && clock.state === 'breached'),
      version: row.version,
      createdAt: isoOf(row.createdAt),
      updatedAt: isoOf(row.updatedAt),
    };
  });
}

async function presentOne(deps: TicketDeps, db: Db, row: WorkOrderTable): Promise<WorkOrder> {
  const [view] = await presentMany(deps, db, row.shopId, [row]);
  if (!view) throw notFound();
  return view;
}

async function presentEntries(
  db: Db,
  shopId: string,
  rows: WorkOrderEntryTable[],
): Promise<WorkOrderEntry[]> {
  const names = await staffNames(
    db,
    shopId,
    rows.flatMap((row) => (row.actorId ? [row.actorId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    actorId: row.actorId,
    actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
    body: row.body,
    data: JSON.parse(row.data) as Record<string, unknown>,
    conversationId: row.conversationId,
    at: isoOf(row.at),
  }));
}

async function apologyFor(
  db: Db,
  row: WorkOrderTable,
  view: WorkOrder,
  actor: Actor,
): Promise<string | null> {
  if (row.type !== 'complaint' || row.apologySentAt !== null || !row.customerId) return null;
  const settings = await getChatSettings(db, row.shopId);
  return renderTemplate(complaintApology[settings.locale], {
    customerName: view.customer?.displayName,
    agentName: actor.displayName,
    shopName: settings.name,
  });
}

async function detailOf(
  deps: TicketDeps,
  db: Db,
  actor: Actor,
  row: WorkOrderTable,
  /** the work order as already presented in this command (publishChange), not presented twice */
  presented?: WorkOrder,
): Promise<WorkOrderDetail> {
  const workOrder = presented ?? (await presentOne(deps, db, row));
  return {
    workOrder,
    history: await presentEntries(db, row.shopId, await repo.entriesOf(db, row.shopId, row.id)),
    apologyText: await apologyFor(db, row, workOrder, actor),
    allowedStatuses: [...allowedTransitions(row.status)],
  };
}

async function loadHandled(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: WorkOrderTable; viewer: WorkOrderViewer }> {
  const row = await repo.findWorkOrder(db, actor.shopId, id);
  const viewer = await viewerOf(db, actor);
  // Someone else's work order is as invisible as one of another shop.
  if (!row || !canHandle(viewer, row)) throw notFound();
  return { row, viewer };
}

export async function getWorkOrder(deps: TicketDeps, actor: Actor, id: string): Promise<WorkOrderDetail> {
  const { row } = await loadHandled(deps.db, actor, id);
  return detailOf(deps, deps.db, actor, row);
}

export async function listWorkOrders(
  deps: TicketDeps,
  actor: Actor,
  query: z.output<typeof listWorkOrdersQuerySchema>,
): Promise<WorkOrder[]> {
  const { db } = deps;
  const viewer = await viewerOf(db, actor);
  const overdueIds =
    query.overdue === 'true' ? await overdueWorkOrderIds(db, actor.shopId, deps.now()) : undefined;
  const rows = await repo.listWorkOrders(db, actor.shopId, visibilityOf(viewer), {
    statuses: query.status === 'open' ? openWorkOrderStatuses : query.status ? [query.status] : undefined,
    type: query.type,
    assigneeId:
      query.assignee === 'me'
        ? actor.userId
        : query.assignee === 'unassigned'
          ? null
          : query.assignee === 'complaint_team'
            ? undefined
            : query.assignee,
    complaintTeam: query.assignee === 'complaint_team',
    customerId: query.customerId,
    conversationId: query.conversationId,
    ids: overdueIds,
    limit: 500,
  });
  const views = await presentMany(deps, db, actor.shopId, rows);
  return query.overdue === 'false' ? views.filter((view) => !view.overdue) : views;
}

/** Who a work order can be handed to: the shop's active staff (names only) and its departments. */
export async function assigneeChoices(db: Db, actor: Actor): Promise<AssigneeChoices> {
  const [staff, departments] = await Promise.all([
    listAgents(db, actor, { status: 'active' }),
    listDepartments(db, actor),
  ]);
  return {
    staff: staff.map(({ id, displayName, role, departmentId }) => ({ id, displayName, role, departmentId })),
    departments: departments.map(({ id, name }) => ({ id, name })),
  };
}

/** The work order holding an order / after-sale subject: its breaches name the holder (the SLA module asks). */
export async function ownerOfOrderSubject(
  db: Db,
  shopId: string,
  subjectKey: string,
): Promise<SubjectOwner | null> {
  const row = await repo.findOpenBySubject(db, shopId, subjectKey);
  return row ? { workOrderId: row.id, agentId: row.assigneeId, departmentId: row.departmentId } : null;
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────────────────

/** The user ids told of a change: the holder, the creator and the team or department it is handed to. */
async function watchersOf(db: Db, row: WorkOrderTable): Promise<string[]> {
  const ids = new Set<string>();
  if (row.assigneeId) ids.add(row.assigneeId);
  if (row.createdBy) ids.add(row.createdBy);
  if (row.complaintTeam === 1) {
    for (const id of await activeStaffIds(db, row.shopId, { role: 'complaint_team' })) ids.add(id);
  }
  if (row.departmentId) {
    for (const id of await activeStaffIds(db, row.shopId, { departmentId: row.departmentId })) ids.add(id);
  }
  return [...ids];
}

async function publishChange(deps: TicketDeps, trx: Db, emit: Emit, row: WorkOrderTable): Promise<WorkOrder> {
  const workOrder = await presentOne(deps, trx, row);
  emit({ type: 'workorder.changed', shopId: row.shopId, workOrder, watchers: await watchersOf(trx, row) });
  return workOrder;
}

async function addEntry(
  trx: Db,
  row: WorkOrderTable,
  entry: {
    kind: WorkOrderEntryKind;
    actorId: string | null;
    body?: string;
    data?: Record<string, unknown>;
    conversationId?: string | null;
    at: number;
  },
): Promise<void> {
  await repo.insertEntry(trx, {
    id: newId(entry.at),
    shopId: row.shopId,
    workOrderId: row.id,
    kind: entry.kind,
    actorId: entry.actorId,
    body: entry.body ?? '',
    data: JSON.stringify(entry.data ?? {}),
    conversationId: entry.conversationId ?? null,
    at: entry.at,
  });
}

interface Holder {
  assigneeId: string | null;
  departmentId: string | null;
  complaintTeam: number;
}

/** Checks an assignment target against the shop: an active staff member, or one of its departments. */
async function holderOf(db: Db, actor: Actor, target: AssignmentTarget): Promise<Holder> {
  if (target.kind === 'complaint_team') return { assigneeId: null, departmentId: null, complaintTeam: 1 };
  if (target.kind === 'department') {
    const departments = await listDepartments(db, actor);
    if (!departments.some((department) => department.id === target.departmentId)) {
      throw new AppError('invalid_assignee');
    }
    return { assigneeId: null, departmentId: target.departmentId, complaintTeam: 0 };
  }
  const agent = await getAgent(db, actor, target.agentId).catch(() => null);
  if (!agent || agent.status !== 'active') throw new AppError('invalid_assignee');
  return { assigneeId: agent.id, departmentId: agent.departmentId, complaintTeam: 0 };
}

function workOrderSubject(row: WorkOrderTable) {
  return {
    kind: 'work_order' as const,
    key: row.id,
    workOrderId: row.id,
    workOrderType: row.type,
    customerId: row.customerId,
    agentId: row.assigneeId,
    departmentId: row.departmentId,
  };
}

/** Numbers are taken under a per-shop lock, so two creations at once never read the same last number. */
async function insertNumbered(trx: Db, row: WorkOrderTable): Promise<WorkOrderTable> {
  await lockForTransaction(trx, `kefu:work-order-number:${row.shopId}`);
  const numbered = { ...row, number: await repo.nextNumber(trx, row.shopId) };
  await repo.insertWorkOrder(trx, numbered);
  return numbered;
}

async function createIn(
  deps: TicketDeps,
  trx: Db,
  emit: Emit,
  actor: Actor | null,
  shopId: string,
  input: CreateInput,
  source: WorkOrderSource | null,
): Promise<WorkOrderTable> {
  const now = deps.now();
  let customerId = input.customerId ?? null;
  let orderNo = input.orderNo ?? null;
  if (input.conversationId && actor) {
    const conversation = await getConversation(trx, actor, input.conversationId);
    customerId = conversation.customer.id;
    orderNo ??= conversation.orderId;
  }
  if (customerId && !(await customersById(trx, shopId, [customerId])).has(customerId)) throw notFound();
  const holder: Holder = input.assignTo
    ? await holderOf(trx, actor as Actor, input.assignTo)
    : { assigneeId: actor?.userId ?? null, departmentId: null, complaintTeam: 0 };
  const deadline = input.deadline ? Date.parse(input.deadline) : null;
  if (deadline !== null && deadline <= now) throw new AppError('extension_not_later');
  const row = await insertNumbered(trx, {
    id: newId(now),
    shopId,
    number: 0,
    type: input.type,
    priority: input.priority,
    status: 'analysing',
    statusBeforeWait: null,
    title: input.title,
    description: input.description,
    customerId,
    contactName: input.contactName ?? null,
    sourceKind: source?.kind ?? (input.conversationId ? 'chat' : 'manual'),
    sourceId: source?.id ?? input.conversationId ?? null,
    originKey: source?.kind === 'order' ? source.originKey : null,
    conversationId: input.conversationId ?? null,
    orderNo,
    subjectKey: orderNo,
    complaintCategory: input.type === 'complaint' ? (input.complaintCategory ?? 'other') : null,
    ...holder,
    keyPoints: input.keyPoints ?? '',
    customerRequirement: input.customerRequirement ?? '',
    deadlineAt: deadline,
    satisfaction: null,
    reopenCount: 0,
    apologySentAt: null,
    firstReplyAt: null,
    resolvedAt: null,
    closedAt: null,
    createdBy: actor?.userId ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  await addEntry(trx, row, {
    kind: 'created',
    actorId: actor?.userId ?? null,
    body: row.description,
    data: { type: row.type, priority: row.priority, source: row.sourceKind, sourceId: row.sourceId },
    at: now,
  });
  if (input.assignTo) {
    await addEntry(trx, row, {
      kind: 'assigned',
      actorId: actor?.userId ?? null,
      data: {
        target: input.assignTo,
        keyPoints: row.keyPoints,
        customerRequirement: row.customerRequirement,
        deadline: input.deadline ?? null,
      },
      at: now,
    });
  }
  await recordSlaEvent(deps, trx, emit, shopId, 'workorder.created', workOrderSubject(row), now);
  if (deadline !== null) await setWorkOrderDeadline(deps, trx, emit, shopId, row.id, deadline, now);
  return row;
}

/** A work order created from a chat, a call (`source`) or by hand. */
export function createWorkOrder(
  deps: TicketDeps,
  actor: Actor,
  input: CreateInput,
  source: WorkOrderSource | null = null,
): Promise<WorkOrderDetail> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const row = await createIn(deps, trx, emit, actor, actor.shopId, input, source);
    return detailOf(deps, trx, actor, row, await publishChange(deps, trx, emit, row));
  });
}

const anomalyTitles: Record<Locale, string> = { 'zh-CN': '订单异常核实', en: 'Order anomaly verification' };

/**
 * Order-side events that open work by themselves: an anomaly report 订单异常 becomes an order-anomaly work order
 * (once per reported event), unassigned for the supervisors to hand out. After-sale applications and returns do
 * not: their review and refund clocks run on the order subject and a work order made by hand for that number
 * takes them over.
 */
export function openWorkFromCommerce(deps: TicketDeps, shopId: string, events: readonly CommerceEvent[]) {
  const anomalies = events.filter((event) => event.kind === 'anomaly_reported');
  if (anomalies.length === 0) return Promise.resolve(0);
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const { locale } = await getChatSettings(trx, shopId);
    let created = 0;
    for (const event of anomalies) {
      const originKey = `commerce:${event.id}`;
      if (await repo.findByOrigin(trx, shopId, originKey)) continue;
      const row = await createIn(
        deps,
        trx,
        emit,
        null,
        shopId,
        {
          type: 'order_anomaly',
          priority: 'high',
          title: `${anomalyTitles[locale]} ${event.orderNo}`,
          description: '',
          ...(event.customerId ? { customerId: event.customerId } : {}),
          orderNo: event.subjectKey,
        },
        { kind: 'order', id: event.id, originKey },
      );
      await publishChange(deps, trx, emit, row);
      created += 1;
    }
    return created;
  });
}

/** Runs a change on a work order the caller may handle; a team member acting on team work takes it on. */
function change(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  work: (trx: Db, emit: Emit, row: WorkOrderTable, now: number) => Promise<WorkOrderTable>,
): Promise<WorkOrderDetail> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const now = deps.now();
    const loaded = await loadHandled(trx, actor, id);
    const { viewer } = loaded;
    let { row } = loaded;
    if (claimsOnAction(viewer, row)) {
      row = await repo.updateWorkOrder(trx, actor.shopId, id, { assigneeId: actor.userId, updatedAt: now });
      await setWorkOrderOwner(trx, actor.shopId, id, {
        agentId: actor.userId,
        departmentId: row.departmentId,
      });
      await addEntry(trx, row, { kind: 'assigned', actorId: actor.userId, data: { claimed: true }, at: now });
    }
    const after = await work(trx, emit, row, now);
    return detailOf(deps, trx, actor, after, await publishChange(deps, trx, emit, after));
  });
}

export function updateWorkOrder(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof updateWorkOrderSchema>,
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, async (trx, _emit, row, now) => {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(input) as Array<[keyof WorkOrderTable, unknown]>) {
      if (value !== undefined && row[key] !== value) changes[key] = [row[key], value];
    }
    if (Object.keys(changes).length === 0) return row;
    const after = await repo.updateWorkOrder(trx, actor.shopId, id, { ...input, updatedAt: now });
    await addEntry(trx, after, { kind: 'updated', actorId: actor.userId, data: changes, at: now });
    return after;
  });
}

/** SPEC §4 hand-over: to an agent, a department or the complaint team, with key points, requirement and deadline. */
export function assignWorkOrder(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: {
    target: AssignmentTarget;
    keyPoints?: string | undefined;
    customerRequirement?: string | undefined;
    deadline?: string | undefined;
    note?: string | undefined;
  },
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, async (trx, emit, row, now) => {
    if (row.status === 'closed') throw new AppError('illegal_transition');
    const holder = await holderOf(trx, actor, input.target);
    const deadline = input.deadline ? Date.parse(input.deadline) : null;
    if (deadline !== null && deadline <= now) throw new AppError('extension_not_later');
    const after = await repo.updateWorkOrder(trx, actor.shopId, id, {
      ...holder,
      ...(input.keyPoints !== undefined ? { keyPoints: input.keyPoints } : {}),
      ...(input.customerRequirement !== undefined ? { customerRequirement: input.customerRequirement } : {}),
      ...(deadline !== null ? { deadlineAt: deadline } : {}),
      updatedAt: now,
    });
    await setWorkOrderOwner(trx, actor.shopId, id, {
      agentId: holder.assigneeId,
      departmentId: holder.departmentId,
    });
    if (deadline !== null) await setWorkOrderDeadline(deps, trx, emit, actor.shopId, id, deadline, now);
    await addEntry(trx, after, {
      kind: 'assigned',
      actorId: actor.userId,
      body: input.note ?? '',
      data: {
        target: input.target,
        keyPoints: after.keyPoints,
        customerRequirement: after.customerRequirement,
        deadline: input.deadline ?? null,
      },
      at: now,
    });
    return after;
  });
}

interface TransitionInput {
  status: z.output<typeof transitionWorkOrderSchema>['status'];
  satisfaction?: SatisfactionLevel | undefined;
  note?: string | undefined;
  /** how a verdict arrived: recorded by staff, or through the customer's own link */
  via?: 'staff' | 'customer' | undefined;
  /** a supervisor ending the loop with a reason: the status flow is not asked */
  supervisorClose?: boolean | undefined;
}

/** One status change with its clock effects and history entry; the caller has checked who may make it. */
async function applyTransition(
  deps: TicketDeps,
  trx: Db,
  emit: Emit,
  row: WorkOrderTable,
  input: TransitionInput,
  actorId: string | null,
  now: number,
): Promise<WorkOrderTable> {
  const check = input.supervisorClose
    ? { ok: true as const }
    : checkTransition(row.status, input.status, input.satisfaction);
  if (!check.ok) throw new AppError(check.code, { from: row.status, to: input.status });
  const to = input.status;
  const verdict = input.supervisorClose ? null : verdictOf(to, input.satisfaction);
  const reopening = to === 'reopened';
  const after = await repo.updateWorkOrder(trx, row.shopId, row.id, {
    status: to,
    statusBeforeWait: to === 'waiting_customer' ? row.status : null,
    ...(verdict ? { satisfaction: verdict } : {}),
    ...(to === 'resolved' ? { resolvedAt: now } : {}),
    ...(to === 'closed' ? { closedAt: now } : {}),
    ...(reopening ? { reopenCount: row.reopenCount + 1, resolvedAt: null, closedAt: null } : {}),
    updatedAt: now,
  });
  const effect = clockEffectOf(row.status, to);
  const subject = workOrderSubject(after);
  if (effect.stopEvent) await recordSlaEvent(deps, trx, emit, row.shopId, effect.stopEvent, subject, now);
  await workOrderStatusChanged(deps, trx, emit, row.shopId, row.id, to, now);
  if (effect.restartResolution) {
    await restartResolutionClocks(deps, trx, emit, row.shopId, subject, after.reopenCount, now);
  }
  await addEntry(trx, after, {
    kind: 'status',
    actorId,
    body: input.note ?? '',
    data: {
      from: row.status,
      to,
      ...(verdict ? { satisfaction: verdict } : {}),
      ...(input.via ? { via: input.via } : {}),
      ...(input.supervisorClose ? { supervisorClose: true } : {}),
    },
    at: now,
  });
  return after;
}

export function transitionWorkOrder(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof transitionWorkOrderSchema>,
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, (trx, emit, row, now) =>
    applyTransition(deps, trx, emit, row, input, actor.userId, now),
  );
}

/**
 * SPEC §6: the loop of reopening repeats until the customer is satisfied or a supervisor closes the work order with a
 * reason (kept in the history); the customer's last verdict stays as it was.
 */
export function closeWithReason(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, (trx, emit, row, now) => {
    if (row.status === 'closed') throw new AppError('illegal_transition', { from: row.status, to: 'closed' });
    return applyTransition(
      deps,
      trx,
      emit,
      row,
      { status: 'closed', note: reason, supervisorClose: true },
      actor.userId,
      now,
    );
  });
}

/** Where a customer's verdict came from: staff recording it (a follow-up call) or the customer's own link. */
export type VerdictSource = { kind: 'staff'; actorId: string } | { kind: 'customer' };

/**
 * SPEC §6: the customer's verdict on a resolved work order. A resolved order is first put to the customer
 * (awaiting_verdict); unsatisfied reopens it (also a closed one, when the customer is unhappy later) for its
 * holder, who is asked for the reason; satisfied or basically satisfied closes it. Both are status entries of the
 * history. A work order still being worked on expects no verdict.
 */
export async function applyCustomerVerdict(
  deps: TicketDeps,
  trx: Db,
  emit: Emit,
  shopId: string,
  workOrderId: string,
  verdict: { satisfaction: SatisfactionLevel; note: string; source: VerdictSource },
): Promise<WorkOrder> {
  const now = deps.now();
  let row = await repo.findWorkOrder(trx, shopId, workOrderId);
  if (!row) throw notFound();
  const actorId = verdict.source.kind === 'staff' ? verdict.source.actorId : null;
  const unsatisfied = verdict.satisfaction === 'unsatisfied';
  if (row.status === 'resolved') {
    row = await applyTransition(deps, trx, emit, row, { status: 'awaiting_verdict' }, actorId, now);
  }
  if (!['resolved', 'awaiting_verdict', 'closed'].includes(row.status))
    throw new AppError('verdict_not_expected');
  // A closed work order the customer confirms stays closed; only an unsatisfied verdict reopens it.
  if (row.status === 'closed' && !unsatisfied) return presentOne(deps, trx, row);
  row = await applyTransition(
    deps,
    trx,
    emit,
    row,
    {
      status: unsatisfied ? 'reopened' : 'closed',
      satisfaction: verdict.satisfaction,
      note: verdict.note.trim(),
      via: verdict.source.kind,
    },
    actorId,
    now,
  );
  return publishChange(deps, trx, emit, row);
}

/** A staff member who may handle the work order records the customer's verdict (e.g. heard on a follow-up call). */
export function recordVerdict(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: { satisfaction: SatisfactionLevel; note: string },
): Promise<WorkOrderDetail> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    await loadHandled(trx, actor, id);
    const workOrder = await applyCustomerVerdict(deps, trx, emit, actor.shopId, id, {
      ...input,
      source: { kind: 'staff', actorId: actor.userId },
    });
    const row = await repo.findWorkOrder(trx, actor.shopId, id);
    if (!row) throw notFound();
    return detailOf(deps, trx, actor, row, workOrder);
  });
}

/** A work order's customer and title, for modules that act for it without a staff caller (verdict links). */
export async function workOrderBrief(db: Db, shopId: string, id: string) {
  const row = await repo.findWorkOrder(db, shopId, id);
  return row
    ? {
        id: row.id,
        number: workOrderNumber(row.number),
        title: row.title,
        status: row.status,
        customerId: row.customerId,
        assigneeId: row.assigneeId,
      }
    : null;
}

/** The work orders of these customers the caller may see, with the verdicts of their history (the timeline). */
export async function workOrdersOfCustomers(
  deps: TicketDeps,
  actor: Actor,
  customerIds: readonly string[],
): Promise<{
  workOrders: WorkOrder[];
  verdicts: Array<{
    workOrderId: string;
    satisfaction: SatisfactionLevel;
    to: string;
    note: string;
    at: string;
  }>;
}> {
  const { db } = deps;
  const viewer = await viewerOf(db, actor);
  const rows = await repo.listWorkOrders(db, actor.shopId, visibilityOf(viewer), { customerIds, limit: 200 });
  const entries = await repo.verdictEntriesOf(
    db,
    actor.shopId,
    rows.map((row) => row.id),
  );
  return {
    workOrders: await presentMany(deps, db, actor.shopId, rows),
    verdicts: entries.flatMap((entry) => {
      const data = JSON.parse(entry.data) as { to?: string; satisfaction?: SatisfactionLevel };
      return data.satisfaction && data.to
        ? [
            {
              workOrderId: entry.workOrderId,
              satisfaction: data.satisfaction,
              to: data.to,
              note: entry.body,
              at: isoOf(entry.at),
            },
          ]
        : [];
    }),
  };
}

/** A reply the customer gets in their chat (progress updates included), or an internal note. */
export function replyToWorkOrder(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof workOrderReplySchema>,
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, async (trx, emit, row, now) => {
    if (input.internal) {
      await addEntry(trx, row, { kind: 'note', actorId: actor.userId, body: input.text, at: now });
      return repo.updateWorkOrder(trx, actor.shopId, id, { updatedAt: now });
    }
    if (!row.customerId) throw new AppError('customer_required');
    const delivered = await postWorkOrderReply(trx, emit, {
      shopId: actor.shopId,
      conversationId: row.conversationId,
      customerId: row.customerId,
      authorId: actor.userId,
      text: input.text,
      now,
    });
    const first = row.firstReplyAt === null;
    const after = await repo.updateWorkOrder(trx, actor.shopId, id, {
      ...(first ? { firstReplyAt: now } : {}),
      ...(row.apologySentAt === null && row.type === 'complaint' ? { apologySentAt: now } : {}),
      updatedAt: now,
    });
    if (first)
      await recordSlaEvent(deps, trx, emit, actor.shopId, 'workorder.replied', workOrderSubject(after), now);
    await addEntry(trx, after, {
      kind: 'reply',
      actorId: actor.userId,
      body: input.text,
      data: { delivered: delivered !== null },
      conversationId: delivered?.conversationId ?? null,
      at: now,
    });
    return after;
  });
}

function formatEta(instant: number, timeZone: string): string {
  const p = toZonedParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** SPEC §4: a deadline moves only with a reason and a new ETA, which the customer is told. */
export function extendDeadline(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof extendDeadlineSchema>,
): Promise<WorkOrderDetail> {
  return change(deps, actor, id, async (trx, emit, row, now) => {
    const newDueAt = Date.parse(input.newDueAt);
    const check = checkExtension({ reason: input.reason, newDueAt, now, status: row.status });
    if (!check.ok) throw new AppError(check.code);
    const after = await repo.updateWorkOrder(trx, actor.shopId, id, { deadlineAt: newDueAt, updatedAt: now });
    await setWorkOrderDeadline(deps, trx, emit, actor.shopId, id, newDueAt, now);
    const settings = await getChatSettings(trx, actor.shopId);
    const notice = renderTemplate(extensionNotice[settings.locale], {
      replyBy: formatEta(newDueAt, settings.serviceHours.timeZone),
    });
    const delivered = row.customerId
      ? await postWorkOrderReply(trx, emit, {
          shopId: actor.shopId,
          conversationId: row.conversationId,
          customerId: row.customerId,
          authorId: actor.userId,
          text: notice,
          now,
        })
      : null;
    await addEntry(trx, after, {
      kind: 'extended',
      actorId: actor.userId,
      body: input.reason.trim(),
      data: {
        from: row.deadlineAt === null ? null : isoOf(row.deadlineAt),
        to: input.newDueAt,
        notice,
        delivered: delivered !== null,
      },
      conversationId: delivered?.conversationId ?? null,
      at: now,
    });
    return after;
  });
}

/** Which of these conversations became complaints (quality sampling picks them). */
export function complaintConversations(db: Db, shopId: string, conversationIds: string[]): Promise<string[]> {
  return repo.complaintConversationIds(db, shopId, conversationIds);
}

/** The open work orders an agent holds (a shift hand-over lists them). */
export async function openWorkOrdersOf(db: Db, shopId: string, agentId: string) {
  const rows = await repo.openWorkOrdersOf(db, shopId, agentId, openWorkOrderStatuses);
  return rows.map((row) => ({ ...row, number: Number(row.number) }));
}

// ── facts for metrics (issue 6) ─────────────────────────────────────────────────────────────────────────────

export function workOrderFacts(db: Db, shopId: string, ids: readonly string[]) {
  return ids.length === 0 ? Promise.resolve([]) : repo.workOrderFactRows(db, shopId, ids);
}

export function workOrderIdsActiveBetween(db: Db, shopId: string, from: number, to: number) {
  return repo.workOrderIdsActiveBetween(db, shopId, from, to);
}

/** Who answers for each order / after-sale number in the metrics: the holder of its newest work order. */
export function subjectHolders(db: Db, shopId: string, subjectKeys: readonly string[]) {
  return subjectKeys.length === 0
    ? Promise.resolve(new Map<string, string | null>())
    : repo.latestHoldersOfSubjects(db, shopId, subjectKeys);
}

/** Complaints created in [from, to) with their category (the metrics' early warning). */
export function complaintsBetween(db: Db, shopId: string, from: number, to: number) {
  return repo.complaintRows(db, shopId, from, to);
}
