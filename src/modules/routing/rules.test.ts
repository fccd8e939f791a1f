import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySources, presenceStatuses, type EntrySource } from '../../shared/chat.js';
import { groupKinds } from '../../shared/schemas/team.js';
import {
  decideRoute,
  groupForSource,
  planQueueDrain,
  recentAgentValidityMs,
  routingTiers,
  targetGroup,
  type QueuedChat,
  type RoutingCandidate,
  type RoutingRequest,
} from './rules.js';

const now = Date.UTC(2026, 4, 5, 2, 0, 0);
const hourMs = 3_600_000;
const bothGroups: RoutingRequest['shopRoutingGroups'] = ['pre_sale', 'after_sale'];

function buildAgent(agentId: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate {
  return {
    agentId,
    presence: 'online',
    groups: ['pre_sale'],
    openChats: 0,
    maxConcurrentChats: 8,
    lastAssignedAt: 0,
    ...overrides,
  };
}

/** A chat from the product detail page (pre-sale) in a shop with both routing groups, by default. */
function buildRequest(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return { source: 'product_detail', now, recentAgent: null, shopRoutingGroups: bothGroups, ...overrides };
}

function recent(agentId: string, ago = hourMs): RoutingRequest['recentAgent'] {
  return { agentId, servedAt: now - ago };
}

describe('entry source → group (seed 001 分流规则)', () => {
  const cases: Array<[EntrySource, 'pre_sale' | 'after_sale']> = [
    ['message_centre', 'after_sale'],
    ['order_detail', 'after_sale'],
    ['order_list', 'after_sale'],
    ['shop_home', 'pre_sale'],
    ['product_detail', 'pre_sale'],
  ];
  it.each(cases)('a chat from %s goes to %s', (source, group) => {
    expect(groupForSource(source)).toBe(group);
    expect(targetGroup({ source, shopRoutingGroups: bothGroups })).toBe(group);
  });

  it('covers every entry source', () => {
    expect(cases.map(([source]) => source).sort()).toEqual([...entrySources].sort());
  });
});

describe('decideRoute: priority tiers (seed 001 消息分配优先级)', () => {
  it('online most-recent agent beats a less-loaded online matching agent', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang') }), [
      buildAgent('li'),
      buildAgent('zhang', { openChats: 5 }),
    ]);
    expect(decision).toEqual({ kind: 'assign', agentId: 'zhang', tier: 'recent_agent', group: 'pre_sale' });
  });

  it('busy most-recent agent beats online matching agent', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang') }), [
      buildAgent('li'),
      buildAgent('zhang', { presence: 'busy' }),
    ]);
    expect(decision).toMatchObject({ kind: 'assign', agentId: 'zhang', tier: 'recent_agent' });
  });

  it('most-recent agent gets the chat even from the other group', () => {
    const decision = decideRoute(buildRequest({ source: 'order_detail', recentAgent: recent('zhang') }), [
      buildAgent('li', { groups: ['after_sale'] }),
      buildAgent('zhang', { groups: ['pre_sale'] }),
    ]);
    expect(decision).toEqual({ kind: 'assign', agentId: 'zhang', tier: 'recent_agent', group: 'after_sale' });
  });

  it('online matching-group agent beats online other-group agent', () => {
    const decision = decideRoute(buildRequest({ source: 'order_list' }), [
      buildAgent('pre', { groups: ['pre_sale'] }),
      buildAgent('after', { groups: ['after_sale'], openChats: 7 }),
    ]);
    expect(decision).toEqual({
      kind: 'assign',
      agentId: 'after',
      tier: 'online_matching',
      group: 'after_sale',
    });
  });

  it('online other-group agent beats busy matching agent', () => {
    const decision = decideRoute(buildRequest({ source: 'order_list' }), [
      buildAgent('after', { groups: ['after_sale'], presence: 'busy' }),
      buildAgent('pre', { groups: ['pre_sale'], openChats: 7 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'pre', tier: 'online_other' });
  });

  it('busy matching agent beats busy other-group agent', () => {
    const decision = decideRoute(buildRequest({ source: 'shop_home' }), [
      buildAgent('after', { groups: ['after_sale'], presence: 'busy' }),
      buildAgent('pre', { groups: ['pre_sale'], presence: 'busy', openChats: 7 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'pre', tier: 'busy_matching' });
  });

  it('busy other-group agent is the last resort before the queue', () => {
    const decision = decideRoute(buildRequest({ source: 'shop_home' }), [
      buildAgent('after', { groups: ['after_sale'], presence: 'busy' }),
      buildAgent('pre-away', { groups: ['pre_sale'], presence: 'away' }),
    ]);
    expect(decision).toMatchObject({ agentId: 'after', tier: 'busy_other', group: 'pre_sale' });
  });

  it('an in-sale-only agent counts as the other group', () => {
    const decision = decideRoute(buildRequest({ source: 'shop_home' }), [
      buildAgent('in-sale', { groups: ['in_sale'] }),
    ]);
    expect(decision).toMatchObject({ agentId: 'in-sale', tier: 'online_other' });
  });

  it('an agent in both groups matches either source', () => {
    const both = buildAgent('both', { groups: ['pre_sale', 'after_sale'] });
    expect(decideRoute(buildRequest({ source: 'shop_home' }), [both])).toMatchObject({
      tier: 'online_matching',
    });
    expect(decideRoute(buildRequest({ source: 'order_detail' }), [both])).toMatchObject({
      tier: 'online_matching',
    });
  });

  it('falls through to the tiers when the most recent agent is not among the candidates', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('gone') }), [buildAgent('li')]);
    expect(decision).toMatchObject({ agentId: 'li', tier: 'online_matching' });
  });
});

describe('decideRoute: the most recent agent is valid for 24 h (最近接待客服有效期为24小时)', () => {
  const agents = [buildAgent('li'), buildAgent('zhang', { presence: 'busy', openChats: 3 })];

  it('is still valid at 23:59:59', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang', 24 * hourMs - 1000) }), agents);
    expect(decision).toMatchObject({ agentId: 'zhang', tier: 'recent_agent' });
  });

  it('is still valid one millisecond before 24 h', () => {
    const decision = decideRoute(
      buildRequest({ recentAgent: recent('zhang', recentAgentValidityMs - 1) }),
      agents,
    );
    expect(decision).toMatchObject({ agentId: 'zhang', tier: 'recent_agent' });
  });

  it('has expired at exactly 24:00:00', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang', 24 * hourMs) }), agents);
    expect(decision).toMatchObject({ agentId: 'li', tier: 'online_matching' });
  });

  it('has expired after 24 h', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang', 30 * hourMs) }), agents);
    expect(decision).toMatchObject({ agentId: 'li' });
  });

  it('is 24 hours long', () => {
    expect(recentAgentValidityMs).toBe(86_400_000);
  });
});

describe('decideRoute: away and offline agents never get a chat', () => {
  it.each(['away', 'offline'] as const)('a %s most-recent agent is skipped', (presence) => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang') }), [
      buildAgent('zhang', { presence }),
      buildAgent('li', { presence: 'busy', groups: ['after_sale'], openChats: 7 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'li', tier: 'busy_other' });
  });

  it('queues rather than wake an away or offline agent', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang') }), [
      buildAgent('zhang', { presence: 'away' }),
      buildAgent('li', { presence: 'offline' }),
    ]);
    expect(decision).toEqual({ kind: 'queue', group: 'pre_sale' });
  });
});

describe('decideRoute: never above the concurrent-chat cap', () => {
  it('skips an agent at their cap', () => {
    const decision = decideRoute(buildRequest(), [
      buildAgent('full', { openChats: 8 }),
      buildAgent('other', { groups: ['after_sale'], openChats: 2 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'other', tier: 'online_other' });
  });

  it('skips the most recent agent at their cap', () => {
    const decision = decideRoute(buildRequest({ recentAgent: recent('zhang') }), [
      buildAgent('zhang', { openChats: 3, maxConcurrentChats: 3 }),
      buildAgent('li', { openChats: 6 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'li', tier: 'online_matching' });
  });

  it('skips an agent whose cap was lowered below their open chats', () => {
    const decision = decideRoute(buildRequest(), [
      buildAgent('over', { openChats: 9, maxConcurrentChats: 5 }),
    ]);
    expect(decision).toEqual({ kind: 'queue', group: 'pre_sale' });
  });

  it('takes an agent with one slot left', () => {
    const decision = decideRoute(buildRequest(), [buildAgent('last-slot', { openChats: 7 })]);
    expect(decision).toMatchObject({ agentId: 'last-slot' });
  });
});

describe('decideRoute: least loaded within a tier', () => {
  it('picks the agent with the fewest open chats', () => {
    const decision = decideRoute(buildRequest(), [
      buildAgent('a', { openChats: 3, lastAssignedAt: 1 }),
      buildAgent('b', { openChats: 1, lastAssignedAt: now - 1000 }),
      buildAgent('c', { openChats: 2, lastAssignedAt: 2 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'b' });
  });

  it('breaks a load tie by longest idle (never assigned first)', () => {
    const decision = decideRoute(buildRequest(), [
      buildAgent('a', { openChats: 2, lastAssignedAt: now - hourMs }),
      buildAgent('b', { openChats: 2, lastAssignedAt: now - 2 * hourMs }),
    ]);
    expect(decision).toMatchObject({ agentId: 'b' });
    expect(
      decideRoute(buildRequest(), [buildAgent('a', { lastAssignedAt: now - hourMs }), buildAgent('z')]),
    ).toMatchObject({ agentId: 'z' });
  });

  it('breaks a full tie by agent id, whatever the candidate order', () => {
    const agents = [buildAgent('c'), buildAgent('a'), buildAgent('b')];
    expect(decideRoute(buildRequest(), agents)).toMatchObject({ agentId: 'a' });
    expect(decideRoute(buildRequest(), [...agents].reverse())).toMatchObject({ agentId: 'a' });
  });

  it('never lets a lighter load pull a chat into a lower tier', () => {
    const decision = decideRoute(buildRequest(), [
      buildAgent('busy-idle', { presence: 'busy' }),
      buildAgent('online-loaded', { openChats: 7 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'online-loaded' });
  });
});

describe('decideRoute: a shop with only the pre-sale group (seed 001 初始化规则)', () => {
  const preSaleOnly: RoutingRequest['shopRoutingGroups'] = ['pre_sale'];

  it.each(entrySources)('sends a chat from %s to pre-sale', (source) => {
    expect(targetGroup({ source, shopRoutingGroups: preSaleOnly })).toBe('pre_sale');
    expect(decideRoute(buildRequest({ source, shopRoutingGroups: preSaleOnly }), [buildAgent('a')])).toEqual({
      kind: 'assign',
      agentId: 'a',
      tier: 'online_matching',
      group: 'pre_sale',
    });
  });

  it('counts every agent as matching, whatever their groups', () => {
    const decision = decideRoute(buildRequest({ source: 'order_detail', shopRoutingGroups: preSaleOnly }), [
      buildAgent('pre-busy', { presence: 'busy' }),
      buildAgent('in-sale', { groups: ['in_sale'], openChats: 4 }),
    ]);
    expect(decision).toMatchObject({ agentId: 'in-sale', tier: 'online_matching', group: 'pre_sale' });
  });

  it('queues in pre-sale when nobody can take it', () => {
    expect(decideRoute(buildRequest({ source: 'order_list', shopRoutingGroups: preSaleOnly }), [])).toEqual({
      kind: 'queue',
      group: 'pre_sale',
    });
  });
});

describe('decideRoute: queueing', () => {
  it('queues in the target group when nobody is eligible', () => {
    expect(decideRoute(buildRequest({ source: 'message_centre' }), [])).toEqual({
      kind: 'queue',
      group: 'after_sale',
    });
    expect(
      decideRoute(buildRequest({ source: 'shop_home' }), [
        buildAgent('full', { openChats: 8 }),
        buildAgent('away', { presence: 'away' }),
      ]),
    ).toEqual({ kind: 'queue', group: 'pre_sale' });
  });
});

describe('decideRoute: properties', () => {
  const agentIds = ['a', 'b', 'c', 'd', 'e', 'f'];
  const candidateArb = fc.record({
    agentId: fc.constantFrom(...agentIds),
    presence: fc.constantFrom(...presenceStatuses),
    groups: fc.subarray([...groupKinds]),
    openChats: fc.integer({ min: 0, max: 5 }),
    maxConcurrentChats: fc.integer({ min: 0, max: 5 }),
    lastAssignedAt: fc.constantFrom(0, now - 2 * hourMs, now - hourMs, now - 1),
  });
  const candidatesArb = fc.uniqueArray(candidateArb, {
    selector: (c) => c.agentId,
    maxLength: agentIds.length,
  });
  const requestArb = fc.record({
    source: fc.constantFrom(...entrySources),
    now: fc.constant(now),
    recentAgent: fc.option(
      fc.record({
        agentId: fc.constantFrom(...agentIds, 'gone'),
        servedAt: fc.integer({ min: now - 2 * recentAgentValidityMs, max: now }),
      }),
    ),
    shopRoutingGroups: fc.constantFrom<RoutingRequest['shopRoutingGroups']>(['pre_sale'], bothGroups),
  });

  it('never picks an away/offline agent or one at cap, and never skips a higher tier with an eligible agent', () => {
    fc.assert(
      fc.property(requestArb, candidatesArb, (request, candidates) => {
        const decision = decideRoute(request, candidates);
        const split = request.shopRoutingGroups.includes('after_sale');
        const group = split ? groupForSource(request.source) : 'pre_sale';
        expect(decision.group).toBe(group);

        const eligible = candidates.filter(
          (c) => (c.presence === 'online' || c.presence === 'busy') && c.openChats < c.maxConcurrentChats,
        );
        if (eligible.length === 0) {
          expect(decision).toEqual({ kind: 'queue', group });
          return;
        }
        if (decision.kind !== 'assign') throw new Error('queued although an agent could take the chat');
        const chosen = eligible.find((c) => c.agentId === decision.agentId);
        expect(chosen).toBeDefined();

        const recentAgent = request.recentAgent;
        const recentEligible =
          recentAgent !== null &&
          request.now - recentAgent.servedAt < 24 * hourMs &&
          eligible.some((c) => c.agentId === recentAgent.agentId);
        if (recentEligible) {
          expect(decision).toMatchObject({ tier: 'recent_agent', agentId: recentAgent.agentId });
          return;
        }
        const tierOf = (c: RoutingCandidate) => {
          const matching = !split || c.groups.includes(group);
          return c.presence === 'online' ? (matching ? 1 : 2) : matching ? 3 : 4;
        };
        const bestTier = Math.min(...eligible.map(tierOf));
        expect(decision.tier).toBe(routingTiers[bestTier]);
        const peers = eligible.filter((c) => tierOf(c) === bestTier);
        for (const peer of peers) {
          const lighter =
            peer.openChats < chosen!.openChats ||
            (peer.openChats === chosen!.openChats && peer.lastAssignedAt < chosen!.lastAssignedAt);
          expect(lighter, `${peer.agentId} is less loaded than ${chosen!.agentId}`).toBe(false);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('planQueueDrain', () => {
  function queued(index: number, overrides: Partial<QueuedChat> = {}): QueuedChat {
    return {
      conversationId: `conv-${String(index).padStart(3, '0')}`,
      request: buildRequest({ now: now + index * 1000 }),
      enqueuedAt: now + index * 1000,
      offHours: false,
      ...overrides,
    };
  }

  it('assigns exactly 30 of 100 queued chats to 10 agents with cap 3: the first 30, in order, none above 3', () => {
    const agents = Array.from({ length: 10 }, (_, i) => buildAgent(`agent-${i}`, { maxConcurrentChats: 3 }));
    const queue = Array.from({ length: 100 }, (_, i) => queued(i));
    const plan = planQueueDrain([...queue].reverse(), agents);

    expect(plan).toHaveLength(30);
    expect(plan.map((p) => p.conversationId)).toEqual(queue.slice(0, 30).map((q) => q.conversationId));
    const perAgent = new Map<string, number>();
    for (const { decision } of plan)
      perAgent.set(decision.agentId, (perAgent.get(decision.agentId) ?? 0) + 1);
    expect([...perAgent.values()]).toEqual(Array.from({ length: 10 }, () => 3));
  });

  it('spreads the queue over the least-loaded agents, round robin when loads are equal', () => {
    const agents = [buildAgent('a'), buildAgent('b'), buildAgent('c', { openChats: 1 })];
    const plan = planQueueDrain([queued(1), queued(2), queued(3), queued(4), queued(5)], agents);
    expect(plan.map((p) => p.decision.agentId)).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('puts off-hours chats at the head of the morning queue, then arrival order, then conversation id', () => {
    const agents = [buildAgent('a', { maxConcurrentChats: 3 })];
    const plan = planQueueDrain(
      [
        queued(1),
        queued(9, { offHours: true, enqueuedAt: now - 5000 }),
        queued(8, { offHours: true, enqueuedAt: now - 6000 }),
        queued(2, { enqueuedAt: now - 10_000 }),
        queued(7, { offHours: true, enqueuedAt: now - 6000 }),
      ],
      agents,
    );
    expect(plan.map((p) => p.conversationId)).toEqual(['conv-007', 'conv-008', 'conv-009']);
  });

  it('never lets a later chat jump an earlier one, even when the earlier one targets another group', () => {
    const agents = [buildAgent('pre', { groups: ['pre_sale'], maxConcurrentChats: 1 })];
    const plan = planQueueDrain(
      [queued(1, { request: buildRequest({ source: 'order_detail' }) }), queued(2)],
      agents,
    );
    expect(plan).toEqual([
      {
        conversationId: 'conv-001',
        decision: { kind: 'assign', agentId: 'pre', tier: 'online_other', group: 'after_sale' },
      },
    ]);
  });

  it('routes each queued chat by the cascade: its most recent agent first, its own group next', () => {
    const agents = [
      buildAgent('pre', { groups: ['pre_sale'] }),
      buildAgent('after', { groups: ['after_sale'] }),
      buildAgent('zhang', { presence: 'busy', groups: ['pre_sale'], openChats: 4 }),
    ];
    const plan = planQueueDrain(
      [
        queued(1, { request: buildRequest({ source: 'order_list' }) }),
        queued(2, { request: buildRequest({ recentAgent: recent('zhang') }) }),
        queued(3, { request: buildRequest({ source: 'shop_home' }) }),
      ],
      agents,
    );
    expect(plan.map((p) => [p.decision.agentId, p.decision.tier])).toEqual([
      ['after', 'online_matching'],
      ['zhang', 'recent_agent'],
      ['pre', 'online_matching'],
    ]);
  });

  it('does not change the candidates or the queue it is given', () => {
    const agents = [buildAgent('a', { maxConcurrentChats: 1 })];
    const queue = [queued(2), queued(1)];
    const snapshot = structuredClone({ agents, queue });
    planQueueDrain(queue, agents);
    expect({ agents, queue }).toEqual(snapshot);
  });

  it('assigns nothing when nobody can take a chat or the queue is empty', () => {
    expect(planQueueDrain([queued(1)], [buildAgent('away', { presence: 'away' })])).toEqual([]);
    expect(planQueueDrain([], [buildAgent('a')])).toEqual([]);
  });

  it('never exceeds a cap and keeps queue order, for any queue and team', () => {
    const agentArb = fc.record({
      presence: fc.constantFrom(...presenceStatuses),
      groups: fc.subarray([...groupKinds]),
      openChats: fc.integer({ min: 0, max: 4 }),
      maxConcurrentChats: fc.integer({ min: 0, max: 4 }),
    });
    const chatArb = fc.record({
      source: fc.constantFrom(...entrySources),
      offHours: fc.boolean(),
      enqueuedAt: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(agentArb, { maxLength: 6 }),
        fc.array(chatArb, { maxLength: 30 }),
        (team, chats) => {
          const agents = team.map((a, i) => buildAgent(`agent-${i}`, a));
          const queue = chats.map((c, i) =>
            queued(i, {
              offHours: c.offHours,
              enqueuedAt: c.enqueuedAt,
              request: buildRequest({ source: c.source }),
            }),
          );
          const plan = planQueueDrain(queue, agents);

          const freeSlots = agents
            .filter((a) => a.presence === 'online' || a.presence === 'busy')
            .reduce((sum, a) => sum + Math.max(0, a.maxConcurrentChats - a.openChats), 0);
          expect(plan).toHaveLength(Math.min(freeSlots, queue.length));

          const ordered = [...queue].sort(
            (x, y) =>
              Number(y.offHours) - Number(x.offHours) ||
              x.enqueuedAt - y.enqueuedAt ||
              x.conversationId.localeCompare(y.conversationId),
          );
          expect(plan.map((p) => p.conversationId)).toEqual(
            ordered.slice(0, plan.length).map((q) => q.conversationId),
          );
          for (const agent of agents) {
            const added = plan.filter((p) => p.decision.agentId === agent.agentId).length;
            if (added > 0) expect(agent.openChats + added).toBeLessThanOrEqual(agent.maxConcurrentChats);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('manual transfer to a group', () => {
  const now = Date.parse('2026-11-23T10:00:00+08:00');
  const agent = (agentId: string, groups: RoutingCandidate['groups'], openChats = 0): RoutingCandidate => ({
    agentId,
    presence: 'online',
    groups,
    openChats,
    maxConcurrentChats: 8,
    lastAssignedAt: 0,
  });
  const transferred = (overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
    source: 'product_detail',
    now,
    recentAgent: { agentId: 'pre1', servedAt: now - 60_000 },
    shopRoutingGroups: ['pre_sale', 'after_sale'],
    group: 'after_sale',
    excludeAgentId: 'pre1',
    ...overrides,
  });

  it('goes to the group it was transferred to, not the one its source maps to', () => {
    const decision = decideRoute(transferred(), [
      agent('pre1', ['pre_sale']),
      agent('pre2', ['pre_sale']),
      agent('after1', ['after_sale'], 5),
    ]);
    expect(decision).toMatchObject({
      kind: 'assign',
      agentId: 'after1',
      tier: 'online_matching',
      group: 'after_sale',
    });
  });

  it('never returns to the agent it left, even as the most recent agent', () => {
    const decision = decideRoute(transferred({ group: 'pre_sale' }), [
      agent('pre1', ['pre_sale']),
      agent('pre2', ['pre_sale'], 3),
    ]);
    expect(decision).toMatchObject({ kind: 'assign', agentId: 'pre2' });
    expect(decideRoute(transferred(), [agent('pre1', ['pre_sale'])])).toEqual({
      kind: 'queue',
      group: 'after_sale',
    });
  });

  it('a transferred chat nobody else can take does not hold up the chats behind it', () => {
    const queue: QueuedChat[] = [
      { conversationId: 'c1', enqueuedAt: now - 2000, offHours: false, request: transferred() },
      {
        conversationId: 'c2',
        enqueuedAt: now - 1000,
        offHours: false,
        request: {
          source: 'shop_home',
          now,
          recentAgent: null,
          shopRoutingGroups: ['pre_sale', 'after_sale'],
        },
      },
    ];
    const plan = planQueueDrain(queue, [agent('pre1', ['pre_sale'])]);
    expect(plan.map((entry) => [entry.conversationId, entry.decision.agentId])).toEqual([['c2', 'pre1']]);
  });
});
