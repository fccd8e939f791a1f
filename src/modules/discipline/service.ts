// The discipline points ledger 扣分台账 (SPEC §9, seed 003): configurable rules, append-only entries with evidence,
// the third-repeat doubling, monthly totals, automatic detection from other modules' data, appeals and the daily
// data report whose lateness is itself a rule.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { isoOf } from '../../db/instants.js';
import { lockForTransaction } from '../../db/locks.js';
import type { AppealTable, Database, DisciplineEntryTable, DisciplineRuleTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type EventBus } from '../../server/events.js';
import {
  addWorkdays,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  type BusinessCalendar,
} from '../../shared/business-time.js';
import {
  defaultDisciplineRules,
  defaultQaSettings,
  type AppealSubjectKind,
  type DisciplineRuleKey,
  type EvidenceKind,
} from '../../shared/quality.js';
import type { Appeal, DisciplineRule, Ledger, LedgerEntry } from '../../shared/schemas/quality.js';
import type { z } from 'zod';
import type {
  manualEntrySchema,
  submitDailyReportSchema,
  updateDisciplineRuleSchema,
} from '../../shared/schemas/quality.js';
import { addZonedDays } from '../../shared/zoned-time.js';
import { recordAudit } from '../audit/service.js';
import { callsForInspection } from '../calls/service.js';
import { listConversationsForInspection, ratingsForDiscipline } from '../conversations/service.js';
import { idleEvents } from '../presence/service.js';
import { expiredPromotionsLeftOn } from '../replies/service.js';
import { breachesOfPolicy } from '../sla/service.js';
import { activeStaff, staffNames } from '../team/service.js';
import { disciplinePolicy } from './policy.js';
import { presentAppeal, presentEntry, presentRule } from './presenter.js';
import * as repo from './repo.js';
import { dailyReportDeadline, monthOf, pointsFor } from './rules.js';

type Db = Kysely<Database>;

export interface DisciplineDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
  calendarOf: (db: Db, shopId: string) => Promise<BusinessCalendar>;
}

export async function ensureDefaultRules(db: Db, shopId: string, now = Date.now()): Promise<void> {
  const existing = await repo.listRules(db, shopId);
  if (existing.length >= defaultDisciplineRules.length) return;
  for (const rule of defaultDisciplineRules) {
    await repo.insertRuleIfAbsent(db, {
      id: newId(now),
      shopId,
      key: rule.key,
      name: '',
      agentPointsTenths: rule.agentPoints,
      supervisorPointsTenths: rule.supervisorPoints,
      doubleFrom: rule.doubleFrom,
      threshold: rule.threshold,
      automatic: rule.automatic ? 1 : 0,
      enabled: 1,
      updatedAt: now,
    });
  }
}

async function rulesOf(db: Db, shopId: string): Promise<Map<string, DisciplineRuleTable>> {
  await ensureDefaultRules(db, shopId);
  return new Map((await repo.listRules(db, shopId)).map((rule) => [rule.key, rule]));
}

/** One rule of the shop (defaults created on first use). */
export async function disciplineRule(db: Db, shopId: string, key: DisciplineRuleKey) {
  return (await rulesOf(db, shopId)).get(key);
}

export interface Violation {
  userId: string;
  ruleKey: DisciplineRuleKey;
  occurredAt: number;
  evidenceKind: EvidenceKind;
  evidenceId: string | null;
  note: string;
  /** unique per rule and evidence: recording it again adds nothing */
  dedupeKey: string;
  /** the points instead of the rule's (a QA deduction's points come from the deduction table) */
  pointsTenths?: number;
  createdBy?: string | null;
  /** people who also answer for it with the rule's supervisor points (seed 003: 客服主管扣2分) */
  supervisorIds?: readonly string[];
}

/**
 * Records a violation once (its dedupe key), with the repeat number of the person's standing violations of the rule
 * that month and the doubling from the rule's `doubleFrom`. Returns the new entry's id, or null if it existed or
 * the rule is off. Runs inside the caller's transaction.
 */
export async function recordViolation(
  trx: Db,
  shopId: string,
  calendar: BusinessCalendar,
  rule: DisciplineRuleTable | undefined,
  violation: Violation,
  now: number,
): Promise<string | null> {
  if (!rule || rule.enabled !== 1) return null;
  const month = monthOf(violation.occurredAt, calendar.timeZone);
  const charge = async (userId: string, base: number, dedupeKey: string): Promise<string | null> => {
    if (base <= 0) return null;
    await lockForTransaction(trx, `discipline:${shopId}:${userId}`);
    if (await repo.entryByDedupeKey(trx, shopId, dedupeKey)) return null;
    const repeatNo = (await repo.countStandingViolations(trx, shopId, userId, rule.key, month)) + 1;
    const id = newId(now);
    const row: DisciplineEntryTable = {
      id,
      shopId,
      userId,
      ruleKey: rule.key,
      kind: 'violation',
      pointsTenths: pointsFor(base, repeatNo, rule.doubleFrom),
      basePointsTenths: base,
      repeatNo,
      month,
      occurredAt: violation.occurredAt,
      evidenceKind: violation.evidenceKind,
      evidenceId: violation.evidenceId,
      note: violation.note,
      dedupeKey,
      reversesId: null,
      createdBy: violation.createdBy ?? null,
      createdAt: now,
    };
    return (await repo.insertEntryIfNew(trx, row)) ? id : null;
  };
  const id = await charge(
    violation.userId,
    violation.pointsTenths ?? rule.agentPointsTenths,
    violation.dedupeKey,
  );
  for (const supervisorId of violation.supervisorIds ?? []) {
    await charge(
      supervisorId,
      rule.supervisorPointsTenths,
      `${violation.dedupeKey}|supervisor:${supervisorId}`,
    );
  }
  return id;
}

/** Cancels an entry with a new, negative entry (nothing is deleted); null when it was reversed before. */
export async function reverseEntry(
  trx: Db,
  entry: DisciplineEntryTable,
  by: string | null,
  note: string,
  now: number,
): Promise<string | null> {
  const id = newId(now);
  const inserted = await repo.insertEntryIfNew(trx, {
    ...entry,
    id,
    kind: 'reversal',
    pointsTenths: -entry.pointsTenths,
    note,
    dedupeKey: `reversal|${entry.id}`,
    reversesId: entry.id,
    createdBy: by,
    createdAt: now,
  });
  return inserted ? id : null;
}

/** The entry recorded for this dedupe key (e.g. a QA inspection's deduction), if any. */
export function entryForKey(db: Db, shopId: string, dedupeKey: string) {
  return repo.entryByDedupeKey(db, shopId, dedupeKey);
}

/** Points (tenths) charged to a person in a month, reversals included; optionally for one rule. */
export function monthTotal(db: Db, shopId: string, userId: string, month: string, ruleKey?: string) {
  return repo.sumOfMonth(db, shopId, userId, month, ruleKey);
}

// Automatic detection.

export interface DetectionRange {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** Every violation the data of [from, to) shows, oldest first (pure gathering; recording is separate). */
async function gatherViolations(
  deps: DisciplineDeps,
  shopId: string,
  calendar: BusinessCalendar,
  rules: Map<string, DisciplineRuleTable>,
  range: DetectionRange,
  now: number,
): Promise<Violation[]> {
  const db = deps.db;
  const found: Violation[] = [];
  const staff = await activeStaff(db, shopId);
  const supervisors = staff.filter((person) => person.role === 'supervisor').map((person) => person.id);
  const conversations = await listConversationsForInspection(db, shopId, range);

  const firstReplyLimit = (rules.get('first_reply_late')?.threshold ?? 45) * 1000;
  for (const chat of conversations) {
    if (chat.firstResponseAt !== null && chat.firstResponseAt - chat.assignedAt > firstReplyLimit) {
      found.push({
        userId: chat.agentId,
        ruleKey: 'first_reply_late',
        occurredAt: chat.firstResponseAt,
        evidenceKind: 'conversation',
        evidenceId: chat.id,
        note: `${Math.round((chat.firstResponseAt - chat.assignedAt) / 1000)}s`,
        dedupeKey: `first_reply_late|conversation:${chat.id}`,
      });
    }
    if (chat.closedAt !== null && chat.firstResponseAt === null && chat.customerMessages > 0) {
      found.push({
        userId: chat.agentId,
        ruleKey: 'missed_customer',
        occurredAt: chat.closedAt,
        evidenceKind: 'conversation',
        evidenceId: chat.id,
        note: '',
        dedupeKey: `missed_customer|conversation:${chat.id}`,
      });
    }
  }

  for (const idle of await idleEvents(db, shopId, range.from)) {
    const since = Date.parse(idle.idleSince);
    if (since >= range.to) continue;
    found.push({
      userId: idle.userId,
      ruleKey: 'idle_online',
      occurredAt: Date.parse(idle.detectedAt),
      evidenceKind: 'idle_event',
      evidenceId: idle.id,
      note: `${idle.limitSeconds}s`,
      dedupeKey: `idle_online|idle:${idle.id}`,
      supervisorIds: supervisors,
    });
  }

  for (const breach of await breachesOfPolicy(db, shopId, 'message_cutoff', range)) {
    if (!breach.agentId) continue;
    found.push({
      userId: breach.agentId,
      ruleKey: 'message_cutoff',
      occurredAt: breach.at,
      evidenceKind: 'sla_alert',
      evidenceId: breach.id,
      note: breach.subjectKey,
      dedupeKey: `message_cutoff|sla:${breach.id}`,
    });
  }

  const graceDays = rules.get('promotion_expired')?.threshold ?? 1;
  for (const promotion of await expiredPromotionsLeftOn(db, shopId, now, graceDays * DAY_MS)) {
    for (const supervisorId of supervisors) {
      found.push({
        userId: supervisorId,
        ruleKey: 'promotion_expired',
        occurredAt: promotion.endsAt + graceDays * DAY_MS,
        evidenceKind: 'auto_reply',
        evidenceId: promotion.id,
        note: promotion.text.slice(0, 80),
        dedupeKey: `promotion_expired|auto_reply:${promotion.id}:${promotion.endsAt}|${supervisorId}`,
      });
    }
  }

  const ringLimit = rules.get('call_unanswered')?.threshold ?? 10;
  for (const call of await callsForInspection(db, shopId, range)) {
    if (!call.agentId || call.direction !== 'inbound') continue;
    const late = call.ringsBeforeAnswer !== null && call.ringsBeforeAnswer > ringLimit;
    if (!late && !call.missed) continue;
    found.push({
      userId: call.agentId,
      ruleKey: 'call_unanswered',
      occurredAt: call.answeredAt ?? call.endedAt ?? call.startedAt,
      evidenceKind: 'call',
      evidenceId: call.id,
      note: call.missed ? 'missed' : `${call.ringsBeforeAnswer} rings`,
      dedupeKey: `call_unanswered|call:${call.id}`,
    });
  }

  for (const rating of await ratingsForDiscipline(db, shopId, range)) {
    if (rating.score !== 'bad' || !rating.agentId) continue;
    const withText = (rating.comment ?? '').trim().length > 0;
    found.push({
      userId: rating.agentId,
      ruleKey: withText ? 'bad_rating_text' : 'bad_rating',
      occurredAt: rating.at,
      evidenceKind: 'conversation',
      evidenceId: rating.conversationId,
      note: (rating.comment ?? '').slice(0, 200),
      dedupeKey: `rating|conversation:${rating.conversationId}`,
    });
  }

  // The daily data report of each day an agent served customers, due 10:00 the next workday (seed 003).
  const reportMinutes = rules.get('daily_report_late')?.threshold ?? 600;
  const servedDays = new Map<string, Set<string>>();
  for (const chat of conversations) {
    const day = localDateOf(calendar, chat.assignedAt);
    servedDays.set(day, (servedDays.get(day) ?? new Set()).add(chat.agentId));
  }
  if (servedDays.size > 0) {
    const days = [...servedDays.keys()].sort();
    const reports = await repo.dailyReportsBetween(db, shopId, days[0]!, days.at(-1)!);
    for (const [day, agents] of servedDays) {
      const deadline = dailyReportDeadline(calendar, day, reportMinutes);
      if (deadline > now) continue;
      for (const agentId of agents) {
        const report = reports.find((r) => r.userId === agentId && r.day === day);
        if (report && report.submittedAt <= deadline) continue;
        found.push({
          userId: agentId,
          ruleKey: 'daily_report_late',
          occurredAt: deadline,
          evidenceKind: 'daily_report',
          evidenceId: report?.id ?? null,
          note: day,
          dedupeKey: `daily_report_late|${agentId}|${day}`,
        });
      }
    }
  }
  return found.sort((a, b) => a.occurredAt - b.occurredAt || (a.dedupeKey < b.dedupeKey ? -1 : 1));
}

/**
 * Records what the data of [from, to) shows (default: the last 8 days); running it again adds nothing, since
 * every violation has a unique key per rule and evidence.
 */
export async function detectViolations(
  deps: DisciplineDeps,
  shopId: string,
  range?: DetectionRange,
): Promise<{ created: number; byRule: Record<string, number> }> {
  const now = deps.now();
  const window = range ?? { from: now - 8 * DAY_MS, to: now };
  const calendar = await deps.calendarOf(deps.db, shopId);
  const rules = await rulesOf(deps.db, shopId);
  const violations = await gatherViolations(deps, shopId, calendar, rules, window, now);
  const byRule: Record<string, number> = {};
  let created = 0;
  await runCommand(deps.db, deps.bus, async (trx) => {
    for (const violation of violations) {
      const rule = rules.get(violation.ruleKey);
      if (!rule || rule.automatic !== 1) continue;
      const id = await recordViolation(trx, shopId, calendar, rule, violation, now);
      if (id) {
        created += 1;
        byRule[violation.ruleKey] = (byRule[violation.ruleKey] ?? 0) + 1;
      }
    }
  });
  return { created, byRule };
}

/** A follow-up passed its due time undone, or was completed without its form (contracts: followup.*). */
export async function recordFollowUpEvent(
  deps: DisciplineDeps,
  event:
    | {
        type: 'followup.overdue';
        shopId: string;
        taskId: string;
        ownerId: string | null;
        dueAt: string;
        at: string;
      }
    | {
        type: 'followup.completed';
        shopId: string;
        taskId: string;
        ownerId: string | null;
        completedAt: string;
        formComplete: boolean;
      },
): Promise<string | null> {
  if (!event.ownerId) return null;
  if (event.type === 'followup.completed' && event.formComplete) return null;
  const ownerId = event.ownerId;
  const calendar = await deps.calendarOf(deps.db, event.shopId);
  const rules = await rulesOf(deps.db, event.shopId);
  const violation: Violation =
    event.type === 'followup.overdue'
      ? {
          userId: ownerId,
          ruleKey: 'followup_late',
          occurredAt: Date.parse(event.at),
          evidenceKind: 'followup',
          evidenceId: event.taskId,
          note: event.dueAt,
          dedupeKey: `followup_late|followup:${event.taskId}|${event.dueAt}`,
        }
      : {
          userId: ownerId,
          ruleKey: 'followup_form_missing',
          occurredAt: Date.parse(event.completedAt),
          evidenceKind: 'followup',
          evidenceId: event.taskId,
          note: '',
          dedupeKey: `followup_form_missing|followup:${event.taskId}`,
        };
  return runCommand(deps.db, deps.bus, (trx) =>
    recordViolation(trx, event.shopId, calendar, rules.get(violation.ruleKey), violation, deps.now()),
  );
}

// Reading and writing the ledger by people.

function canManage(actor: Actor): boolean {
  return actor.permissions.has(disciplinePolicy.manage);
}

async function presentEntries(db: Db, actor: Actor, rows: DisciplineEntryTable[]): Promise<LedgerEntry[]> {
  const ids = rows.map((row) => row.id);
  const [rules, reversals, appeals] = await Promise.all([
    rulesOf(db, actor.shopId),
    repo.reversalsOf(db, actor.shopId, ids),
    repo.appealsOf(db, actor.shopId, 'entry', ids),
  ]);
  const names = await staffNames(db, actor.shopId, [
    ...rows.flatMap((row) => [row.userId, ...(row.createdBy ? [row.createdBy] : [])]),
    ...appeals.flatMap((appeal) => [appeal.userId, ...(appeal.decidedBy ? [appeal.decidedBy] : [])]),
  ]);
  const context = {
    names,
    rules,
    reversed: new Set(reversals.flatMap((row) => (row.reversesId ? [row.reversesId] : []))),
    appeals: new Map(appeals.map((appeal) => [appeal.subjectId, appeal])),
    locale: actor.locale,
  };
  return rows.map((row) => presentEntry(row, context));
}

/**
 * A month's ledger with totals per person: everyone's for discipline.manage, else only the caller's own (asking
 * for somebody else's is answered 404, as if it did not exist).
 */
export async function getLedger(
  deps: DisciplineDeps,
  actor: Actor,
  query: { month?: string | undefined; userId?: string | undefined },
): Promise<Ledger> {
  if (!canManage(actor) && query.userId && query.userId !== actor.userId) throw notFound();
  const calendar = await deps.calendarOf(deps.db, actor.shopId);
  const month = query.month ?? monthOf(deps.now(), calendar.timeZone);
  const userId = canManage(actor) ? query.userId : actor.userId;
  const rows = await repo.listEntries(deps.db, actor.shopId, { month, userId });
  const entries = await presentEntries(deps.db, actor, rows);
  const totals = new Map<string, { userId: string; userName: string; points: number; entries: number }>();
  for (const entry of entries) {
    const total = totals.get(entry.userId) ?? {
      userId: entry.userId,
      userName: entry.userName,
      points: 0,
      entries: 0,
    };
    total.points = Math.round((total.points + entry.points) * 10) / 10;
    total.entries += 1;
    totals.set(entry.userId, total);
  }
  if (userId && !totals.has(userId)) {
    const names = await staffNames(deps.db, actor.shopId, [userId]);
    totals.set(userId, { userId, userName: names.get(userId) ?? '', points: 0, entries: 0 });
  }
  return {
    month,
    entries,
    totals: [...totals.values()].sort((a, b) => b.points - a.points || a.userName.localeCompare(b.userName)),
  };
}

export async function getEntry(db: Db, actor: Actor, id: string): Promise<LedgerEntry> {
  const row = await repo.findEntry(db, actor.shopId, id);
  if (!row || (!canManage(actor) && row.userId !== actor.userId)) throw notFound();
  return (await presentEntries(db, actor, [row]))[0]!;
}

/** A supervisor adds a violation the data cannot show (seed 003's other rules), with its evidence in words. */
export async function addManualEntry(
  deps: DisciplineDeps,
  actor: Actor,
  input: z.infer<typeof manualEntrySchema>,
): Promise<LedgerEntry> {
  const staff = await activeStaff(deps.db, actor.shopId);
  if (!staff.some((person) => person.id === input.userId))
    throw new AppError('validation_failed', { userId: 'unknown' });
  const rules = await rulesOf(deps.db, actor.shopId);
  const rule = rules.get(input.ruleKey);
  if (!rule || rule.enabled !== 1 || rule.key === 'qa_inspection')
    throw new AppError('discipline_rule_unknown');
  const calendar = await deps.calendarOf(deps.db, actor.shopId);
  const now = deps.now();
  const id = await runCommand(deps.db, deps.bus, async (trx) => {
    const entryId = await recordViolation(
      trx,
      actor.shopId,
      calendar,
      rule,
      {
        userId: input.userId,
        ruleKey: input.ruleKey,
        occurredAt: Date.parse(input.occurredAt),
        evidenceKind: input.evidenceKind,
        evidenceId: input.evidenceId ?? null,
        note: input.note,
        dedupeKey: `manual|${newId(now)}`,
        createdBy: actor.userId,
      },
      now,
    );
    if (!entryId) throw new AppError('discipline_rule_unknown');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'discipline_entry.created',
      entityType: 'discipline_entry',
      entityId: entryId,
      changes: { userId: input.userId, ruleKey: input.ruleKey, note: input.note },
    });
    return entryId;
  });
  return getEntry(deps.db, actor, id);
}

export async function listRules(db: Db, actor: Actor): Promise<DisciplineRule[]> {
  const rules = await rulesOf(db, actor.shopId);
  const order = new Map(defaultDisciplineRules.map((rule, index) => [rule.key, index]));
  return [...rules.values()]
    .sort(
      (a, b) => (order.get(a.key as DisciplineRuleKey) ?? 99) - (order.get(b.key as DisciplineRuleKey) ?? 99),
    )
    .map((rule) => presentRule(rule, actor.locale));
}

export async function updateRule(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateDisciplineRuleSchema>,
): Promise<DisciplineRule> {
  const rules = await rulesOf(db, actor.shopId);
  const before = [...rules.values()].find((rule) => rule.id === id);
  if (!before) throw notFound();
  const tenths = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 10));
  const patch: Partial<DisciplineRuleTable> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.agentPoints !== undefined ? { agentPointsTenths: tenths(input.agentPoints)! } : {}),
    ...(input.supervisorPoints !== undefined
      ? { supervisorPointsTenths: tenths(input.supervisorPoints)! }
      : {}),
    ...(input.doubleFrom !== undefined ? { doubleFrom: input.doubleFrom } : {}),
    ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
    updatedAt: Date.now(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateRule(trx, actor.shopId, id, patch);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'discipline_rule.updated',
      entityType: 'discipline_rule',
      entityId: id,
      changes: { ...input },
    });
  });
  return presentRule({ ...before, ...patch }, actor.locale);
}

// Appeals (of inspections and of ledger entries); a supervisor decides, and the history stays.

export async function presentAppeals(db: Db, shopId: string, rows: AppealTable[]): Promise<Appeal[]> {
  const names = await staffNames(
    db,
    shopId,
    rows.flatMap((row) => [row.userId, ...(row.decidedBy ? [row.decidedBy] : [])]),
  );
  return rows.map((row) => presentAppeal(row, names));
}

export function appealsOfSubjects(db: Db, shopId: string, kind: AppealSubjectKind, ids: string[]) {
  return repo.appealsOf(db, shopId, kind, ids);
}

/** Files an appeal of `subject` by its person; inside the caller's transaction. */
export async function fileAppeal(
  trx: Db,
  actor: Actor,
  subject: { kind: AppealSubjectKind; id: string },
  reason: string,
  now: number,
): Promise<AppealTable> {
  const row: AppealTable = {
    id: newId(now),
    shopId: actor.shopId,
    subjectKind: subject.kind,
    subjectId: subject.id,
    userId: actor.userId,
    reason,
    status: 'pending',
    decidedBy: null,
    decisionNote: null,
    decidedAt: null,
    createdAt: now,
  };
  if (!(await repo.insertAppeal(trx, row))) throw new AppError('appeal_exists');
  await recordAudit(trx, auditActorOf(actor), {
    action: 'appeal.filed',
    entityType: 'appeal',
    entityId: row.id,
    changes: { subjectKind: subject.kind, subjectId: subject.id, reason },
  });
  return row;
}

/** An agent appeals one of their own ledger entries within the appeal window (3 workdays from when it was recorded). */
export async function appealEntry(
  deps: DisciplineDeps,
  actor: Actor,
  entryId: string,
  reason: string,
): Promise<Appeal> {
  const now = deps.now();
  const calendar = await deps.calendarOf(deps.db, actor.shopId);
  const row = await runCommand(deps.db, deps.bus, async (trx) => {
    const entry = await repo.findEntry(trx, actor.shopId, entryId);
    if (!entry || entry.userId !== actor.userId) throw notFound();
    if (entry.kind !== 'violation' || (await repo.reversalsOf(trx, actor.shopId, [entry.id])).length > 0)
      throw new AppError('nothing_to_appeal');
    if (now > addWorkdays(calendar, entry.createdAt, defaultQaSettings.appealWorkdays))
      throw new AppError('appeal_window_closed');
    return fileAppeal(trx, actor, { kind: 'entry', id: entry.id }, reason, now);
  });
  return (await presentAppeals(deps.db, actor.shopId, [row]))[0]!;
}

export async function listAppeals(
  db: Db,
  actor: Actor,
  status: 'pending' | 'upheld' | 'rejected' | 'all',
): Promise<Appeal[]> {
  const rows = await repo.listAppeals(db, actor.shopId, {
    ...(status === 'all' ? {} : { status }),
    ...(canManage(actor) ? {} : { userId: actor.userId }),
  });
  return presentAppeals(db, actor.shopId, rows);
}

/** The ledger entry an appeal is about: the entry itself, or the deduction an inspection charged. */
function appealedEntryKey(appeal: AppealTable): { id?: string; dedupeKey?: string } {
  return appeal.subjectKind === 'entry'
    ? { id: appeal.subjectId }
    : { dedupeKey: qaEntryKey(appeal.subjectId) };
}

export const qaEntryKey = (inspectionId: string) => `qa_inspection|inspection:${inspectionId}`;

/**
 * A supervisor decides a pending appeal. Upheld: the points are reversed by a new, negative entry, so the month's
 * total drops; rejected: nothing changes. Either way the appeal keeps its history.
 */
export async function decideAppeal(
  deps: DisciplineDeps,
  actor: Actor,
  appealId: string,
  input: { decision: 'upheld' | 'rejected'; note: string },
): Promise<Appeal> {
  const now = deps.now();
  const row = await runCommand(deps.db, deps.bus, async (trx) => {
    const appeal = await repo.findAppeal(trx, actor.shopId, appealId);
    if (!appeal) throw notFound();
    const decided = await repo.decideAppeal(trx, appeal.id, {
      status: input.decision,
      decidedBy: actor.userId,
      decisionNote: input.note,
      decidedAt: now,
    });
    if (!decided) throw new AppError('appeal_decided');
    if (input.decision === 'upheld') {
      const key = appealedEntryKey(appeal);
      const entry = key.id
        ? await repo.findEntry(trx, actor.shopId, key.id)
        : await repo.entryByDedupeKey(trx, actor.shopId, key.dedupeKey!);
      if (entry) await reverseEntry(trx, entry, actor.userId, input.note, now);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: `appeal.${input.decision}`,
      entityType: 'appeal',
      entityId: appeal.id,
      changes: { note: input.note },
    });
    return {
      ...appeal,
      status: input.decision,
      decidedBy: actor.userId,
      decisionNote: input.note,
      decidedAt: now,
    };
  });
  return (await presentAppeals(deps.db, actor.shopId, [row]))[0]!;
}

// Daily data reports (seed 003: 每日数据报表 by 10:00 the next workday).

export async function submitDailyReport(
  deps: DisciplineDeps,
  actor: Actor,
  input: z.infer<typeof submitDailyReportSchema>,
) {
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && !canManage(actor)) throw notFound();
  const now = deps.now();
  const id = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertDailyReport(trx, {
      id,
      shopId: actor.shopId,
      userId,
      day: input.day,
      content: input.content,
      submittedBy: actor.userId,
      submittedAt: now,
    });
    if (!inserted) throw new AppError('daily_report_exists');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'daily_report.submitted',
      entityType: 'daily_report',
      entityId: id,
      changes: { userId, day: input.day },
    });
  });
  return (await listDailyReports(deps, actor, { userId, from: input.day, to: input.day }))[0]!;
}

export async function listDailyReports(
  deps: DisciplineDeps,
  actor: Actor,
  query: { userId?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  if (!canManage(actor) && query.userId && query.userId !== actor.userId) throw notFound();
  const calendar = await deps.calendarOf(deps.db, actor.shopId);
  const today = localDateOf(calendar, deps.now());
  const from = query.from ?? formatLocalDate(addZonedDays(parseLocalDate(today), -31));
  const rules = await rulesOf(deps.db, actor.shopId);
  const minutes = rules.get('daily_report_late')?.threshold ?? 600;
  const rows = await repo.dailyReportsBetween(
    deps.db,
    actor.shopId,
    from,
    query.to ?? today,
    canManage(actor) ? query.userId : actor.userId,
  );
  return rows.map((row) => {
    const deadline = dailyReportDeadline(calendar, row.day, minutes);
    return {
      id: row.id,
      userId: row.userId,
      day: row.day,
      content: row.content,
      submittedAt: isoOf(row.submittedAt),
      deadline: isoOf(deadline),
      late: row.submittedAt > deadline,
    };
  });
}
