// SLA clocks (SPEC §4): policies per shop, one clock per policy and subject started and stopped by the events the
// policy names, paused in the statuses it names; every fact is stored and the clock's snapshot (due and warning
// instants) recomputed by the pure rules. The sweep records each warning and breach once, attributed to the
// agent who answers for the subject at that moment, and publishes 'sla.warning' / 'sla.breached'.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { isoOf, isoOrNull } from '../../db/instants.js';
import type { Database, SlaClockFactTable, SlaClockTable, SlaPolicyTable } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit, type EventBus } from '../../server/events.js';
import type { BusinessCalendar } from '../../shared/business-time.js';
import type { Locale } from '../../shared/locales.js';
import type { SlaAlert, SlaClock, SlaPolicy, UpdateSlaPolicy } from '../../shared/schemas/sla.js';
import type {
  SlaAlertKind,
  SlaEvent,
  SlaState,
  SlaSubjectKind,
  WorkOrderStatus,
  WorkOrderType,
} from '../../shared/work-orders.js';
import { recordAudit } from '../audit/service.js';
import { conversationAudience, lastServedBy } from '../conversations/service.js';
import { getChatSettings } from '../shops/service.js';
import { changedFields } from '../team/rules.js';
import { defaultSlaPolicies, type SlaPolicyDefinition } from './defaults.js';
import * as repo from './repo.js';
import { clockState, type ClockFact, type SlaTarget } from './rules.js';

type Db = Kysely<Database>;

/** Who answers for a subject: the work order holding it, its agent and department. */
export interface SubjectOwner {
  workOrderId: string | null;
  agentId: string | null;
  departmentId: string | null;
}

export interface SlaDeps {
  db: Db;
  bus: EventBus;
  /** The clock every instant is read from (tests drive it). */
  now: () => number;
  calendarOf: (db: Db, shopId: string) => Promise<BusinessCalendar>;
  /** The work order holding an order / after-sale subject, if any (given by the work-order module). */
  subjectOwner?: (db: Db, shopId: string, subjectKey: string) => Promise<SubjectOwner | null>;
}

/** A shop's policy as the clocks use it: a default's definition with its own name, state and id. */
export interface PolicyRule extends Omit<SlaPolicyDefinition, 'name'> {
  id: string;
  name: string;
  enabled: boolean;
  updatedAt: number;
}

function parseList<T>(text: string): T[] {
  return JSON.parse(text) as T[];
}

function toRule(row: SlaPolicyTable): PolicyRule {
  const target: SlaTarget =
    row.targetUnit === 'daily_cutoff'
      ? { unit: 'daily_cutoff', cutoff: row.targetCutoff ?? '18:00', dueBy: row.targetDueBy ?? '12:00' }
      : { unit: row.targetUnit, amount: row.targetAmount };
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    subject: row.subject,
    startEvent: row.startEvent as SlaEvent,
    stopEvents: parseList<SlaEvent>(row.stopEvents),
    workOrderTypes: parseList<WorkOrderType>(row.workOrderTypes),
    target,
    pauseStatuses: parseList<WorkOrderStatus>(row.pauseStatuses),
    warning: { kind: row.warnKind, value: row.warnValue },
    enabled: row.enabled === 1,
    updatedAt: row.updatedAt,
  };
}

function targetColumns(target: SlaTarget) {
  return target.unit === 'daily_cutoff'
    ? { targetUnit: target.unit, targetAmount: 0, targetCutoff: target.cutoff, targetDueBy: target.dueBy }
    : { targetUnit: target.unit, targetAmount: target.amount, targetCutoff: null, targetDueBy: null };
}

function presentPolicy(rule: PolicyRule): SlaPolicy {
  return {
    id: rule.id,
    key: rule.key,
    name: rule.name,
    subject: rule.subject,
    startEvent: rule.startEvent,
    stopEvents: rule.stopEvents,
    workOrderTypes: rule.workOrderTypes,
    target: rule.target,
    pauseStatuses: rule.pauseStatuses,
    warning: rule.warning,
    enabled: rule.enabled,
    updatedAt: isoOf(rule.updatedAt),
  };
}

// ── policies ──────────────────────────────────────────────────────────────────────────────────────────────

/** Gives a shop the default policies it lacks (a new shop, or a default added by an upgrade). */
export async function ensureDefaultPolicies(db: Db, shopId: string, locale: Locale): Promise<void> {
  const now = Date.now();
  for (const definition of defaultSlaPolicies) {
    await repo.insertPolicyIfAbsent(db, {
      id: newId(now),
      shopId,
      key: definition.key,
      name: definition.name[locale],
      subject: definition.subject,
      startEvent: definition.startEvent,
      stopEvents: JSON.stringify(definition.stopEvents),
      workOrderTypes: JSON.stringify(definition.workOrderTypes),
      ...targetColumns(definition.target),
      pauseStatuses: JSON.stringify(definition.pauseStatuses),
      warnKind: definition.warning.kind,
      warnValue: definition.warning.value,
      enabled: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** The shop's policies; a shop that has none yet gets the defaults first. */
export async function shopPolicies(db: Db, shopId: string): Promise<PolicyRule[]> {
  let rows = await repo.listPolicies(db, shopId);
  if (rows.length === 0) {
    await withTransaction(db, async (trx) =>
      ensureDefaultPolicies(trx, shopId, (await getChatSettings(trx, shopId)).locale),
    );
    rows = await repo.listPolicies(db, shopId);
  }
  return rows.map(toRule);
}

/**
 * A shop's SLA setup as one transaction has read it: a command that drives several clock changes and then presents
 * the work order (a status change: stop, pause, restart, present) reads the policies and the calendar once. Outside
 * a transaction nothing is kept.
 */
interface ShopSetup {
  policies: Promise<Map<string, PolicyRule>>;
  calendar?: Promise<BusinessCalendar>;
}

const setupsByTransaction = new WeakMap<Db, Map<string, ShopSetup>>();

function shopSetup(db: Db, shopId: string): ShopSetup {
  const load = (): ShopSetup => ({
    policies: shopPolicies(db, shopId).then((rules) => new Map(rules.map((rule) => [rule.id, rule]))),
  });
  if (!db.isTransaction) return load();
  let setups = setupsByTransaction.get(db);
  if (!setups) setupsByTransaction.set(db, (setups = new Map()));
  let setup = setups.get(shopId);
  if (!setup) setups.set(shopId, (setup = load()));
  return setup;
}

export async function listPolicies(db: Db, actor: Actor): Promise<SlaPolicy[]> {
  return (await shopPolicies(db, actor.shopId)).map(presentPolicy);
}

/** An admin's change of a policy; clocks already running keep the target they started with until their next fact. */
export function updatePolicy(db: Db, actor: Actor, id: string, input: UpdateSlaPolicy): Promise<SlaPolicy> {
  return withTransaction(db, async (trx) => {
    const row = await repo.findPolicy(trx, actor.shopId, id);
    if (!row) throw notFound();
    const before = toRule(row);
    if (input.warning?.kind === 'percent' && input.warning.value >= 100)
      throw new AppError('validation_failed');
    const after: PolicyRule = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.target !== undefined ? { target: input.target } : {}),
      ...(input.warning !== undefined ? { warning: input.warning } : {}),
      ...(input.pauseStatuses !== undefined ? { pauseStatuses: input.pauseStatuses } : {}),
      ...(input.workOrderTypes !== undefined ? { workOrderTypes: input.workOrderTypes } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    };
    const changes = changedFields(presentPolicy(before), presentPolicy(after));
    delete changes.updatedAt;
    if (Object.keys(changes).length === 0) return presentPolicy(before);
    after.updatedAt = Date.now();
    setupsByTransaction.get(trx)?.delete(actor.shopId);
    await repo.updatePolicy(trx, id, {
      name: after.name,
      ...targetColumns(after.target),
      warnKind: after.warning.kind,
      warnValue: after.warning.value,
      pauseStatuses: JSON.stringify(after.pauseStatuses),
      workOrderTypes: JSON.stringify(after.workOrderTypes),
      enabled: after.enabled ? 1 : 0,
      updatedAt: after.updatedAt,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'sla_policy.updated',
      entityType: 'sla_policy',
      entityId: id,
      changes,
    });
    return presentPolicy(after);
  });
}

// ── clocks ────────────────────────────────────────────────────────────────────────────────────────────────

export interface SlaSubject {
  kind: SlaSubjectKind;
  key: string;
  workOrderId?: string | null;
  workOrderType?: WorkOrderType;
  customerId?: string | null;
  agentId?: string | null;
  departmentId?: string | null;
}

/** What a command touching clocks carries: the deps, the transaction, its outbox and the shop's calendar. */
interface ClockContext {
  deps: SlaDeps;
  trx: Db;
  emit: Emit;
  shopId: string;
  calendar: () => Promise<BusinessCalendar>;
  policies: Map<string, PolicyRule>;
}

async function clockContext(deps: SlaDeps, trx: Db, emit: Emit, shopId: string): Promise<ClockContext> {
  const setup = shopSetup(trx, shopId);
  return {
    deps,
    trx,
    emit,
    shopId,
    calendar: () => (setup.calendar ??= deps.calendarOf(trx, shopId)),
    policies: await setup.policies,
  };
}

function toFact(row: SlaClockFactTable): ClockFact {
  return row.kind === 'retarget'
    ? { kind: 'retarget', at: row.at, dueAt: row.dueAt ?? row.at }
    : { kind: row.kind, at: row.at };
}

/** Stores one fact and brings the clock's snapshot up to date; a stop after the due instant records the breach. */
async function addFact(
  context: ClockContext,
  clock: SlaClockTable,
  fact: ClockFact,
  changes: Partial<SlaClockTable> = {},
): Promise<SlaClockTable> {
  const policy = context.policies.get(clock.policyId);
  if (!policy) return clock;
  await repo.insertFact(context.trx, {
    id: newId(),
    clockId: clock.id,
    kind: fact.kind,
    at: fact.at,
    dueAt: fact.kind === 'retarget' ? fact.dueAt : null,
  });
  const facts = (await repo.factsOf(context.trx, clock.id)).map(toFact);
  const now = Math.max(context.deps.now(), fact.at);
  const state = clockState({
    facts,
    target: policy.target,
    warning: policy.warning,
    calendar: await context.calendar(),
    now,
  });
  const next: SlaClockTable = {
    ...clock,
    ...changes,
    phase: state.phase,
    state: clock.breachedAt !== null ? 'breached' : state.state,
    budgetMs: state.budgetMs,
    elapsedMs: state.elapsedMs,
    dueAt: state.dueAt,
    warnAt: state.warnAt,
    stoppedAt: state.stoppedAt,
    updatedAt: now,
  };
  await repo.updateClock(context.trx, clock.id, next);
  if (fact.kind === 'stop' && state.state === 'breached' && clock.breachedAt === null) {
    await recordAlert(
      context.deps,
      context.trx,
      context.emit,
      next,
      'breach',
      now,
      clock.dueAt ?? fact.at,
      false,
    );
  }
  return next;
}

async function startClock(
  context: ClockContext,
  policy: PolicyRule,
  subject: SlaSubject,
  key: string,
  at: number,
): Promise<void> {
  const row: SlaClockTable = {
    id: newId(),
    shopId: context.shopId,
    policyId: policy.id,
    subjectKind: subject.kind,
    subjectKey: key,
    workOrderId: subject.workOrderId ?? null,
    customerId: subject.customerId ?? null,
    agentId: subject.agentId ?? null,
    departmentId: subject.departmentId ?? null,
    phase: 'running',
    state: 'ok',
    startedAt: at,
    budgetMs: 0,
    elapsedMs: 0,
    dueAt: null,
    warnAt: null,
    stoppedAt: null,
    epoch: 0,
    warnedAt: null,
    breachedAt: null,
    updatedAt: at,
  };
  // A replayed start event finds the clock there and changes nothing.
  if (await repo.insertClockIfAbsent(context.trx, row)) await addFact(context, row, { kind: 'start', at });
}

function liveClocksOf(context: ClockContext, subject: SlaSubject) {
  return repo.liveClocks(
    context.trx,
    context.shopId,
    subject.kind === 'work_order' && subject.workOrderId
      ? { workOrderId: subject.workOrderId }
      : { kind: subject.kind, key: subject.key },
  );
}

function appliesTo(policy: PolicyRule, subject: SlaSubject): boolean {
  if (!policy.enabled || policy.subject !== subject.kind) return false;
  return subject.kind !== 'work_order' || policy.workOrderTypes.includes(subject.workOrderType ?? 'urgent');
}

/**
 * One event about a subject: stops the live clocks whose policy it ends, then starts the clocks of the policies it
 * begins (`round` keys a clock restarted for the same subject, e.g. a reopened work order).
 */
export async function recordSlaEvent(
  deps: SlaDeps,
  trx: Db,
  emit: Emit,
  shopId: string,
  event: SlaEvent,
  subject: SlaSubject,
  at: number,
  round = 0,
): Promise<void> {
  const record = await slaEventRecorder(deps, trx, emit, shopId);
  await record(event, subject, at, round);
}

/**
 * recordSlaEvent for many events of one shop in one transaction (an order import's batch): the shop's policies and
 * calendar are read once, not once per event.
 */
export async function slaEventRecorder(deps: SlaDeps, trx: Db, emit: Emit, shopId: string) {
  const context = await clockContext(deps, trx, emit, shopId);
  const policies = [...context.policies.values()];
  const stops = new Set(policies.flatMap((policy) => policy.stopEvents));
  const starts = new Set(policies.map((policy) => policy.startEvent));
  return async (event: SlaEvent, subject: SlaSubject, at: number, round = 0): Promise<void> => {
    // Most order-side events (payments, for one) neither start nor stop a clock: no read for them.
    if (!stops.has(event) && !starts.has(event)) return;
    for (const clock of await liveClocksOf(context, subject)) {
      if (context.policies.get(clock.policyId)?.stopEvents.includes(event)) {
        await addFact(context, clock, { kind: 'stop', at });
      }
    }
    for (const policy of context.policies.values()) {
      if (policy.startEvent !== event || !appliesTo(policy, subject)) continue;
      await startClock(context, policy, subject, round === 0 ? subject.key : `${subject.key}#${round}`, at);
    }
  };
}

/** A reopened work order handles the problem again: its resolution clocks start anew (SPEC §4). */
export async function restartResolutionClocks(
  deps: SlaDeps,
  trx: Db,
  emit: Emit,
  shopId: string,
  subject: SlaSubject,
  round: number,
  at: number,
): Promise<void> {
  const context = await clockContext(deps, trx, emit, shopId);
  for (const policy of context.policies.values()) {
    if (policy.startEvent !== 'workorder.created' || !policy.stopEvents.includes('workorder.resolved'))
      continue;
    if (appliesTo(policy, subject)) await startClock(context, policy, subject, `${subject.key}#${round}`, at);
  }
}

/** A work order's status changed: its clocks pause in their policy's pause statuses and run again outside them. */
export async function workOrderStatusChanged(
  deps: SlaDeps,
  trx: Db,
  emit: Emit,
  shopId: string,
  workOrderId: string,
  status: WorkOrderStatus,
  at: number,
): Promise<void> {
  const context = await clockContext(deps, trx, emit, shopId);
  for (const clock of await repo.liveClocks(trx, shopId, { workOrderId })) {
    const pauses = context.policies.get(clock.policyId)?.pauseStatuses.includes(status) ?? false;
    if (pauses && clock.phase === 'running') await addFact(context, clock, { kind: 'pause', at });
    if (!pauses && clock.phase === 'paused') await addFact(context, clock, { kind: 'resume', at });
  }
}

/**
 * A deadline set by hand (hand-over, extension): the work order's resolution clocks (all of its live clocks when
 * it has none) are due at `dueAt` from now on and may warn again before it.
 */
export async function setWorkOrderDeadline(
  deps: SlaDeps,
  trx: Db,
  emit: Emit,
  shopId: string,
  workOrderId: string,
  dueAt: number,
  at: number,
): Promise<void> {
  const context = await clockContext(deps, trx, emit, shopId);
  const live = await repo.liveClocks(trx, shopId, { workOrderId });
  const resolution = live.filter((clock) =>
    context.policies.get(clock.policyId)?.stopEvents.includes('workorder.resolved'),
  );
  for (const clock of resolution.length > 0 ? resolution : live) {
    await addFact(
      context,
      clock,
      { kind: 'retarget', at, dueAt },
      clock.breachedAt === null ? { epoch: clock.epoch + 1, warnedAt: null } : {},
    );
  }
}

/** The work order changed hands: its clocks answer to the new holder from now on. */
export async function setWorkOrderOwner(
  db: Db,
  shopId: string,
  workOrderId: string,
  owner: { agentId: string | null; departmentId: string | null },
): Promise<void> {
  await repo.setOwner(db, shopId, workOrderId, owner);
}

function presentClock(row: SlaClockTable, policy: PolicyRule | undefined, now: number): SlaClock {
  const running = row.phase === 'running';
  const state: SlaState =
    row.breachedAt !== null || (running && row.dueAt !== null && now >= row.dueAt)
      ? 'breached'
      : running && row.warnAt !== null && now >= row.warnAt
        ? 'warning'
        : row.state;
  return {
    id: row.id,
    policyId: row.policyId,
    policyKey: policy?.key ?? '',
    policyName: policy?.name ?? '',
    subjectKind: row.subjectKind,
    subjectKey: row.subjectKey,
    workOrderId: row.workOrderId,
    phase: row.phase,
    state,
    startedAt: isoOf(row.startedAt),
    dueAt: running ? isoOrNull(row.dueAt) : null,
    warnAt: running ? isoOrNull(row.warnAt) : null,
    remainingMs: running && row.dueAt !== null ? row.dueAt - now : row.budgetMs - row.elapsedMs,
    budgetMs: row.budgetMs,
    stoppedAt: isoOrNull(row.stoppedAt),
    agentId: row.agentId,
  };
}

/** The clocks of these work orders, running ones first, as of `now`. */
export async function workOrderClocks(
  db: Db,
  shopId: string,
  workOrderIds: string[],
  now: number,
): Promise<Map<string, SlaClock[]>> {
  const rows = await repo.clocksOfWorkOrders(db, shopId, workOrderIds);
  const policies = await shopSetup(db, shopId).policies;
  const byOrder = new Map<string, SlaClock[]>();
  const rank = { running: 0, paused: 1, stopped: 2 } as const;
  for (const row of [...rows].sort((a, b) => rank[a.phase] - rank[b.phase])) {
    if (!row.workOrderId) continue;
    const list = byOrder.get(row.workOrderId) ?? [];
    list.push(presentClock(row, policies.get(row.policyId), now));
    byOrder.set(row.workOrderId, list);
  }
  return byOrder;
}

/** Work orders with a live clock past due (the list's overdue filter). */
export function overdueWorkOrderIds(db: Db, shopId: string, now: number): Promise<string[]> {
  return repo.overdueWorkOrderIds(db, shopId, now);
}

// ── warnings and breaches ─────────────────────────────────────────────────────────────────────────────────

async function responsibleFor(deps: SlaDeps, trx: Db, clock: SlaClockTable): Promise<SubjectOwner> {
  const own = { workOrderId: clock.workOrderId, agentId: clock.agentId, departmentId: clock.departmentId };
  if (clock.subjectKind === 'work_order') return own;
  if (clock.subjectKind === 'conversation') {
    const audience = await conversationAudience(trx, clock.shopId, clock.subjectKey);
    return { ...own, agentId: audience?.agentId ?? null };
  }
  const holder = await deps.subjectOwner?.(trx, clock.shopId, clock.subjectKey);
  if (holder && (holder.agentId || holder.departmentId)) return holder;
  // No work order holds it: the agent who last served the customer (the order's consulted agent).
  const served = clock.customerId
    ? (await lastServedBy(trx, clock.shopId, [clock.customerId])).get(clock.customerId)
    : undefined;
  return { workOrderId: holder?.workOrderId ?? null, agentId: served?.agentId ?? null, departmentId: null };
}

function presentAlert(row: Parameters<typeof repo.insertAlert>[1], open: boolean): SlaAlert {
  return {
    id: row.id,
    kind: row.kind,
    policyKey: row.policyKey,
    subjectKind: row.subjectKind,
    subjectKey: row.subjectKey,
    workOrderId: row.workOrderId,
    agentId: row.agentId,
    departmentId: row.departmentId,
    dueAt: isoOf(row.dueAt),
    at: isoOf(row.at),
    open,
  };
}

async function recordAlert(
  deps: SlaDeps,
  trx: Db,
  emit: Emit,
  clock: SlaClockTable,
  kind: SlaAlertKind,
  now: number,
  dueAt: number,
  fromSweep: boolean,
): Promise<boolean> {
  if (!(await repo.claimAlert(trx, clock.id, kind, now, fromSweep))) return false;
  const policy = (await shopSetup(trx, clock.shopId).policies).get(clock.policyId);
  const owner = await responsibleFor(deps, trx, clock);
  const row = {
    id: newId(),
    shopId: clock.shopId,
    clockId: clock.id,
    kind,
    epoch: clock.epoch,
    policyKey: policy?.key ?? '',
    subjectKind: clock.subjectKind,
    subjectKey: clock.subjectKey,
    workOrderId: owner.workOrderId,
    agentId: owner.agentId,
    departmentId: owner.departmentId,
    dueAt,
    at: now,
  };
  await repo.insertAlert(trx, row);
  const alert = presentAlert(row, clock.phase !== 'stopped');
  emit(
    kind === 'warning'
      ? { type: 'sla.warning', shopId: clock.shopId, alert }
      : { type: 'sla.breached', shopId: clock.shopId, alert },
  );
  return true;
}

/**
 * Records the warnings and breaches that have come due, across shops; safe on several nodes at once (each is
 * claimed by a conditional update, so exactly one node records it). Breaches first: a clock found past due that
 * never warned (the sweep was down) records only the breach.
 */
export async function sweepSla(deps: SlaDeps, batch = 200): Promise<{ warnings: number; breaches: number }> {
  const now = deps.now();
  const counts = { warnings: 0, breaches: 0 };
  for (const kind of ['breach', 'warning'] as const) {
    for (const clock of await repo.dueClocks(deps.db, kind, now, batch)) {
      const recorded = await runCommand(deps.db, deps.bus, (trx, emit) =>
        recordAlert(
          deps,
          trx,
          emit,
          clock,
          kind,
          now,
          (kind === 'warning' ? clock.warnAt : clock.dueAt) ?? now,
          true,
        ),
      );
      if (recorded) counts[kind === 'warning' ? 'warnings' : 'breaches'] += 1;
    }
  }
  return counts;
}

export interface AlertQuery {
  kind?: SlaAlertKind | undefined;
  scope: 'mine' | 'shop';
  agentId?: string | undefined;
  open?: 'true' | 'false' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Warnings and breaches: an agent's own, or the whole shop's for supervisors (the metrics read these). */
export async function listAlerts(db: Db, actor: Actor, query: AlertQuery): Promise<SlaAlert[]> {
  if ((query.scope === 'shop' || query.agentId) && !actor.permissions.has('workorder.supervise')) {
    throw new AppError('forbidden');
  }
  const rows = await repo.listAlerts(db, actor.shopId, {
    kind: query.kind,
    agentId: query.scope === 'mine' ? actor.userId : query.agentId,
    openOnly: query.open === 'true',
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
    limit: 500,
  });
  return rows.map((row) => presentAlert(row, row.phase !== 'stopped'));
}

/** Breaches of one policy recorded in [from, to), with the agent each is attributed to (SPEC §9 cut-offs). */
export async function breachesOfPolicy(
  db: Db,
  shopId: string,
  policyKey: string,
  range: { from: number; to: number },
) {
  const rows = await repo.listAlerts(db, shopId, {
    kind: 'breach',
    from: range.from,
    to: range.to,
    limit: 5000,
  });
  return rows
    .filter((row) => row.policyKey === policyKey)
    .map((row) => ({
      id: row.id,
      agentId: row.agentId,
      subjectKey: row.subjectKey,
      dueAt: row.dueAt,
      at: row.at,
    }));
}

/** The reply-limit policies (a work order "replied within limit" unless one of these breached before the reply). */
export const replyPolicyKeys = ['simple_reply', 'urgent_reply'] as const;

/** When each work order's reply-limit clocks breached (metrics, issue 6: work-order timely reply rate). */
export async function replyBreachTimes(db: Db, shopId: string, workOrderIds: readonly string[]) {
  const times = new Map<string, number[]>();
  if (workOrderIds.length === 0) return times;
  for (const row of await repo.breachRowsOfWorkOrders(db, shopId, workOrderIds, replyPolicyKeys)) {
    if (!row.workOrderId) continue;
    const list = times.get(row.workOrderId) ?? [];
    list.push(row.at);
    times.set(row.workOrderId, list);
  }
  return times;
}

/** How many warnings and breaches were recorded since an instant (the wallboard, issue 6). */
export async function alertCountsSince(db: Db, shopId: string, since: number) {
  const counts = { warning: 0, breach: 0 };
  for (const row of await repo.alertCountRowsSince(db, shopId, since)) counts[row.kind] = Number(row.count);
  return counts;
}
