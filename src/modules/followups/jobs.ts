// Follow-up work on every node: tasks the rules create when a work order is resolved or a consultation ends
// (applied in the order the events were published), and the periodic sweep that records overdue tasks once.
import { periodicSweep, serialQueue } from '../../server/background.js';
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
  const queue = serialQueue(options.onError);
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'workorder.changed' && event.workOrder.status === 'resolved') {
      queue.enqueue(() => onWorkOrderChanged(deps, event.shopId, event.workOrder));
    } else if (event.type === 'conversation.changed' && event.conversation.status === 'closed') {
      queue.enqueue(() => onConversationChanged(deps, event.shopId, event.conversation));
    }
  });
  const sweeps = periodicSweep(() => sweepOverdue(deps), options.intervalMs, options.onError);
  return {
    tick: () => sweepOverdue(deps),
    idle: queue.idle,
    stop: async () => {
      unsubscribe();
      await sweeps.stop();
      await queue.idle();
    },
  };
}
