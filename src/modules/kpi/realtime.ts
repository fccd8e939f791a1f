// The live wallboard → supervisors: events that move it (a chat arrives, is answered, is handed over; presence; SLA
// alerts) recompute it once per burst, after the roll-ups have taken them in, and push it to the shop's overseers.
import type { Namespace } from 'socket.io';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventBus } from '../../server/events.js';
import type { AgentServerEvents } from '../../shared/events.js';
import { rooms } from '../conversations/realtime.js';
import type { KpiJobs } from './jobs.js';
import { wallboard } from './service.js';

const moving = new Set([
  'message.created',
  'conversation.changed',
  'presence.changed',
  'sla.warning',
  'sla.breached',
  'workorder.changed',
]);

export function publishWallboard(deps: {
  db: Kysely<Database>;
  bus: EventBus;
  jobs: KpiJobs;
  now: () => number;
  agents: Namespace<Record<string, never>, AgentServerEvents>;
  onError: (error: unknown) => void;
  /** bursts closer than this are pushed once (default 200 ms) */
  settleMs?: number;
  /** Whether anybody may be watching the shop's wallboard; a board nobody watches is not computed (default: yes). */
  watched?: (shopId: string) => boolean;
}): () => void {
  const pending = new Map<string, NodeJS.Timeout>();
  const unsubscribe = deps.bus.subscribe((event) => {
    if (!moving.has(event.type) || pending.has(event.shopId)) return;
    const shopId = event.shopId;
    const timer = setTimeout(() => {
      pending.delete(shopId);
      if (deps.watched && !deps.watched(shopId)) return;
      void deps.jobs
        .settled()
        .then(() => wallboard(deps.db, shopId, deps.now()))
        .then((board) => deps.agents.to(rooms.overseers(shopId)).emit('metrics:wallboard', board))
        .catch(deps.onError);
    }, deps.settleMs ?? 200);
    pending.set(shopId, timer);
  });
  return () => {
    unsubscribe();
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  };
}
