// The metric formulas of SPEC §7 (seed 001) as pure functions: what each source entity adds to the daily roll-ups
// (docs/metrics.md §2–§3), the metrics computed from summed counters (§4), periods (§1) and the performance score
// (§5). No I/O and no clock: calendars and facts are passed in.
import {
  isServiceTime,
  localDateOf,
  nextServiceOpening,
  parseLocalDate,
  formatLocalDate,
  type BusinessCalendar,
} from '../../shared/business-time.js';
import { metricKeys, type MetricKey } from '../../shared/metrics.js';
import { addZonedDays, weekdayOf } from '../../shared/zoned-time.js';

// ── counters (docs/metrics.md §3) ─────────────────────────────────────────────────────────────────────────

export const kpiCounterKeys = [
  'consults',
  'unanswered',
  'customerMessages',
  'agentMessages',
  'responseMsSum',
  'responseCount',
  'firstResponseMsSum',
  'firstResponseCount',
  'ratings',
  'goodRatings',
  'aftersaleHandlingMsSum',
  'aftersaleHandlingCount',
  'refundFen',
  'workOrders',
  'workOrdersResolvedAtOnce',
  'workOrdersReplied',
  'workOrdersRepliedInTime',
  'aftersaleRated',
  'aftersaleSatisfied',
  'orderedCustomers',
  'paidCustomers',
  'csSalesFen',
  'shopPaymentsFen',
  'inboundCalls',
  'answeredCalls',
] as const;
export type KpiCounterKey = (typeof kpiCounterKeys)[number];
export type KpiCounters = Record<KpiCounterKey, number>;

/** One roll-up cell an entity adds to: agent ('' = nobody), shop-local day and the counters it adds. */
export interface ContributionRow {
  agentId: string;
  day: string;
  counters: Partial<KpiCounters>;
}

export function zeroCounters(): KpiCounters {
  const counters = {} as KpiCounters;
  for (const key of kpiCounterKeys) counters[key] = 0;
  return counters;
}

export function addCounters(into: KpiCounters, from: Partial<KpiCounters>, sign = 1): KpiCounters {
  for (const key of kpiCounterKeys) {
    const value = from[key];
    if (value) into[key] += sign * value;
  }
  return into;
}

/** Counters added up per roll-up cell (day, agent) as they come; `rows()` gives them as mergeRows does. */
export class RowAccumulator {
  private readonly days = new Map<string, Map<string, Partial<KpiCounters>>>();

  add(agentId: string, day: string, counter: KpiCounterKey, value: number): void {
    if (!value) return;
    let agents = this.days.get(day);
    if (!agents) this.days.set(day, (agents = new Map()));
    let counters = agents.get(agentId);
    if (!counters) agents.set(agentId, (counters = {}));
    counters[counter] = (counters[counter] ?? 0) + value;
  }

  addRow(row: ContributionRow, sign = 1): void {
    // only the counters a row has (most rows are one message: one counter)
    for (const counter of Object.keys(row.counters) as KpiCounterKey[]) {
      this.add(row.agentId, row.day, counter, sign * (row.counters[counter] ?? 0));
    }
  }

  /** Zero counters dropped, by day then agent. */
  rows(): ContributionRow[] {
    const rows: ContributionRow[] = [];
    for (const day of [...this.days.keys()].sort()) {
      const agents = this.days.get(day)!;
      for (const agentId of [...agents.keys()].sort((a, b) => a.localeCompare(b))) {
        const counters: Partial<KpiCounters> = {};
        let any = false;
        for (const [counter, value] of Object.entries(agents.get(agentId)!) as [KpiCounterKey, number][]) {
          if (value !== 0) {
            counters[counter] = value;
            any = true;
          }
        }
        if (any) rows.push({ agentId, day, counters });
      }
    }
    return rows;
  }
}

/** Rows with the same agent and day merged, zero counters dropped, in a stable order. */
export function mergeRows(rows: readonly ContributionRow[]): ContributionRow[] {
  const cells = new RowAccumulator();
  for (const row of rows) cells.addRow(row);
  return cells.rows();
}

/** new − old, cell by cell: what a changed entity moves the roll-ups by. */
export function diffRows(
  previous: readonly ContributionRow[],
  next: readonly ContributionRow[],
): ContributionRow[] {
  const cells = new RowAccumulator();
  for (const row of next) cells.addRow(row);
  for (const row of previous) cells.addRow(row, -1);
  return cells.rows();
}

// ── time (docs/metrics.md §1) ──────────────────────────────────────────────────────────────────────────────

/** The shop-local day of an instant, cached per quarter hour (zone offsets are whole quarter hours). */
export function dayFunction(calendar: BusinessCalendar): (instant: number) => string {
  const cache = new Map<number, string>();
  return (instant) => {
    const bucket = Math.floor(instant / 900_000);
    let day = cache.get(bucket);
    if (day === undefined) {
      day = localDateOf(calendar, instant);
      if (cache.size > 100_000) cache.clear();
      cache.set(bucket, day);
    }
    return day;
  };
}

const serviceMinuteCache = new WeakMap<BusinessCalendar, Map<number, boolean>>();

/** Whether service is open at `instant`, remembered per calendar and minute (service hours are whole minutes). */
function openAt(calendar: BusinessCalendar, instant: number): boolean {
  let minutes = serviceMinuteCache.get(calendar);
  if (!minutes) serviceMinuteCache.set(calendar, (minutes = new Map()));
  const minute = Math.floor(instant / 60_000);
  let open = minutes.get(minute);
  if (open === undefined) {
    if (minutes.size > 200_000) minutes.clear();
    open = isServiceTime(calendar, minute * 60_000);
    minutes.set(minute, open);
  }
  return open;
}

/** docs/metrics.md §2.4: a wait that starts outside service hours starts at the next opening. */
export function serviceElapsedMs(calendar: BusinessCalendar, from: number, to: number): number {
  const start = openAt(calendar, from) ? from : nextServiceOpening(calendar, from);
  return Math.max(0, to - start);
}

export type PeriodKind = 'day' | 'week' | 'month' | 'range';

/** The inclusive local-day range of a natural day, ISO week (Monday first), month, or a custom range. */
export function periodDays(kind: PeriodKind, from: string, to?: string): { from: string; to: string } {
  const date = parseLocalDate(from, 'from');
  if (kind === 'day') return { from, to: from };
  if (kind === 'week') {
    const monday = addZonedDays(date, 1 - weekdayOf(date));
    return { from: formatLocalDate(monday), to: formatLocalDate(addZonedDays(monday, 6)) };
  }
  if (kind === 'month') {
    const first = { ...date, day: 1 };
    const next =
      date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { ...first, month: date.month + 1 };
    return { from: formatLocalDate(first), to: formatLocalDate(addZonedDays(next, -1)) };
  }
  const end = parseLocalDate(to ?? from, 'to');
  if (formatLocalDate(end) < from) throw new RangeError('to must not be before from');
  return { from, to: formatLocalDate(end) };
}

/** Every local day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = parseLocalDate(from); formatLocalDate(date) <= to; date = addZonedDays(date, 1)) {
    days.push(formatLocalDate(date));
  }
  return days;
}

// ── chats (docs/metrics.md §2.1–§2.5) ─────────────────────────────────────────────────────────────────────

export interface ChatMessageFact {
  authorKind: 'customer' | 'agent' | 'system';
  authorId: string | null;
  kind: string;
  internal: boolean;
  createdAt: number;
}

export interface ChatFacts {
  id: string;
  customerId: string;
  /** the agent holding the chat now (null: queued, never taken) */
  agentId: string | null;
  messages: readonly ChatMessageFact[];
  /** hand-overs in time order: to an agent, or to a group's queue (toAgentId null) */
  transfers: readonly { fromAgentId: string | null; toAgentId: string | null; at: number }[];
  rating: { agentId: string | null; score: 'good' | 'neutral' | 'bad'; createdAt: number } | null;
}

/** A consultation 咨询: one customer with one agent in one chat (docs/metrics.md §2.1). */
export interface Consultation {
  agentId: string;
  customerId: string;
  /** the first customer message attributed to this agent */
  startedAt: number;
  day: string;
}

const isCustomerMessage = (m: ChatMessageFact) => m.authorKind === 'customer' && !m.internal;
/** §2.3: an agent's own text or image to the customer; auto-replies, notes and system events are not replies. */
const isAgentReply = (m: ChatMessageFact) =>
  m.authorKind === 'agent' && !m.internal && m.authorId !== null && (m.kind === 'text' || m.kind === 'image');

/**
 * §2.2: who a customer message is attributed to: the agent holding the chat when it was sent; while the chat waits
 * in a queue (before the first assignment or after a hand-over to a group), the next agent who takes it; '' if none.
 */
export function holderTimeline(chat: ChatFacts): (at: number) => string {
  const first = chat.transfers[0];
  const initial = first ? first.fromAgentId : chat.agentId;
  const changes: { at: number; agentId: string | null }[] = chat.transfers.map((t) => ({
    at: t.at,
    agentId: t.toAgentId,
  }));
  const last = chat.transfers.at(-1);
  // A hand-over to a group queue that routing later placed leaves no transfer row; the chat's agent is that placement.
  const finalAgent = last && last.toAgentId === null ? chat.agentId : undefined;
  return (at) => {
    let index = -1;
    for (let i = 0; i < changes.length; i++) if ((changes[i]?.at ?? Infinity) <= at) index = i;
    const current = index === -1 ? initial : (changes[index]?.agentId ?? null);
    if (current) return current;
    for (let i = index + 1; i < changes.length; i++) {
      const next = changes[i]?.agentId;
      if (next) return next;
    }
    return finalAgent ?? '';
  };
}

export function chatContribution(
  chat: ChatFacts,
  calendar: BusinessCalendar,
  dayOf: (instant: number) => string = dayFunction(calendar),
): { rows: ContributionRow[]; consultations: Consultation[] } {
  // Added up as they come: a long chat is thousands of messages, refreshed every second while it runs.
  const rows = new RowAccumulator();
  // in time order (as they usually come already: then without a sorted copy)
  const inOrder = chat.messages.every((m, i, all) => i === 0 || all[i - 1]!.createdAt <= m.createdAt);
  const messages = inOrder ? chat.messages : [...chat.messages].sort((a, b) => a.createdAt - b.createdAt);
  const holderAt = holderTimeline(chat);
  const firstByHolder = new Map<string, number>();
  let pendingSince: number | null = null;
  for (const message of messages) {
    if (isCustomerMessage(message)) {
      const holder = holderAt(message.createdAt);
      rows.add(holder, dayOf(message.createdAt), 'customerMessages', 1);
      if (!firstByHolder.has(holder)) firstByHolder.set(holder, message.createdAt);
      pendingSince ??= message.createdAt;
    } else if (isAgentReply(message)) {
      const agentId = message.authorId ?? '';
      rows.add(agentId, dayOf(message.createdAt), 'agentMessages', 1);
      // §2.4: each customer turn is answered by the next reply, whoever sends it (transfers do not restart it).
      if (pendingSince !== null) {
        const day = dayOf(pendingSince);
        rows.add(agentId, day, 'responseMsSum', serviceElapsedMs(calendar, pendingSince, message.createdAt));
        rows.add(agentId, day, 'responseCount', 1);
        pendingSince = null;
      }
    }
  }
  const consultations: Consultation[] = [];
  for (const [agentId, startedAt] of firstByHolder) {
    const day = dayOf(startedAt);
    consultations.push({ agentId, customerId: chat.customerId, startedAt, day });
    const reply = messages.find((m) => isAgentReply(m) && m.authorId === agentId && m.createdAt >= startedAt);
    rows.add(agentId, day, 'consults', 1);
    if (reply) {
      rows.add(agentId, day, 'firstResponseMsSum', serviceElapsedMs(calendar, startedAt, reply.createdAt));
      rows.add(agentId, day, 'firstResponseCount', 1);
    } else rows.add(agentId, day, 'unanswered', 1);
  }
  if (chat.rating) {
    const agentId = chat.rating.agentId ?? '';
    const day = dayOf(chat.rating.createdAt);
    rows.add(agentId, day, 'ratings', 1);
    rows.add(agentId, day, 'goodRatings', chat.rating.score === 'good' ? 1 : 0);
  }
  return { rows: rows.rows(), consultations };
}

// ── sales (docs/metrics.md §2.6) ──────────────────────────────────────────────────────────────────────────

export interface OrderFact {
  kind: string;
  occurredAt: number;
  amountFen: number | null;
}

/**
 * One customer's consultations and orders on one local day: each order placed or paid is credited to the agent whose
 * consultation with this customer that day began last at or before it; orders before any consultation are not CS.
 */
export function customerDayContribution(
  day: string,
  consultations: readonly Consultation[],
  orders: readonly OrderFact[],
): ContributionRow[] {
  const sameDay = consultations.filter((c) => c.day === day && c.agentId !== '');
  const creditOf = (at: number) => {
    let best: Consultation | undefined;
    for (const c of sameDay) if (c.startedAt <= at && (!best || c.startedAt > best.startedAt)) best = c;
    return best?.agentId;
  };
  const ordered = new Set<string>();
  const paid = new Map<string, number>();
  for (const order of orders) {
    const agentId = creditOf(order.occurredAt);
    if (!agentId) continue;
    if (order.kind === 'order_placed') ordered.add(agentId);
    if (order.kind === 'order_paid') paid.set(agentId, (paid.get(agentId) ?? 0) + (order.amountFen ?? 0));
  }
  const rows: ContributionRow[] = [];
  for (const agentId of ordered) rows.push({ agentId, day, counters: { orderedCustomers: 1 } });
  for (const [agentId, fen] of paid)
    rows.push({ agentId, day, counters: { paidCustomers: 1, csSalesFen: fen } });
  return mergeRows(rows);
}

/**
 * Everything that happened to one order / after-sale number (§2.7): shop payments (to nobody), after-sale handling
 * time (application → review) and refunds, credited to the holder of the number's latest work order.
 */
export function subjectContribution(
  events: readonly OrderFact[],
  holderId: string | null,
  dayOf: (instant: number) => string,
): ContributionRow[] {
  const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt);
  const rows: ContributionRow[] = [];
  const agentId = holderId ?? '';
  let appliedAt: number | null = null;
  for (const event of sorted) {
    const day = dayOf(event.occurredAt);
    if (event.kind === 'order_paid')
      rows.push({ agentId: '', day, counters: { shopPaymentsFen: event.amountFen ?? 0 } });
    if (event.kind === 'aftersale_applied') appliedAt ??= event.occurredAt;
    if (event.kind === 'aftersale_reviewed' && appliedAt !== null) {
      rows.push({
        agentId,
        day,
        counters: { aftersaleHandlingMsSum: event.occurredAt - appliedAt, aftersaleHandlingCount: 1 },
      });
      appliedAt = null;
    }
    if (event.kind === 'refund_completed')
      rows.push({ agentId, day, counters: { refundFen: event.amountFen ?? 0 } });
  }
  return mergeRows(rows);
}

// ── work orders and calls (docs/metrics.md §2.8–§2.9) ──────────────────────────────────────────────────────

export interface WorkOrderFacts {
  type: string;
  status: string;
  assigneeId: string | null;
  reopenCount: number;
  satisfaction: string | null;
  createdAt: number;
  firstReplyAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** when a reply-limit clock (simple_reply, urgent_reply) of this work order breached */
  replyBreachedAt: readonly number[];
}

const settledStatuses = new Set(['resolved', 'awaiting_verdict', 'closed']);
const aftersaleTypes = new Set(['after_sale', 'refund']);

export function workOrderContribution(
  wo: WorkOrderFacts,
  dayOf: (instant: number) => string,
): ContributionRow[] {
  const agentId = wo.assigneeId ?? '';
  const rows: ContributionRow[] = [
    {
      agentId,
      day: dayOf(wo.createdAt),
      counters: {
        workOrders: 1,
        workOrdersResolvedAtOnce:
          wo.firstReplyAt !== null && settledStatuses.has(wo.status) && wo.reopenCount === 0 ? 1 : 0,
      },
    },
  ];
  if (wo.firstReplyAt !== null) {
    const firstReplyAt = wo.firstReplyAt;
    const late = wo.replyBreachedAt.some((at) => at <= firstReplyAt);
    rows.push({
      agentId,
      day: dayOf(firstReplyAt),
      counters: { workOrdersReplied: 1, workOrdersRepliedInTime: late ? 0 : 1 },
    });
  }
  if (aftersaleTypes.has(wo.type) && wo.satisfaction !== null) {
    rows.push({
      agentId,
      day: dayOf(wo.closedAt ?? wo.resolvedAt ?? wo.createdAt),
      counters: { aftersaleRated: 1, aftersaleSatisfied: wo.satisfaction === 'unsatisfied' ? 0 : 1 },
    });
  }
  return mergeRows(rows);
}

export interface CallFacts {
  direction: 'inbound' | 'outbound';
  agentId: string | null;
  startedAt: number;
  answeredAt: number | null;
}

export function callContribution(call: CallFacts, dayOf: (instant: number) => string): ContributionRow[] {
  if (call.direction !== 'inbound') return [];
  return [
    {
      agentId: call.agentId ?? '',
      day: dayOf(call.startedAt),
      counters: { inboundCalls: 1, answeredCalls: call.answeredAt === null ? 0 : 1 },
    },
  ];
}

// ── metrics from counters (docs/metrics.md §4) ─────────────────────────────────────────────────────────────

export { metricKeys, type MetricKey };
export type MetricValues = Record<MetricKey, number | null>;

/** Lower is better for these (the score rewards being at or under the target). */
export const lowerIsBetter: ReadonlySet<MetricKey> = new Set([
  'unansweredCustomers',
  'avgResponseSeconds',
  'avgFirstResponseSeconds',
  'aftersaleHandlingHours',
]);

/** Seed 001 KPI sets: the platform's basic KPIs per group and the optional ones a shop may add. */
export const kpiSets: Record<
  'pre_sale' | 'in_sale' | 'after_sale',
  { basic: MetricKey[]; optional: MetricKey[] }
> = {
  pre_sale: {
    basic: ['goodRatingRate', 'avgResponseSeconds', 'hotlineConnectionRate'],
    optional: [
      'answerQuestionRatio',
      'customersReceived',
      'replyRate',
      'conversionRate',
      'averageOrderValueFen',
      'csSalesFen',
      'csSalesShare',
      'inquiryPaymentRate',
    ],
  },
  in_sale: {
    basic: ['workOrderTimelyReplyRate', 'aftersaleHandlingHours'],
    optional: ['firstContactResolutionRate', 'refundsCompletedFen'],
  },
  after_sale: {
    basic: ['goodRatingRate', 'avgResponseSeconds', 'hotlineConnectionRate', 'aftersaleSatisfaction'],
    optional: ['answerQuestionRatio', 'customersReceived', 'replyRate'],
  },
};

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;
const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The metrics of one scope (an agent, a group, the shop) from the summed counters of its members.
 * perAgent: each member agent's own sums, for the two response-time means of seed 001 (mean over agents of each
 * agent's mean, over agents with at least one response); shopPaymentsFen: the shop's payments in the period.
 */
export function computeMetrics(
  total: KpiCounters,
  perAgent: readonly KpiCounters[],
  shopPaymentsFen: number,
): MetricValues {
  const received = total.consults - total.unanswered;
  const agentMeans = (sum: KpiCounterKey, count: KpiCounterKey) =>
    perAgent.filter((c) => c[count] > 0).map((c) => c[sum] / c[count] / 1000);
  return {
    consultingCustomers: total.consults,
    unansweredCustomers: total.unanswered,
    replyRate: ratio(received, total.consults),
    goodRatingRate: ratio(total.goodRatings, total.ratings),
    customersReceived: received,
    answerQuestionRatio: ratio(total.agentMessages, total.customerMessages),
    avgResponseSeconds: mean(agentMeans('responseMsSum', 'responseCount')),
    avgFirstResponseSeconds: mean(agentMeans('firstResponseMsSum', 'firstResponseCount')),
    aftersaleHandlingHours: ratio(total.aftersaleHandlingMsSum / 3_600_000, total.aftersaleHandlingCount),
    refundsCompletedFen: total.refundFen,
    workOrderTimelyReplyRate: ratio(total.workOrdersRepliedInTime, total.workOrdersReplied),
    conversionRate: ratio(total.orderedCustomers, total.consults),
    averageOrderValueFen: ratio(total.csSalesFen, total.paidCustomers),
    csSalesFen: total.csSalesFen,
    csSalesShare: ratio(total.csSalesFen, shopPaymentsFen),
    inquiryPaymentRate: ratio(total.paidCustomers, total.consults),
    firstContactResolutionRate: ratio(total.workOrdersResolvedAtOnce, total.workOrders),
    aftersaleSatisfaction: ratio(total.aftersaleSatisfied, total.aftersaleRated),
    hotlineConnectionRate: ratio(total.answeredCalls, total.inboundCalls),
  };
}

// ── performance score (docs/metrics.md §5) ─────────────────────────────────────────────────────────────────

export interface ScoreItem {
  metric: MetricKey;
  weight: number;
  target: number;
}

export interface ScoreBreakdown {
  score: number;
  items: {
    metric: MetricKey;
    value: number | null;
    target: number;
    weight: number;
    achievement: number;
    points: number;
  }[];
}

/**
 * Score 0–100: each chosen metric's achievement (value ÷ target, capped at 1; for lower-is-better metrics target ÷
 * value, 1 at or under the target; 0 with no value) weighted by its share of the total weight.
 */
export function performanceScore(values: MetricValues, items: readonly ScoreItem[]): ScoreBreakdown {
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  const breakdown = items.map((item) => {
    const value = values[item.metric];
    let achievement = 0;
    if (value !== null) {
      if (lowerIsBetter.has(item.metric)) achievement = value <= item.target ? 1 : item.target / value;
      else achievement = item.target <= 0 ? 1 : Math.min(1, value / item.target);
    }
    const points = totalWeight === 0 ? 0 : (100 * item.weight * achievement) / totalWeight;
    return { metric: item.metric, value, target: item.target, weight: item.weight, achievement, points };
  });
  return { score: breakdown.reduce((sum, item) => sum + item.points, 0), items: breakdown };
}

// ── early warning (docs/metrics.md §7) ─────────────────────────────────────────────────────────────────────

export interface RiseCheck {
  /** today's count */
  count: number;
  /** mean daily count over the baseline days */
  baseline: number;
  /** the count at or above which today is flagged */
  threshold: number;
  rising: boolean;
}

/**
 * An unusual rise of a daily count against the shop's own recent baseline: the mean of the previous `days` days
 * (quiet days included). Counts are treated as Poisson: today is flagged when it reaches at least `minCount`, at
 * least 1.5 × the mean, and more than mean + 3 × √mean (three standard deviations of a Poisson count).
 */
export function checkRise(history: readonly number[], count: number, minCount = 3): RiseCheck {
  const baseline = history.length === 0 ? 0 : history.reduce((sum, value) => sum + value, 0) / history.length;
  const threshold = Math.max(
    minCount,
    Math.ceil(1.5 * baseline),
    Math.floor(baseline + 3 * Math.sqrt(baseline)) + 1,
  );
  return { count, baseline, threshold, rising: count >= threshold };
}

// ── history charts (docs/metrics.md §8) ────────────────────────────────────────────────────────────────────

export type ResolutionResult = 'resolved' | 'partly' | 'unresolved';

/** A work order's result from its verdict: satisfied → resolved, basically satisfied → partly, unsatisfied → unresolved. */
export function resolutionOf(
  verdict: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null,
): ResolutionResult | null {
  if (verdict === 'satisfied') return 'resolved';
  if (verdict === 'basically_satisfied') return 'partly';
  if (verdict === 'unsatisfied') return 'unresolved';
  return null;
}

/** When a chat began: its first customer message (null for a chat the customer never wrote in). */
export function chatStartOf(messages: readonly { authorKind: string; createdAt: number }[]): number | null {
  let first: number | null = null;
  for (const m of messages) {
    if (m.authorKind === 'customer' && (first === null || m.createdAt < first)) first = m.createdAt;
  }
  return first;
}

/** Counts per key, largest first then by key, as chart rows. */
export function countRows<K extends string>(keys: Iterable<K>): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
