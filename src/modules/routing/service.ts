// Routing (SPEC §3): assigns queued conversations with the pure cascade of rules.ts. One decision at a time per
// shop (a transaction-scoped advisory lock on PostgreSQL; SQLite serialises writers), so no chat is assigned
// twice and no cap is exceeded, also with several server processes deciding at once.
import type { Kysely } from 'kysely';
import { lockForTransaction } from '../../db/locks.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type EventBus } from '../../server/events.js';
import type { RoutingGroup } from '../../shared/chat.js';
import type { Conversation, TransferBody } from '../../shared/schemas/chat.js';
import {
  activeAutoReplies,
  agentLoads,
  assignConversation,
  existingConversation,
  handOverConversation,
  lastServedBy,
  queuedConversations,
  releaseOfflineMessages,
  sendQueueNotices,
} from '../conversations/service.js';
import { presenceByAgent } from '../presence/service.js';
import { getChatSettings } from '../shops/service.js';
import { groupKindsOf, routingStaff, staffNames } from '../team/service.js';
import {
  canTakeChat,
  compareQueuedChats,
  planQueueDrain,
  type QueuedChat,
  type RoutingCandidate,
} from './rules.js';
import { isWithinServiceHours } from './service-hours.js';

type Db = Kysely<Database>;

function lockShopRouting(trx: Db, shopId: string): Promise<void> {
  return lockForTransaction(trx, `kefu:routing:${shopId}`);
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
    const settings = await getChatSettings(trx, shopId);
    if (isWithinServiceHours(now, settings.serviceHours)) {
      await releaseOfflineMessages(trx, emit, shopId, settings);
    }
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
        ...(entry.transferredToGroup ? { group: entry.targetGroup } : {}),
        excludeAgentId: entry.excludeAgentId,
      },
    }));
    const plan = planQueueDrain(queued, await candidatesOf(trx, shopId));
    const names = await staffNames(
      trx,
      shopId,
      plan.map((entry) => entry.decision.agentId),
    );
    const welcome =
      plan.length > 0 ? await activeAutoReplies(trx, shopId, settings, ['greeting', 'promotion'], now) : [];
    for (const { conversationId, decision } of plan) {
      await assignConversation(trx, emit, shopId, conversationId, {
        welcome,
        agentId: decision.agentId,
        agentName: names.get(decision.agentId) ?? '',
        tier: decision.tier,
        now,
        settings,
      });
    }
    // Room freed in the queue takes offline messages left while it was full (the release re-runs routing).
    if (plan.length > 0 && isWithinServiceHours(now, settings.serviceHours)) {
      await releaseOfflineMessages(trx, emit, shopId, settings);
    }
    // Those still waiting hear where they stand (the queue auto-reply, once per stay in the queue).
    const assigned = new Set(plan.map((entry) => entry.conversationId));
    const waiting = queued
      .filter((chat) => !assigned.has(chat.conversationId))
      .sort(compareQueuedChats)
      .map((chat, index) => ({ conversationId: chat.conversationId, position: index + 1 }));
    await sendQueueNotices(trx, emit, shopId, settings, waiting, now);
    return plan.length;
  });
}

const overseers = new Set(['admin', 'supervisor']);

/**
 * A manual hand-over (SPEC §3.4): the assigned agent (or a supervisor) transfers a chat to another agent, who must
 * be online or busy and below their cap, or back to a group's queue; a supervisor may also place a queued chat or
 * move one between agents. Decided under the same per-shop lock as routing, so caps hold against it too.
 */
export function transferConversation(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  conversationId: string,
  body: { to: TransferBody['to']; note: string },
  mode: 'transfer' | 'supervisor',
): Promise<Conversation> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    await lockShopRouting(trx, actor.shopId);
    const before = await existingConversation(trx, actor.shopId, conversationId);
    const supervising = overseers.has(actor.role) || actor.permissions.has('chat.supervise');
    if (before.status === 'closed') throw new AppError('conversation_closed');
    if (mode === 'supervisor') {
      if (!supervising) throw new AppError('forbidden');
    } else if (before.status !== 'assigned' || (before.agentId !== actor.userId && !supervising)) {
      throw new AppError('not_your_conversation');
    }
    const now = Date.now();
    const kind = mode === 'transfer' ? 'transfer' : before.agentId ? 'reassign' : 'assign';
    const handOver = { kind, byUserId: actor.userId, note: body.note, now } as const;
    if (body.to.kind === 'group') {
      const group: RoutingGroup = body.to.group;
      if (!(await groupKindsOf(trx, actor.shopId)).includes(group)) {
        throw new AppError('validation_failed', {
          issues: [{ path: ['to', 'group'], message: 'no such group' }],
        });
      }
      return handOverConversation(trx, emit, before, { kind: 'group', group }, handOver);
    }
    const targetId = body.to.agentId;
    if (targetId === before.agentId) throw new AppError('transfer_to_self');
    const target = (await candidatesOf(trx, actor.shopId)).find((c) => c.agentId === targetId);
    if (!target) throw notFound();
    if (target.presence !== 'online' && target.presence !== 'busy') throw new AppError('agent_unavailable');
    if (!canTakeChat(target)) throw new AppError('agent_at_capacity');
    return handOverConversation(trx, emit, before, { kind: 'agent', agentId: targetId }, handOver);
  });
}

/**
 * Drains a shop's queue whenever something may have changed who can take a chat: a new conversation, a closed
 * one, an agent coming online. Runs are chained per shop, and a burst of events coalesces into one more run.
 */
export interface RoutingRunner {
  stop(): void;
  /** Asks for a drain of this shop's queue (e.g. at opening time, to release the night's messages). */
  schedule(shopId: string): void;
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
    schedule,
    idle: async () => {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
