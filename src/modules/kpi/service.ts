// The metrics engine (SPEC §7, docs/metrics.md): keeps the daily roll-ups up to date entity by entity, recomputes
// the same counters from the raw events of other modules (read through their service functions), and turns
// summed counters into the metrics table of agents, groups and the shop.
import type { Kysely } from 'kysely';
import { isPostgres, lockForTransaction } from '../../db/locks.js';
import type { Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { addZonedDays, fromZonedParts } from '../../shared/zoned-time.js';
import { formatLocalDate, parseLocalDate, type BusinessCalendar } from '../../shared/business-time.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { callFacts } from '../calls/service.js';
import {
  agentLoads,
  chatFacts,
  chatIdsActiveBetween,
  chatIdsOfCustomersBetween,
  queuedConversations,
} from '../conversations/service.js';
import { presenceByAgent } from '../presence/service.js';
import { commerceFacts } from '../orders/service.js';
import { alertCountsSince, replyBreachTimes } from '../sla/service.js';
import { metricStaff } from '../team/service.js';
import { allShopIds } from '../shops/service.js';
import {
  complaintsBetween,
  subjectHolders,
  workOrderFacts,
  workOrderIdsActiveBetween,
} from '../tickets/service.js';
import type { Actor } from '../../server/actor.js';
import { auditActorOf } from '../../server/actor.js';
import { AppError } from '../../server/errors.js';
import type { EarlyWarning, MetricsQuery, MetricsTable, Wallboard } from '../../shared/schemas/metrics.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repo.js';
import {
  addCounters,
  callContribution,
  checkRise,
  chatContribution,
  computeMetrics,
  customerDayContribution,
  dayFunction,
  daysBetween,
  performanceScore,
  periodDays,
  diffRows,
  mergeRows,
  subjectContribution,
  workOrderContribution,
  zeroCounters,
  type Consultation,
  type ContributionRow,
  type KpiCounters,
  type MetricValues,
  type ScoreItem,
} from './rules.js';

type Db = Kysely<Database>;

/** Ids per read from another module (stays under the databases' parameter limits). */
const CHUNK = 1000;
const salesKinds = ['order_placed', 'order_paid'];

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** [start, end) instants of a local day range [from, to] in the shop's zone. */
export function dayBounds(
  calendar: BusinessCalendar,
  from: string,
  to: string,
): { start: number; end: number } {
  return {
    start: fromZonedParts(parseLocalDate(from), calendar.timeZone),
    end: fromZonedParts(addZonedDays(parseLocalDate(to), 1), calendar.timeZone),
  };
}

// ── entities (docs/metrics.md §3) ──────────────────────────────────────────────────────────────────────────

export type EntityKey =
  `c:${string}` | `p:${string}:${string}` | `s:${string}` | `w:${string}` | `k:${string}`;

/**
 * What one work order or call contributes now, computed from the raw facts of the module that owns it (chats are
 * computed in batches by refreshEntities).
 */
async function computeEntity(db: Db, shopId: string, calendar: BusinessCalendar, key: string) {
  const dayOf = dayFunction(calendar);
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'w') {
    const [wo] = await workOrderFacts(db, shopId, [id]);
    if (!wo) return [];
    const breaches = await replyBreachTimes(db, shopId, [id]);
    return workOrderContribution({ ...wo, replyBreachedAt: breaches.get(id) ?? [] }, dayOf);
  }
  if (kind === 'k') {
    const [call] = await callFacts(db, shopId, { ids: [id] });
    return call ? callContribution(call, dayOf) : [];
  }
  throw new Error(`unknown metrics entity ${key}`);
}

/**
 * Customer-days and order numbers arrive by the thousand (an order import): they are computed in batches, with one
 * read of their chats and order events per batch.
 */
async function computeBatch(
  db: Db,
  shopId: string,
  calendar: BusinessCalendar,
  keys: readonly string[],
  /** consultations of chats computed just before, in the same transaction */
  known: ReadonlyMap<string, readonly Consultation[]> = new Map(),
): Promise<Map<string, ContributionRow[]>> {
  const dayOf = dayFunction(calendar);
  const computed = new Map<string, ContributionRow[]>();
  const subjects = keys.filter((key) => key.startsWith('s:')).map((key) => key.slice(2));
  for (const chunk of chunks(subjects)) {
    const [events, holders] = await Promise.all([
      commerceFacts(db, shopId, { subjectKeys: chunk }),
      subjectHolders(db, shopId, chunk),
    ]);
    for (const subject of chunk) {
      const own = events.filter((event) => event.subjectKey === subject);
      computed.set(`s:${subject}`, subjectContribution(own, holders.get(subject) ?? null, dayOf));
    }
  }
  const customerDays = keys.filter((key) => key.startsWith('p:'));
  for (const chunk of chunks(customerDays)) {
    const parsed = chunk.map((key) => {
      const [, customerId = '', day = ''] = key.split(':');
      return { key, customerId, day };
    });
    const days = parsed.map((p) => p.day).sort();
    const { start, end } = dayBounds(calendar, days[0] ?? '', days.at(-1) ?? '');
    const customerIds = [...new Set(parsed.map((p) => p.customerId))];
    const consultations = new Map<string, Consultation[]>();
    const add = (list: readonly Consultation[]) => {
      for (const c of list) {
        const key = `p:${c.customerId}:${c.day}`;
        consultations.set(key, [...(consultations.get(key) ?? []), c]);
      }
    };
    const chatIds = await chatIdsOfCustomersBetween(db, shopId, customerIds, start, end);
    for (const id of chatIds) {
      const list = known.get(id);
      if (list) add(list);
    }
    for (const ids of chunks(chatIds.filter((id) => !known.has(id)))) {
      for (const chat of await chatFacts(db, shopId, ids, { live: true })) {
        add(chatContribution(chat, calendar, dayOf).consultations);
      }
    }
    const orders = new Map<string, { kind: string; occurredAt: number; amountFen: number | null }[]>();
    for (const event of await commerceFacts(db, shopId, {
      customerIds,
      from: start,
      to: end,
      kinds: salesKinds,
    })) {
      const key = `p:${event.customerId ?? ''}:${dayOf(event.occurredAt)}`;
      orders.set(key, [...(orders.get(key) ?? []), event]);
    }
    for (const { key, day } of parsed) {
      computed.set(key, customerDayContribution(day, consultations.get(key) ?? [], orders.get(key) ?? []));
    }
  }
  return computed;
}

/** Chats refreshed in one pass, with the rest of the process let in between two passes. */
const CHAT_BATCH = 25;

/**
 * Brings the roll-ups up to date for some entities: each is computed afresh, and the roll-ups move by the
 * difference to what it contributed before (so events may arrive late, twice or out of order). A chat also
 * refreshes its customer's sales days, since who consulted when decides who is credited with a payment. Chats go
 * in passes of CHAT_BATCH with the rest of the process let in between; the other entities in one.
 */
export async function refreshEntities(
  db: Db,
  shopId: string,
  keys: readonly string[],
  now: number,
): Promise<void> {
  if (keys.length === 0) return;
  const calendar = await getBusinessCalendar(db, shopId);
  const dayOf = dayFunction(calendar);
  const chatIds = keys.filter((key) => key.startsWith('c:')).map((key) => key.slice(2));
  const batched = keys.filter((key) => key.startsWith('s:') || key.startsWith('p:'));
  const single = keys.filter((key) => key.startsWith('w:') || key.startsWith('k:'));
  for (const [index, ids] of chunks(chatIds, CHAT_BATCH).entries()) {
    if (index > 0) await new Promise((resolve) => setImmediate(resolve));
    await refreshing(db, shopId, now, async (reader, previousOf) => {
      // one read of their messages, transfers and ratings; then their customers' days
      const chats = new Map(
        (await chatFacts(reader, shopId, ids, { live: true })).map((chat) => [chat.id, chat]),
      );
      const next = new Map<string, ContributionRow[]>();
      const consultations = new Map<string, Consultation[]>();
      for (const id of ids) {
        const chat = chats.get(id);
        const contribution = chat ? chatContribution(chat, calendar, dayOf) : null;
        next.set(`c:${id}`, contribution?.rows ?? []);
        if (contribution) consultations.set(id, contribution.consultations);
      }
      const previous = await previousOf([...next.keys()]);
      const customerDays = new Set<string>();
      for (const [id, chat] of chats) {
        const key = `c:${id}`;
        const days = new Set([...(previous.get(key) ?? []), ...(next.get(key) ?? [])].map((row) => row.day));
        for (const day of days) customerDays.add(`p:${chat.customerId}:${day}`);
      }
      const days = await computeBatch(reader, shopId, calendar, [...customerDays], consultations);
      return new Map([...next, ...days]);
    });
  }
  if (batched.length === 0 && single.length === 0) return;
  await refreshing(db, shopId, now, async (reader) => {
    const next = await computeBatch(reader, shopId, calendar, batched);
    for (const key of single) next.set(key, await computeEntity(reader, shopId, calendar, key));
    return next;
  });
}

/**
 * One refresh: `compute` reads the entities' facts (and, through `previousOf`, what they contributed until now) and
 * returns what each contributes now; then, in one transaction under the shop's roll-up lock, the roll-ups move by
 * the difference to what each contributed before.
 *
 * On PostgreSQL several processes refresh a shop's roll-ups, so `compute` runs in that transaction, after the lock:
 * each refresh sees what the last one stored. On SQLite one process does, one refresh after another, and a change
 * committed meanwhile queues another refresh of its entities; `compute` reads before the transaction, which then
 * only writes (it holds the database's one write turn, which the live chat's messages wait for).
 */
async function refreshing(
  db: Db,
  shopId: string,
  now: number,
  compute: (
    reader: Db,
    previousOf: (keys: readonly string[]) => Promise<Map<string, ContributionRow[]>>,
  ) => Promise<Map<string, ContributionRow[]>>,
): Promise<void> {
  const apply = async (trx: Db, next: Map<string, ContributionRow[]>) => {
    const previous = await repo.contributionsOf(trx, shopId, [...next.keys()]);
    const changed: { key: string; rows: ContributionRow[] }[] = [];
    const deltas: ContributionRow[] = [];
    for (const [key, rows] of next) {
      const delta = diffRows(previous.get(key) ?? [], rows);
      if (delta.length === 0) continue;
      deltas.push(...delta);
      changed.push({ key, rows });
    }
    await repo.addToDaily(trx, shopId, mergeRows(deltas));
    await repo.storeContributions(trx, shopId, changed, now);
  };
  const previousOf = (reader: Db) => (keys: readonly string[]) => repo.contributionsOf(reader, shopId, keys);
  if (isPostgres(db)) {
    await withTransaction(db, async (trx) => {
      await lockForTransaction(trx, `kpi:${shopId}`);
      await apply(trx, await compute(trx, previousOf(trx)));
    });
    return;
  }
  const next = await compute(db, previousOf(db));
  await withTransaction(db, (trx) => apply(trx, next));
}

// ── recomputation from raw events (docs/metrics.md §3.2) ──────────────────────────────────────────────────

/** Every entity's contribution that can touch the local days [from, to], computed from the raw events. */
export async function recomputeContributions(
  db: Db,
  shopId: string,
  from: string,
  to: string,
  onEntity: (key: string, rows: ContributionRow[]) => void,
): Promise<void> {
  const calendar = await getBusinessCalendar(db, shopId);
  const dayOf = dayFunction(calendar);
  const { start, end } = dayBounds(calendar, from, to);

  const consultations = new Map<string, Consultation[]>();
  for (const ids of chunks(await chatIdsActiveBetween(db, shopId, start, end))) {
    for (const chat of await chatFacts(db, shopId, ids)) {
      const result = chatContribution(chat, calendar, dayOf);
      onEntity(`c:${chat.id}`, result.rows);
      for (const c of result.consultations) {
        const key = `p:${c.customerId}:${c.day}`;
        const list = consultations.get(key) ?? [];
        list.push(c);
        consultations.set(key, list);
      }
    }
  }

  const events = await commerceFacts(db, shopId, { from: start, to: end });
  const ordersByCustomerDay = new Map<
    string,
    { kind: string; occurredAt: number; amountFen: number | null }[]
  >();
  const subjects = new Set<string>();
  for (const event of events) {
    subjects.add(event.subjectKey);
    if (event.customerId && salesKinds.includes(event.kind)) {
      const key = `p:${event.customerId}:${dayOf(event.occurredAt)}`;
      const list = ordersByCustomerDay.get(key) ?? [];
      list.push(event);
      ordersByCustomerDay.set(key, list);
    }
  }
  for (const [key, list] of consultations) {
    const day = key.slice(key.lastIndexOf(':') + 1);
    onEntity(key, customerDayContribution(day, list, ordersByCustomerDay.get(key) ?? []));
  }
  for (const keys of chunks([...subjects])) {
    const all = await commerceFacts(db, shopId, { subjectKeys: keys });
    const holders = await subjectHolders(db, shopId, keys);
    const bySubject = new Map<string, typeof all>();
    for (const event of all)
      bySubject.set(event.subjectKey, [...(bySubject.get(event.subjectKey) ?? []), event]);
    for (const [subject, list] of bySubject) {
      onEntity(`s:${subject}`, subjectContribution(list, holders.get(subject) ?? null, dayOf));
    }
  }

  for (const ids of chunks(await workOrderIdsActiveBetween(db, shopId, start, end))) {
    const breaches = await replyBreachTimes(db, shopId, ids);
    for (const wo of await workOrderFacts(db, shopId, ids)) {
      onEntity(
        `w:${wo.id}`,
        workOrderContribution({ ...wo, replyBreachedAt: breaches.get(wo.id) ?? [] }, dayOf),
      );
    }
  }
  for (const call of await callFacts(db, shopId, { from: start, to: end })) {
    onEntity(`k:${call.id}`, callContribution(call, dayOf));
  }
}

/** Counters per agent over [from, to], recomputed from the raw events without the roll-ups. */
export async function recomputeSums(db: Db, shopId: string, from: string, to: string) {
  const sums = new Map<string, KpiCounters>();
  await recomputeContributions(db, shopId, from, to, (_key, rows) => {
    for (const row of rows) {
      if (row.day < from || row.day > to) continue;
      let counters = sums.get(row.agentId);
      if (!counters) sums.set(row.agentId, (counters = zeroCounters()));
      addCounters(counters, row.counters);
    }
  });
  return sums;
}

/** Rebuilds a shop's roll-ups from the raw events of [from, to] (start-up of the module, repairs, the benchmark). */
export async function rebuildRollups(
  db: Db,
  shopId: string,
  from: string,
  to: string,
  now: number,
): Promise<void> {
  const entries: { key: string; rows: ContributionRow[] }[] = [];
  await recomputeContributions(db, shopId, from, to, (key, rows) => entries.push({ key, rows }));
  await withTransaction(db, async (trx) => {
    await lockForTransaction(trx, `kpi:${shopId}`);
    await repo.clearRollups(trx, shopId);
    await repo.storeContributions(trx, shopId, entries, now);
    await repo.addToDaily(trx, shopId, mergeRows(entries.flatMap((entry) => entry.rows)));
  });
}

/** How far back a start-up rebuild reaches (docs/metrics.md §3). */
const STARTUP_REBUILD_DAYS = 400;

/**
 * At start-up, before the server listens: shops whose roll-ups are empty but that may hold data written before the
 * metrics jobs were running (a demo seed, an import, an upgrade) get them rebuilt from the raw events of the last
 * STARTUP_REBUILD_DAYS local days. Shops with roll-ups are left alone. Returns the shops rebuilt.
 */
export async function rebuildEmptyRollups(db: Db, now: number): Promise<string[]> {
  const rebuilt: string[] = [];
  for (const shopId of await allShopIds(db)) {
    if (await repo.hasRollups(db, shopId)) continue;
    const calendar = await getBusinessCalendar(db, shopId);
    const today = dayFunction(calendar)(now);
    const first = formatLocalDate(addZonedDays(parseLocalDate(today), -STARTUP_REBUILD_DAYS));
    await rebuildRollups(db, shopId, first, today, now);
    if (await repo.hasRollups(db, shopId)) rebuilt.push(shopId);
  }
  return rebuilt;
}

// ── the metrics table (docs/metrics.md §4) ─────────────────────────────────────────────────────────────────

export interface MetricsRow {
  scope: 'agent' | 'group' | 'shop';
  id: string;
  name: string;
  employeeNo: string | null;
  values: MetricValues;
}

/** Metrics of every agent, every group and the shop over the local days [from, to], from roll-ups or raw events. */
export async function metricsTable(
  db: Db,
  shopId: string,
  from: string,
  to: string,
  source: 'rollups' | 'raw' = 'rollups',
): Promise<MetricsRow[]> {
  const sums =
    source === 'rollups'
      ? await repo.sumsByAgent(db, shopId, from, to)
      : await recomputeSums(db, shopId, from, to);
  const staff = await metricStaff(db, shopId);
  return metricsFromSums(shopId, sums, staff);
}

export function metricsFromSums(
  shopId: string,
  sums: ReadonlyMap<string, KpiCounters>,
  staff: Awaited<ReturnType<typeof metricStaff>>,
): MetricsRow[] {
  const countersOf = (agentId: string) => sums.get(agentId) ?? zeroCounters();
  const shopTotal = zeroCounters();
  for (const counters of sums.values()) addCounters(shopTotal, counters);
  const shopPayments = shopTotal.shopPaymentsFen;
  const rows: MetricsRow[] = staff.agents.map((agent) => ({
    scope: 'agent',
    id: agent.id,
    name: agent.displayName,
    employeeNo: agent.employeeNo,
    values: computeMetrics(countersOf(agent.id), [countersOf(agent.id)], shopPayments),
  }));
  for (const group of staff.groups) {
    const members = staff.agents
      .filter((agent) => agent.groupIds.includes(group.id))
      .map((a) => countersOf(a.id));
    const total = members.reduce((acc, counters) => addCounters(acc, counters), zeroCounters());
    rows.push({
      scope: 'group',
      id: group.id,
      name: group.name,
      employeeNo: null,
      values: computeMetrics(total, members, shopPayments),
    });
  }
  // in agent-id order, so the mean over agents adds the same floats in the same order whatever the source
  const agentCounters = [...sums.entries()]
    .filter(([id]) => id !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, counters]) => counters);
  rows.push({
    scope: 'shop',
    id: shopId,
    name: '',
    employeeNo: null,
    values: computeMetrics(shopTotal, agentCounters, shopPayments),
  });
  return rows;
}

// ── the table with scores, and the score settings (docs/metrics.md §5) ────────────────────────────────────

export function resolvePeriod(query: Pick<MetricsQuery, 'period' | 'from' | 'to'>) {
  let days: { from: string; to: string };
  try {
    days = periodDays(query.period, query.from, query.to);
  } catch {
    throw new AppError('metrics_range_invalid');
  }
  if (daysBetween(days.from, days.to).length > 366) throw new AppError('metrics_range_invalid');
  return { kind: query.period, ...days };
}

export async function scoreItemsOf(db: Db, shopId: string): Promise<ScoreItem[]> {
  const row = await repo.scoreSettingsOf(db, shopId);
  return row ? (JSON.parse(row.items) as ScoreItem[]) : [];
}

export async function metricsReport(db: Db, shopId: string, query: MetricsQuery): Promise<MetricsTable> {
  const period = resolvePeriod(query);
  const [rows, items] = await Promise.all([
    metricsTable(db, shopId, period.from, period.to, query.source),
    scoreItemsOf(db, shopId),
  ]);
  return {
    period,
    rows: rows.map((row) => ({
      ...row,
      score: row.scope === 'agent' && items.length > 0 ? performanceScore(row.values, items) : null,
    })),
  };
}

export function updateScoreSettings(db: Db, actor: Actor, items: ScoreItem[]): Promise<ScoreItem[]> {
  return withTransaction(db, async (trx) => {
    const before = await scoreItemsOf(trx, actor.shopId);
    await repo.saveScoreSettings(trx, {
      shopId: actor.shopId,
      items: JSON.stringify(items),
      updatedBy: actor.userId,
      updatedAt: Date.now(),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'score_settings.updated',
      entityType: 'score_settings',
      entityId: actor.shopId,
      changes: { items: [before, items] },
    });
    return items;
  });
}

// ── the live wallboard ─────────────────────────────────────────────────────────────────────────────────────

/** Now: the queue, presence, chats in progress, today's SLA alerts and today's reply figures (from the roll-ups). */
export async function wallboard(db: Db, shopId: string, now: number): Promise<Wallboard> {
  const calendar = await getBusinessCalendar(db, shopId);
  const day = dayFunction(calendar)(now);
  const { start } = dayBounds(calendar, day, day);
  const [queue, presence, loads, alerts, sums, staff, warnings] = await Promise.all([
    queuedConversations(db, shopId),
    presenceByAgent(db, shopId),
    agentLoads(db, shopId, now),
    alertCountsSince(db, shopId, start),
    repo.sumsByAgent(db, shopId, day, day),
    metricStaff(db, shopId),
    earlyWarnings(db, shopId, now),
  ]);
  const byPresence = { online: 0, busy: 0, away: 0, offline: 0 };
  for (const agent of staff.agents) {
    if (agent.status === 'active') byPresence[presence.get(agent.id) ?? 'offline'] += 1;
  }
  const shop = metricsFromSums(shopId, sums, staff).find((row) => row.scope === 'shop')?.values;
  const oldest = Math.min(...queue.map((chat) => chat.queuedAt));
  return {
    version: now,
    day,
    queueLength: queue.length,
    longestWaitSeconds: queue.length === 0 ? null : Math.max(0, Math.round((now - oldest) / 1000)),
    presence: byPresence,
    chatsInProgress: [...loads.values()].reduce((sum, load) => sum + load.openChats, 0),
    slaWarningsToday: alerts.warning,
    slaBreachesToday: alerts.breach,
    consultingCustomersToday: shop?.consultingCustomers ?? 0,
    replyRateToday: shop?.replyRate ?? null,
    avgFirstResponseSecondsToday: shop?.avgFirstResponseSeconds ?? null,
    warnings,
  };
}

/** Counters of the whole shop per local day over [from, to] (reports and trends). */
export function dailyCounters(db: Db, shopId: string, from: string, to: string) {
  return repo.sumsByDay(db, shopId, from, to);
}

// ── early warning (docs/metrics.md §7) ─────────────────────────────────────────────────────────────────────

/** Baseline days before today. */
const WARNING_BASELINE_DAYS = 28;

export async function earlyWarnings(db: Db, shopId: string, now: number): Promise<EarlyWarning[]> {
  const calendar = await getBusinessCalendar(db, shopId);
  const dayOf = dayFunction(calendar);
  const today = dayOf(now);
  const first = formatLocalDate(addZonedDays(parseLocalDate(today), -WARNING_BASELINE_DAYS));
  const days = daysBetween(first, today).slice(0, -1);
  const { start, end } = dayBounds(calendar, first, today);
  const [complaints, volume] = await Promise.all([
    complaintsBetween(db, shopId, start, end),
    repo.sumsByDay(db, shopId, first, today),
  ]);
  const series = (count: (day: string) => number) => ({
    history: days.map(count),
    today: count(today),
  });
  const warnings: EarlyWarning[] = [];
  const push = (
    kind: EarlyWarning['kind'],
    category: string | null,
    s: { history: number[]; today: number },
  ) => {
    const check = checkRise(s.history, s.today);
    if (check.rising) {
      warnings.push({
        kind,
        category,
        day: today,
        count: check.count,
        baseline: Math.round(check.baseline * 100) / 100,
      });
    }
  };
  const complaintDays = complaints.map((c) => ({
    day: dayOf(c.createdAt),
    category: c.complaintCategory ?? 'other',
  }));
  push(
    'complaints',
    null,
    series((day) => complaintDays.filter((c) => c.day === day).length),
  );
  for (const category of new Set(complaintDays.filter((c) => c.day === today).map((c) => c.category))) {
    push(
      'complaint_category',
      category,
      series((day) => complaintDays.filter((c) => c.day === day && c.category === category).length),
    );
  }
  const consults = new Map(volume.map((row) => [row.day, row.counters.consults]));
  push(
    'volume',
    null,
    series((day) => consults.get(day) ?? 0),
  );
  return warnings;
}
