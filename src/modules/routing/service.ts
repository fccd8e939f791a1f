// Routing (SPEC §3): assigns queued conversations with the pure cascade of rules.ts. One decision at a time per
// shop (a transaction-scoped advisory lock on PostgreSQL; SQLite serialises writers), so no chat is assigned
// twice and no cap is exceeded, also with several server processes deciding at once.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { runCommand, type EventBus } from '../../server/events.js';
import type { RoutingGroup } from '../../shared/chat.js';
import {
  agentLoads,
  assignConversation,
  lastServedBy,
  queuedConversations,
  releaseOffHoursMessages,
  serviceHoursOf,
} from '../conversations/service.js';
import { presenceByAgent } from '../presence/service.js';
import { groupKindsOf, routingStaff } from '../team/service.js';
import { planQueueDrain, type QueuedChat, type RoutingCandidate } from './rules.js';
import { isWithinServiceHours } from './service-hours.js';

type Db = Kysely<Database>;

async function lockShopRouting(trx: Db, shopId: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(hashtext(${`kefu:routing:${shopId}`}))`.execute(trx);
  }
}

async function candidatesOf(trx: Db, shopId: string): Promise<RoutingCandidate[]> {
  const [staff, presence, loads] = await Promise.all([
    routingStaff(trx, shopId),
    presenceByAgent(trx, shopId),
    agentLoads(trx, shopId),
  ]);
  return staff.map((agent) => ({
    agentId: agent.agentId,
    presence: presence.get(agent.agentId) ?? 'offline',
    groups: agent.groups,
    openChats: loads.get(agent.agentId)?.openChats ?? 0,
    maxConcurrentChats: agent.maxConcurrentChats,
    lastAssignedAt: loads.get(agent.agentId)?.lastAssignedAt ?? 0,
  }));
}

/** Assigns every queued conversation that can be assigned now, in arrival order; returns how many. */
export function drainQueue(deps: { db: Db; bus: EventBus }, shopId: string): Promise<number> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    await lockShopRouting(trx, shopId);
    const now = Date.now();
    if (isWithinServiceHours(now, await serviceHoursOf(trx, shopId)))
      await releaseOffHoursMessages(trx, emit, shopId);
    const queue = await queuedConversations(trx, shopId);
    if (queue.length === 0) return 0;
    const kinds = await groupKindsOf(trx, shopId);
    const shopRoutingGroups = kinds.filter(
      (kind): kind is RoutingGroup => kind === 'pre_sale' || kind === 'after_sale',
    );
    const recent = await lastServedBy(
      trx,
      shopId,
      queue.map((entry) => entry.customerId),
    );
    const queued: QueuedChat[] = queue.map((entry) => ({
      conversationId: entry.id,
      enqueuedAt: entry.queuedAt,
      offHours: entry.offHours,
      request: {
        source: entry.source,
        now,
        recentAgent: recent.get(entry.customerId) ?? null,
        shopRoutingGroups,
      },
    }));
    const plan = planQueueDrain(queued, await candidatesOf(trx, shopId));
    for (const { conversationId, decision } of plan) {
      await assignConversation(trx, emit, shopId, conversationId, {
        agentId: decision.agentId,
        tier: decision.tier,
        now,
      });
    }
    return plan.length;
  });
}

/**
 * Drains a shop's queue whenever something may have changed who can take a chat: a new conversation, a closed
 * one, an agent coming online. Runs are chained per shop, and a burst of events coalesces into one more run.
 */
export interface RoutingRunner {
  stop(): void;
  /** Resolves when no routing run is in flight or pending (tests, graceful shutdown). */
  idle(): Promise<void>;
}

/**
 * Drains a shop's queue whenever something may have changed who can take a chat: a new conversation, a closed
 * one, an agent coming online. Runs are chained per shop, and a burst of events coalesces into one more run.
 */
export function startRouting(deps: {
  db: Db;
  bus: EventBus;
  onError: (error: unknown) => void;
}): RoutingRunner {
  const running = new Map<string, Promise<void>>();
  const pending = new Set<string>();

  const schedule = (shopId: string) => {
    if (running.has(shopId)) {
      pending.add(shopId);
      return;
    }
    const run = drainQueue(deps, shopId)
      .then(() => undefined, deps.onError)
      .finally(() => {
        running.delete(shopId);
        if (pending.delete(shopId)) schedule(shopId);
      });
    running.set(shopId, run);
  };

  const stop = deps.bus.subscribe((event) => {
    if (event.type === 'conversation.changed') {
      const status = event.conversation.status;
      if (status === 'queued' || status === 'closed') schedule(event.shopId);
    } else if (event.type === 'presence.changed' && (event.status === 'online' || event.status === 'busy')) {
      schedule(event.shopId);
    }
  });

  return {
    stop,
    idle: async () => {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
