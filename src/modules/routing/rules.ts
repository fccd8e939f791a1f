// The chat routing cascade of SPEC §3 (seed 001, exact) and the queue drain, as pure functions of their inputs.
import type { EntrySource, PresenceStatus, RoutingGroup } from '../../shared/chat.js';
import type { GroupKind } from '../../shared/schemas/team.js';

/** Seed 001 分流规则: message centre, order detail, order list ⇒ after-sale 售后; shop home, product detail ⇒ pre-sale 售前. */
export function groupForSource(source: EntrySource): RoutingGroup {
  switch (source) {
    case 'message_centre':
    case 'order_detail':
    case 'order_list':
      return 'after_sale';
    case 'shop_home':
    case 'product_detail':
      return 'pre_sale';
  }
}

/** Seed 001: 最近接待客服有效期为24小时. Exactly 24 h after the last service the most recent agent has expired. */
export const recentAgentValidityMs = 24 * 3_600_000;

export interface RoutingCandidate {
  agentId: string;
  presence: PresenceStatus;
  groups: GroupKind[];
  openChats: number;
  maxConcurrentChats: number;
  /** Epoch ms of the agent's last assignment; 0 = never. */
  lastAssignedAt: number;
}

export interface RoutingRequest {
  source: EntrySource;
  now: number;
  /** The last agent who served this customer in this shop 最近接待客服, if any. */
  recentAgent: { agentId: string; servedAt: number } | null;
  /** The routing groups the shop has, e.g. ['pre_sale'] or ['pre_sale', 'after_sale']. */
  shopRoutingGroups: RoutingGroup[];
  /** A manual transfer to a group (SPEC §3.4) overrides the group the source maps to. */
  group?: RoutingGroup | undefined;
  /** The agent a transfer came from: not chosen again for this chat, also not as its most recent agent. */
  excludeAgentId?: string | null | undefined;
}

/** The tiers of seed 001's 消息分配优先级, highest first. */
export const routingTiers = [
  'recent_agent',
  'online_matching',
  'online_other',
  'busy_matching',
  'busy_other',
] as const;
export type RoutingTier = (typeof routingTiers)[number];

export type RoutingDecision =
  | { kind: 'assign'; agentId: string; tier: RoutingTier; group: RoutingGroup }
  | { kind: 'queue'; group: RoutingGroup };

export type AssignDecision = Extract<RoutingDecision, { kind: 'assign' }>;

/**
 * The group a chat targets. Seed 001 初始化规则: while the shop has only the pre-sale group there is no
 * pre-/after-sale split and the pre-sale group takes every entry source.
 */
export function targetGroup(
  request: Pick<RoutingRequest, 'source' | 'shopRoutingGroups' | 'group'>,
): RoutingGroup {
  if (!splitsBySource(request.shopRoutingGroups)) return 'pre_sale';
  return request.group ?? groupForSource(request.source);
}

function splitsBySource(shopRoutingGroups: readonly RoutingGroup[]): boolean {
  return shopRoutingGroups.includes('after_sale');
}

/** Online or busy and below the concurrent-chat cap; away and offline agents never get a chat. */
export function canTakeChat(candidate: RoutingCandidate): boolean {
  return (
    (candidate.presence === 'online' || candidate.presence === 'busy') &&
    candidate.openChats < candidate.maxConcurrentChats
  );
}

/** Whether the most recent agent is still within the 24 h validity at `now`. */
export function isRecentAgentValid(servedAt: number, now: number): boolean {
  return now - servedAt < recentAgentValidityMs;
}

/** Least loaded first: fewest open chats, then longest idle, then agent id, so the choice is deterministic. */
export function compareLoad(a: RoutingCandidate, b: RoutingCandidate): number {
  if (a.openChats !== b.openChats) return a.openChats - b.openChats;
  if (a.lastAssignedAt !== b.lastAssignedAt) return a.lastAssignedAt - b.lastAssignedAt;
  if (a.agentId === b.agentId) return 0;
  return a.agentId < b.agentId ? -1 : 1;
}

/** The tier a candidate who can take the chat falls into, ignoring the most-recent-agent rule. */
function groupTier(candidate: RoutingCandidate, group: RoutingGroup, split: boolean): RoutingTier {
  // In-sale-only agents are never in a routing group, so they count as the other group.
  const matching = !split || candidate.groups.includes(group);
  if (candidate.presence === 'online') return matching ? 'online_matching' : 'online_other';
  return matching ? 'busy_matching' : 'busy_other';
}

/**
 * Seed 001 消息分配优先级: online-or-busy most recent agent → online matching group → online other group →
 * busy matching group → busy other group; the least-loaded agent within a tier; nobody ⇒ queue in the target group.
 */
export function decideRoute(
  request: RoutingRequest,
  candidates: readonly RoutingCandidate[],
): RoutingDecision {
  const group = targetGroup(request);
  const split = splitsBySource(request.shopRoutingGroups);
  const available = candidates.filter(
    (candidate) => canTakeChat(candidate) && candidate.agentId !== request.excludeAgentId,
  );

  const recent = request.recentAgent;
  if (recent && isRecentAgentValid(recent.servedAt, request.now)) {
    const agent = available.find((candidate) => candidate.agentId === recent.agentId);
    if (agent) return { kind: 'assign', agentId: agent.agentId, tier: 'recent_agent', group };
  }

  let best: { candidate: RoutingCandidate; rank: number } | null = null;
  for (const candidate of available) {
    const rank = routingTiers.indexOf(groupTier(candidate, group, split));
    if (!best || rank < best.rank || (rank === best.rank && compareLoad(candidate, best.candidate) < 0)) {
      best = { candidate, rank };
    }
  }
  if (!best) return { kind: 'queue', group };
  return { kind: 'assign', agentId: best.candidate.agentId, tier: routingTiers[best.rank]!, group };
}

/** A chat waiting in the queue; `offHours` chats arrived while the shop was closed and head the morning queue. */
export interface QueuedChat {
  conversationId: string;
  request: RoutingRequest;
  enqueuedAt: number;
  offHours: boolean;
}

/** Queue order: off-hours chats first, then by arrival, then by conversation id. */
export function compareQueuedChats(
  a: Pick<QueuedChat, 'offHours' | 'enqueuedAt' | 'conversationId'>,
  b: Pick<QueuedChat, 'offHours' | 'enqueuedAt' | 'conversationId'>,
): number {
  if (a.offHours !== b.offHours) return a.offHours ? -1 : 1;
  if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt - b.enqueuedAt;
  if (a.conversationId === b.conversationId) return 0;
  return a.conversationId < b.conversationId ? -1 : 1;
}

/**
 * Which queued chats can be assigned now, and to whom (SPEC §3.4: in arrival order as capacity frees up).
 *
 * Walks the queue in `compareQueuedChats` order and routes each chat with `decideRoute` against the load left by
 * the chats before it, so no cap is exceeded (candidate agent ids are unique). Each chat's own `request.now` decides whether its most recent agent
 * is still valid (the rule looks at when the customer came in). Whether any agent can take a chat does not depend
 * on the chat, so the walk stops at the first chat nobody can take: a later chat never jumps an earlier one.
 */
export function planQueueDrain(
  queue: readonly QueuedChat[],
  candidates: readonly RoutingCandidate[],
): Array<{ conversationId: string; decision: AssignDecision }> {
  const pool = candidates.map((candidate) => ({ ...candidate }));
  // A logical clock above every known time, so an agent just assigned in this drain counts as the least idle.
  let clock = 0;
  for (const candidate of pool) clock = Math.max(clock, candidate.lastAssignedAt);
  for (const chat of queue) clock = Math.max(clock, chat.request.now);
  const plan: Array<{ conversationId: string; decision: AssignDecision }> = [];
  for (const chat of [...queue].sort(compareQueuedChats)) {
    const decision = decideRoute(chat.request, pool);
    if (decision.kind === 'queue') {
      // Only a transferred chat can find nobody while others still could (its previous agent is excluded).
      if (chat.request.excludeAgentId) continue;
      break;
    }
    const agent = pool.find((candidate) => candidate.agentId === decision.agentId)!;
    agent.openChats += 1;
    clock += 1;
    agent.lastAssignedAt = clock;
    plan.push({ conversationId: chat.conversationId, decision });
  }
  return plan;
}
