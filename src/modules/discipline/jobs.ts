// Detection on every node: follow-up events (contracts: followup.overdue / followup.completed) are recorded as
// they are published, and a periodic sweep records what the other modules' data shows (idempotent per rule and
// evidence, so two nodes sweeping the same shop add nothing twice).
import { allShopIds } from '../shops/service.js';
import { detectViolations, recordFollowUpEvent, type DisciplineDeps } from './service.js';

export interface DisciplineJobs {
  tick(): Promise<void>;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startDisciplineJobs(
  deps: DisciplineDeps,
  options: { intervalMs: number; onError: (error: unknown) => void },
): DisciplineJobs {
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>) => {
    chain = chain.then(work).catch(options.onError);
  };
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'followup.overdue' || event.type === 'followup.completed') {
      enqueue(() => recordFollowUpEvent(deps, event));
    }
  });
  const tick = async () => {
    for (const shopId of await allShopIds(deps.db)) await detectViolations(deps, shopId);
  };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    tick,
    idle: async () => {
      await chain;
    },
    stop: async () => {
      clearInterval(timer);
      unsubscribe();
      await chain;
      await running;
    },
  };
}
