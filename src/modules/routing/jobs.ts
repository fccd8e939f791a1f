// Chat's clockwork, on every node: drains queues that events alone would not (offline messages at opening time,
// chats left waiting when another node freed capacity) and flags agents idle while online. Every step is safe to
// run on several nodes at once (routing takes a per-shop lock; idle stretches are recorded once by a unique key).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventBus } from '../../server/events.js';
import { shopsWithWaitingChats } from '../conversations/service.js';
import { detectIdleAgents } from '../presence/service.js';
import { allShopIds } from '../shops/service.js';
import type { RoutingRunner } from './service.js';

export interface ChatJobs {
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
  /** One round now (tests, and the first round at start-up). */
  tick(): Promise<void>;
}

export function startChatJobs(deps: {
  db: Kysely<Database>;
  bus: EventBus;
  routing: RoutingRunner;
  intervalMs: number;
  onError: (error: unknown) => void;
}): ChatJobs {
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const shopId of await shopsWithWaitingChats(deps.db)) deps.routing.schedule(shopId);
    for (const shopId of await allShopIds(deps.db)) await detectIdleAgents(deps, shopId);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch(deps.onError)
      .finally(() => {
        running = null;
      });
  }, deps.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
    tick,
  };
}
