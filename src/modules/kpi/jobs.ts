// Keeps the metrics roll-ups up to date as domain events are published (docs/metrics.md §3.1): each event names
// the entities it changed, and they are refreshed one batch after another on this node.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { coalescingWorker } from '../../server/coalescing-worker.js';
import type { DomainEvent, EventBus } from '../../server/events.js';
import type { BusinessCalendar } from '../../shared/business-time.js';
import { dayFunction } from './rules.js';
import { refreshEntities } from './service.js';

export interface KpiJobs {
  /** Takes every published event into the roll-ups now and resolves when done (tests, shutdown). */
  idle(): Promise<void>;
  /** Resolves when every published event has reached the roll-ups in its own time (the wallboard waits on it). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** A busy shop's roll-up refreshes start at most this often (the wallboard shows them within 2 s). */
export const REFRESH_INTERVAL_MS = 1000;

/** Order-side events that count for an order number (§2.6 shop payments, §2.7) and for a customer-day (§2.6). */
const subjectKinds = new Set(['order_paid', 'aftersale_applied', 'aftersale_reviewed', 'refund_completed']);
const salesKinds = new Set(['order_placed', 'order_paid']);

/** The entities (docs/metrics.md §3) an event changes. */
export function entitiesOf(event: DomainEvent): string[] {
  switch (event.type) {
    case 'message.created':
    case 'conversation.changed':
      return [`c:${event.conversation.id}`];
    case 'rating.created':
      return [`c:${event.rating.conversationId}`];
    case 'commerce.recorded':
      return event.events.flatMap((e) => [
        ...(subjectKinds.has(e.kind) ? [`s:${e.subjectKey}`] : []),
        // the customer's sales day: the event's instant becomes its local day below
        ...(e.customerId && salesKinds.has(e.kind) ? [`p:${e.customerId}:@${e.occurredAt}`] : []),
      ]);
    case 'call.changed':
      return [`k:${event.callId}`];
    case 'workorder.changed':
      return [
        `w:${event.workOrder.id}`,
        ...(event.workOrder.orderNo ? [`s:${event.workOrder.orderNo}`] : []),
      ];
    case 'sla.breached':
      return event.alert.workOrderId ? [`w:${event.alert.workOrderId}`] : [];
    default:
      return [];
  }
}

export function startKpiJobs(deps: {
  db: Kysely<Database>;
  bus: EventBus;
  now: () => number;
  calendarOf: (shopId: string) => Promise<BusinessCalendar>;
  onError: (error: unknown) => void;
}): KpiJobs {
  // Entities waiting per shop, coalesced: a burst of 1,000 messages in one chat is one refresh of that chat, and a
  // busy shop's refreshes start at most every REFRESH_INTERVAL_MS, each covering all the chats that moved meanwhile.
  const worker = coalescingWorker<string[]>(
    async (shopId, batches) => {
      const keys = new Set(batches.flat());
      const dayOf = [...keys].some((key) => key.includes(':@'))
        ? dayFunction(await deps.calendarOf(shopId))
        : null;
      const resolved = [...keys].map((key) => {
        const at = key.indexOf(':@');
        return at === -1 || !dayOf ? key : `${key.slice(0, at)}:${dayOf(Number(key.slice(at + 2)))}`;
      });
      await refreshEntities(deps.db, shopId, [...new Set(resolved)], deps.now());
    },
    deps.onError,
    { minIntervalMs: REFRESH_INTERVAL_MS },
  );

  const unsubscribe = deps.bus.subscribe((event) => {
    const keys = entitiesOf(event);
    if (keys.length > 0) worker.add(event.shopId, keys);
  });
  return {
    idle: () => worker.idle(),
    settled: () => worker.settled(),
    stop: async () => {
      unsubscribe();
      await worker.idle();
    },
  };
}
