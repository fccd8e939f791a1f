// The SLA clockwork, on every node: order-side events (commerce.recorded) and chats (seed 003 cut-offs) start and
// stop clocks as they are published, and a periodic sweep records the warnings and breaches that have come due
// (claimed once per clock by a conditional update, so two nodes never record one twice).
import { periodicSweep, serialQueue } from '../../server/background.js';
import { runCommand, type DomainEvent } from '../../server/events.js';
import type { CommerceEvent } from '../../shared/commerce.js';
import { recordSlaEvent, slaEventRecorder, sweepSla, type SlaDeps } from './service.js';

export interface SlaJobs {
  /** One sweep now (tests drive time through deps.now and call this). */
  tick(): Promise<{ warnings: number; breaches: number }>;
  /** Resolves when every published event has been applied to the clocks. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Chats whose cut-off clock this node already started (saves a write per customer message). */
const STARTED_LIMIT = 50_000;

export function startSlaJobs(
  deps: SlaDeps,
  options: { intervalMs: number; onError: (error: unknown) => void },
): SlaJobs {
  // Events are applied in order, one shop's batch after another, so a stop never overtakes its start.
  const queue = serialQueue(options.onError);
  const enqueue = queue.enqueue;
  const started = new Set<string>();

  const applyCommerce = (shopId: string, events: readonly CommerceEvent[]) =>
    runCommand(deps.db, deps.bus, async (trx, emit) => {
      const record = await slaEventRecorder(deps, trx, emit, shopId);
      for (const event of events) {
        await record(
          `order.${event.kind}`,
          { kind: 'order', key: event.subjectKey, customerId: event.customerId },
          event.occurredAt,
        );
      }
    });

  const onEvent = (event: DomainEvent) => {
    if (event.type === 'commerce.recorded') {
      enqueue(() => applyCommerce(event.shopId, event.events));
    } else if (event.type === 'message.created') {
      const { conversation, message } = event;
      const subject = {
        kind: 'conversation' as const,
        key: conversation.id,
        customerId: conversation.customer.id,
      };
      const at = Date.parse(message.createdAt);
      if (message.authorKind === 'customer' && conversation.firstResponseAt === null) {
        if (started.has(conversation.id)) return;
        if (started.size > STARTED_LIMIT) started.clear();
        started.add(conversation.id);
        enqueue(() =>
          runCommand(deps.db, deps.bus, (trx, emit) =>
            recordSlaEvent(deps, trx, emit, event.shopId, 'chat.customer_message', subject, at),
          ),
        );
      } else if (
        message.authorKind === 'agent' &&
        !message.internal &&
        conversation.firstResponseAt === message.createdAt
      ) {
        started.delete(conversation.id);
        enqueue(() =>
          runCommand(deps.db, deps.bus, (trx, emit) =>
            recordSlaEvent(deps, trx, emit, event.shopId, 'chat.agent_reply', subject, at),
          ),
        );
      }
    }
  };
  const unsubscribe = deps.bus.subscribe(onEvent);

  const sweeps = periodicSweep(() => sweepSla(deps), options.intervalMs, options.onError);

  return {
    tick: () => sweepSla(deps),
    idle: queue.idle,
    stop: async () => {
      unsubscribe();
      await sweeps.stop();
      await queue.idle();
    },
  };
}
