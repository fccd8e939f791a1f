// Routing under load across two server instances on PostgreSQL + Redis (issue 3, acceptance 2): 10 agents with
// cap 3, 100 chats at once through both nodes; every chat has at most one agent, no agent ever exceeds 3, the
// other 70 wait in arrival order and are assigned as chats close.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { App } from '../../server/http.js';
import { listen, openCustomer, eventually, type CustomerClient } from '../../test/chat-clients.js';
import { createTestDatabase, testDialects } from '../../test/databases.js';
import { buildShop, buildStaff, signIn } from '../../test/factories.js';
import { buildTestApp, testConfig } from '../../test/harness.js';
import { setPresence } from '../presence/service.js';

const AGENTS = 10;
const CAP = 3;
const CHATS = 100;

// Several processes sharing one database is the PostgreSQL deployment; SQLite is the single-node default.
describe.runIf(testDialects().includes('postgres'))('routing across two nodes [postgres]', () => {
  it('never assigns a chat twice or exceeds a cap, and serves the queue in arrival order', async () => {
    const testDatabase = await createTestDatabase('postgres');
    const redisClients = [new Redis('redis://127.0.0.1:6379'), new Redis('redis://127.0.0.1:6379')];
    const nodes: App[] = [];
    const customers: CustomerClient[] = [];
    try {
      for (const redis of redisClients)
        nodes.push(await buildTestApp(testDatabase.handle, testConfig(), { redis }));
      const urls = await Promise.all(nodes.map((node) => listen(node)));
      const [nodeA, nodeB] = nodes as [App, App];
      const context = {
        dialect: 'postgres' as const,
        app: nodeA,
        database: testDatabase.handle,
        testDatabase,
        config: testConfig(),
      };
      const db = testDatabase.handle.db;

      // Every assignment event any node publishes, to catch a chat assigned twice.
      const assignments = new Map<string, string[]>();
      for (const node of nodes) {
        node.deps.bus.subscribe((event) => {
          if (event.type === 'conversation.changed' && event.conversation.status === 'assigned') {
            const agents = assignments.get(event.conversation.id) ?? [];
            if (agents.at(-1) !== event.conversation.agentId) agents.push(event.conversation.agentId ?? '');
            assignments.set(event.conversation.id, agents);
          }
        });
      }

      const shop = await buildShop(context);
      const admin = await signIn(nodeA, shop.admin.login);
      const { widgetKey } = (
        await admin.patch('/api/shop', {
          serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
        })
      ).json();
      for (let i = 0; i < AGENTS; i += 1) {
        const agent = await buildStaff(context, shop, { groups: [i % 2 ? 'after_sale' : 'pre_sale'] });
        await admin.patch(`/api/agents/${agent.id}`, { maxConcurrentChats: CAP });
        await setPresence(
          { db, bus: nodeA.deps.bus },
          { shopId: shop.id, userId: agent.id },
          'online',
          'set_by_agent',
        );
      }

      for (let i = 0; i < CHATS; i += 1) {
        const node = i % 2 ? nodeB : nodeA;
        customers.push(await openCustomer(urls[i % 2] ?? '', node, { shopKey: widgetKey }));
      }
      const results = await Promise.all(
        customers.map((customer, i) =>
          customer.send(`第 ${i + 1} 位顾客`, { source: i % 3 ? 'product_detail' : 'order_list' }),
        ),
      );
      expect(results.every((result) => result.ok)).toBe(true);

      const snapshot = async () =>
        db
          .selectFrom('conversations')
          .select(['id', 'status', 'agentId', 'queuedAt'])
          .where('shopId', '=', shop.id)
          .execute();
      const arrivalOrder = (await snapshot())
        .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0) || (a.id < b.id ? -1 : 1))
        .map((row) => row.id);
      expect(arrivalOrder).toHaveLength(CHATS);

      const settle = async (expectedAssigned: number) => {
        await eventually(async () => {
          await Promise.all(nodes.map((node) => node.chatRouting.idle()));
          return (await snapshot()).filter((row) => row.status === 'assigned').length === expectedAssigned;
        }, 15_000);
      };
      const checkCaps = async () => {
        const perAgent = new Map<string, number>();
        for (const row of await snapshot()) {
          if (row.status === 'assigned' && row.agentId)
            perAgent.set(row.agentId, (perAgent.get(row.agentId) ?? 0) + 1);
        }
        expect(Math.max(...perAgent.values())).toBeLessThanOrEqual(CAP);
      };

      await settle(AGENTS * CAP);
      await checkCaps();
      let served = arrivalOrder.slice(0, AGENTS * CAP);
      expect(
        new Set((await snapshot()).filter((row) => row.status === 'assigned').map((row) => row.id)),
      ).toEqual(new Set(served));

      // Close the open chats a round at a time, alternating nodes; the queue moves up in arrival order.
      let closedCount = 0;
      while (closedCount < CHATS) {
        const open = (await snapshot()).filter((row) => row.status === 'assigned');
        const toClose = open.slice(0, 10);
        await Promise.all(
          toClose.map(async (row, i) => {
            const client = await signIn(i % 2 ? nodeB : nodeA, shop.admin.login);
            expect((await client.post(`/api/conversations/${row.id}/close`)).statusCode).toBe(200);
          }),
        );
        closedCount += toClose.length;
        const expectedOpen = Math.min(AGENTS * CAP, CHATS - closedCount);
        await settle(expectedOpen);
        await checkCaps();
        served = arrivalOrder.slice(0, closedCount + expectedOpen);
        const everAssigned = (await snapshot()).filter((row) => row.status !== 'queued').map((row) => row.id);
        expect(new Set(everAssigned)).toEqual(new Set(served));
      }

      expect(assignments.size).toBe(CHATS);
      for (const agents of assignments.values()) expect(agents).toHaveLength(1);
    } finally {
      customers.forEach((customer) => customer.close());
      for (const node of nodes) await node.close();
      redisClients.forEach((client) => client.disconnect());
      await testDatabase.drop();
    }
  }, 120_000);
});
