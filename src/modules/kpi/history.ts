// The history charts of a period (docs/metrics.md §8): volume by hour, business type and day, problem-type shares,
// resolution results, satisfaction trend and complaint categories, read through the owning modules' services.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { toZonedParts } from '../../shared/zoned-time.js';
import type { HistoryCharts, HistoryQuery } from '../../shared/schemas/metrics.js';
import { problemTypesOfConversations } from '../assist/service.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { chatFacts, chatIdsActiveBetween } from '../conversations/service.js';
import { complaintsBetween, workOrderFacts, workOrderIdsActiveBetween } from '../tickets/service.js';
import { chatStartOf, countRows, daysBetween, resolutionOf } from './rules.js';
import { dailyCounters, dayBounds, resolvePeriod } from './service.js';

type Db = Kysely<Database>;

const CHUNK = 1000;

export async function historyCharts(db: Db, shopId: string, query: HistoryQuery): Promise<HistoryCharts> {
  const period = resolvePeriod(query);
  const calendar = await getBusinessCalendar(db, shopId);
  const { start, end } = dayBounds(calendar, period.from, period.to);
  const inPeriod = (instant: number | null): instant is number =>
    instant !== null && instant >= start && instant < end;

  // chats begun in the period, by hour of the shop's day
  const byHour = Array.from({ length: 24 }, () => 0);
  const chatIds: string[] = [];
  const activeChats = await chatIdsActiveBetween(db, shopId, start, end);
  for (let i = 0; i < activeChats.length; i += CHUNK) {
    for (const chat of await chatFacts(db, shopId, activeChats.slice(i, i + CHUNK))) {
      const begun = chatStartOf(chat.messages);
      if (!inPeriod(begun)) continue;
      const hour = toZonedParts(begun, calendar.timeZone).hour;
      byHour[hour] = (byHour[hour] ?? 0) + 1;
      chatIds.push(chat.id);
    }
  }

  // work orders created in the period
  const activeOrders = await workOrderIdsActiveBetween(db, shopId, start, end);
  const workOrders = [];
  for (let i = 0; i < activeOrders.length; i += CHUNK) {
    for (const wo of await workOrderFacts(db, shopId, activeOrders.slice(i, i + CHUNK))) {
      if (inPeriod(wo.createdAt)) workOrders.push(wo);
    }
  }

  const problemTypes = await problemTypesOfConversations(db, shopId, [
    ...chatIds,
    ...workOrders.flatMap((wo) => (wo.conversationId ? [wo.conversationId] : [])),
  ]);
  const classifiedChats = new Set(chatIds.filter((id) => problemTypes.has(id)));
  const problemKeys: string[] = chatIds.flatMap((id) => {
    const type = problemTypes.get(id);
    return type ? [type] : [];
  });
  for (const wo of workOrders) {
    const viaChat = wo.conversationId ? problemTypes.get(wo.conversationId) : undefined;
    if (viaChat && wo.conversationId && classifiedChats.has(wo.conversationId)) continue; // counted as its chat
    problemKeys.push(viaChat ?? `work_order:${wo.type}`);
  }

  const resolution = { resolved: 0, partly: 0, unresolved: 0 };
  for (const wo of workOrders) {
    const result = resolutionOf(wo.satisfaction);
    if (result) resolution[result] += 1;
  }

  const [days, complaints] = await Promise.all([
    dailyCounters(db, shopId, period.from, period.to),
    complaintsBetween(db, shopId, start, end),
  ]);
  const byDay = new Map(days.map((d) => [d.day, d.counters]));
  return {
    period,
    byHour,
    byBusinessType: countRows(workOrders.map((wo) => wo.type)),
    trend: daysBetween(period.from, period.to).map((day) => {
      const c = byDay.get(day);
      return {
        day,
        consultations: c?.consults ?? 0,
        calls: c?.inboundCalls ?? 0,
        workOrders: c?.workOrders ?? 0,
        ratings: c?.ratings ?? 0,
        goodRatingRate: c && c.ratings > 0 ? c.goodRatings / c.ratings : null,
      };
    }),
    problemTypes: countRows(problemKeys),
    resolution,
    complaintCategories: countRows(complaints.map((c) => c.complaintCategory ?? 'other')),
  };
}
