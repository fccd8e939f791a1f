// Follow-up work on every node: tasks the rules create when a work order is resolved or a consultation ends
// (applied in the order the events were published), and the periodic sweep that records overdue tasks once.
import { onConversationChanged, onWorkOrderChanged, sweepOverdue, type FollowUpDeps } from './service.js';

export interface FollowUpJobs {
  /** One overdue sweep now (tests drive time through deps.now and call this). */
  tick(): Promise<number>;
  /** Resolves when every published event has created its tasks. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startFollowUpJobs(
  deps: FollowUpDeps,
  options: { intervalMs: number; onError: (error: unknown) => void },
): FollowUpJobs {
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch(options.onError);
  };
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'workorder.changed' && event.workOrder.status === 'resolved') {
      enqueue(() => onWorkOrderChanged(deps, event.shopId, event.workOrder));
    } else if (event.type === 'conversation.changed' && event.conversation.status === 'closed') {
      enqueue(() => onConversationChanged(deps, event.shopId, event.conversation));
    }
  });

  let sweeping: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = sweepOverdue(deps)
      .catch(options.onError)
      .finally(() => {
        sweeping = null;
      });
  }, options.intervalMs);
  timer.unref();

  return {
    tick: () => sweepOverdue(deps),
    idle: async () => {
      let seen: Promise<void> | undefined;
      while (seen !== chain) {
        seen = chain;
        await chain;
      }
    },
    stop: async () => {
      clearInterval(timer);
      unsubscribe();
      await sweeping;
      await chain;
    },
  };
}
