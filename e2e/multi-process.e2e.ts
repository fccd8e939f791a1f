// Issue 3 acceptance with real OS processes: two `node dist/server/start.js` share one PostgreSQL database and one
// Redis. A chat crosses from one process to the other both ways; 100 chats arriving at once through both reach 10
// agents with cap 3 without a chat assigned twice or a cap exceeded, and the queue is served in arrival order; a
// Redis outage loses or doubles no acknowledged message, and live delivery between the processes comes back with it.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation, WidgetSession } from '../src/shared/schemas/chat.js';
import {
  createPostgresDatabase,
  startPrivateRedis,
  type FreshPostgres,
  type PrivateRedis,
} from './processes.js';
import { startServer, type RunningServer } from './server.js';
import { signIn as staffSignIn, staffRequest, type StaffSession } from './staff-api.js';

const PASSWORD = 'kefu2026';
const AGENTS = 10;
const CAP = 3;
const CHATS = 100;

type AckResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

// Everything a test starts is stopped here, newest first, even when the test failed half-way.
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed', error);
    }
  }
}, 60_000);

// ── the cluster: one database, one Redis, two server processes ──────────────────────────────────────────

interface Cluster {
  database: FreshPostgres;
  redis: PrivateRedis;
  nodes: [RunningServer, RunningServer];
}

async function startNode(database: FreshPostgres, redis: PrivateRedis, secret: string) {
  const node = await startServer({
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: secret,
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
      WIDGET_SESSION_RATE_LIMIT: '100000',
    },
  });
  cleanups.push(() => rmSync(node.dataDir, { recursive: true, force: true }));
  cleanups.push(() => node.stop());
  return node;
}

async function startCluster(): Promise<Cluster> {
  const database = await createPostgresDatabase();
  cleanups.push(() => database.drop());
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  // One after the other: the first migrates and seeds, the second finds the demo shop (seeding is once per database).
  const secret = randomBytes(32).toString('hex');
  const first = await startNode(database, redis, secret);
  const second = await startNode(database, redis, secret);
  expect(first.output()).toContain('Demo shop seeded just now');
  expect(second.output()).toContain('Demo shop already present');
  return { database, redis, nodes: [first, second] };
}

async function healthy(node: RunningServer): Promise<boolean> {
  const response = await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(
    () => null,
  );
  return response?.status === 200;
}

async function readiness(node: RunningServer): Promise<{ status: number; checks: Record<string, string> }> {
  const response = await fetch(`${node.url}/readyz`, { signal: AbortSignal.timeout(3000) });
  return {
    status: response.status,
    checks: ((await response.json()) as { checks: Record<string, string> }).checks,
  };
}

/**
 * How many processes the Socket.IO Redis adapters have subscribed, per namespace: the subscribers of each namespace's
 * request channel (what the adapter itself counts as the number of servers); -1 while Redis is unreachable.
 */
async function adapterSubscribers(redisUrl: string): Promise<number[]> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const counts = (await client.pubsub(
      'NUMSUB',
      'socket.io-request#/widget#',
      'socket.io-request#/agent#',
    )) as Array<string | number>;
    return [Number(counts[1]), Number(counts[3])];
  } catch {
    return [-1, -1];
  } finally {
    client.disconnect();
  }
}

// ── HTTP as staff ────────────────────────────────────────────────────────────────────────────────────────

const signIn = (node: RunningServer, login: string) => staffSignIn(node.url, login, PASSWORD);

/** A staff call to either process: the session lives in the shared database, the cookie is signed with the shared secret. */
async function api<T>(
  node: RunningServer,
  session: StaffSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await staffRequest(node.url, session, method, path, body);
  return { status: response.status, body: (await response.json()) as T };
}

/** Service around the clock, so no chat becomes an off-hours message, and room in the queue for every chat. */
async function openAroundTheClock(node: RunningServer, admin: StaffSession): Promise<string> {
  const shop = await api<{ widgetKey: string }>(node, admin, 'PATCH', '/api/shop', {
    serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
    maxQueueLength: 200,
  });
  expect(shop.status).toBe(200);
  return shop.body.widgetKey;
}

// ── sockets ──────────────────────────────────────────────────────────────────────────────────────────────

function connect(url: string, options: Parameters<typeof io>[1]): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  cleanups.push(() => socket.close());
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

async function call<T>(socket: Socket, event: string, payload: unknown): Promise<AckResult<T>> {
  return (await socket.timeout(10_000).emitWithAck(event, payload)) as AckResult<T>;
}

interface CustomerClient {
  session: WidgetSession;
  socket: Socket;
  received: ChatMessage[];
  updates: Conversation[];
  send(
    text: string,
    options?: { source?: string; clientMessageId?: string; socket?: Socket },
  ): Promise<AckResult<{ message: ChatMessage; conversation?: Conversation }>>;
  sync(conversationId: string, afterSeq: number): Promise<AckResult<{ messages: ChatMessage[] }>>;
}

async function openCustomer(
  node: RunningServer,
  shopKey: string,
  visitorToken?: string,
): Promise<CustomerClient> {
  const response = await fetch(`${node.url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopKey, ...(visitorToken ? { visitorToken } : {}) }),
  });
  expect(response.status).toBe(200);
  const session = (await response.json()) as WidgetSession;
  const socket = await connect(`${node.url}/widget`, { auth: { visitorToken: session.visitorToken } });
  const client: CustomerClient = {
    session,
    socket,
    received: [],
    updates: [],
    send: (text, options = {}) =>
      call(options.socket ?? socket, 'send', {
        clientMessageId: options.clientMessageId ?? randomUUID(),
        text,
        source: options.source ?? 'product_detail',
      }),
    sync: (conversationId, afterSeq) => call(socket, 'sync', { conversationId, afterSeq }),
  };
  socket.on('message:new', (message: ChatMessage) => client.received.push(message));
  socket.on('conversation:updated', (update: Conversation) => client.updates.push(update));
  return client;
}

interface StaffClient {
  socket: Socket;
  received: ChatMessage[];
  updates: Conversation[];
  send(
    conversationId: string,
    text: string,
    clientMessageId?: string,
  ): Promise<AckResult<{ message: ChatMessage }>>;
  presence(status: string): Promise<AckResult<{ status: string }>>;
  sync(conversationId: string, afterSeq: number): Promise<AckResult<{ messages: ChatMessage[] }>>;
}

async function openStaff(node: RunningServer, session: StaffSession): Promise<StaffClient> {
  const socket = await connect(`${node.url}/agent`, { extraHeaders: { cookie: session.cookie } });
  const client: StaffClient = {
    socket,
    received: [],
    updates: [],
    send: (conversationId, text, clientMessageId = randomUUID()) =>
      call(socket, 'send', { conversationId, text, clientMessageId, internal: false }),
    presence: (status) => call(socket, 'presence', { status }),
    sync: (conversationId, afterSeq) => call(socket, 'sync', { conversationId, afterSeq }),
  };
  socket.on('message:new', (message: ChatMessage) => client.received.push(message));
  socket.on('conversation:updated', (update: Conversation) => client.updates.push(update));
  return client;
}

function ok<T>(result: AckResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(25);
  }
}

/** The agents each conversation was ever shown assigned to, from the conversation:updated events one socket heard. */
function assignmentsHeardBy(staff: StaffClient): Map<string, Set<string>> {
  const heard = new Map<string, Set<string>>();
  for (const update of staff.updates) {
    if (update.status !== 'assigned' || !update.agentId) continue;
    const agents = heard.get(update.id) ?? new Set<string>();
    agents.add(update.agentId);
    heard.set(update.id, agents);
  }
  return heard;
}

// ── case 1 ───────────────────────────────────────────────────────────────────────────────────────────────

describe('two server processes, one PostgreSQL database and one Redis', () => {
  let cluster: Cluster;
  let nodeA: RunningServer;
  let nodeB: RunningServer;
  let admin: StaffSession;
  let widgetKey: string;
  const agents: Array<{ session: StaffSession; node: RunningServer; client?: StaffClient }> = [];
  let overseerA: StaffClient;
  let overseerB: StaffClient;

  beforeAll(async () => {
    cluster = await startCluster();
    [nodeA, nodeB] = cluster.nodes;
    admin = await signIn(nodeA, 'admin');
    widgetKey = await openAroundTheClock(nodeA, admin);

    const groups = await api<{ items: Array<{ id: string; kind: string }> }>(
      nodeB,
      admin,
      'GET',
      '/api/groups',
    );
    const groupId = (kind: string) => groups.body.items.find((group) => group.kind === kind)!.id;
    // Created on one process, capped on the other; every second agent is after-sale, as in the in-process test.
    for (let i = 0; i < AGENTS; i += 1) {
      const login = `mp-agent-${String(i + 1).padStart(2, '0')}`;
      const created = await api<{ id: string }>(i % 2 ? nodeB : nodeA, admin, 'POST', '/api/agents', {
        login,
        displayName: `多进程客服${i + 1}`,
        employeeNo: `MP${String(i + 1).padStart(2, '0')}`,
        password: PASSWORD,
        role: 'agent',
        groupIds: [groupId(i % 2 ? 'after_sale' : 'pre_sale')],
      });
      expect(created.status).toBe(201);
      const capped = await api(i % 2 ? nodeA : nodeB, admin, 'PATCH', `/api/agents/${created.body.id}`, {
        maxConcurrentChats: CAP,
      });
      expect(capped.status).toBe(200);
      // Agents alternate between the processes: the first on B, the second on A, …
      const node = i % 2 ? nodeA : nodeB;
      agents.push({ session: await signIn(node, login), node });
    }
    // A supervisor on each process hears every change of every conversation, wherever it happened.
    overseerA = await openStaff(nodeA, admin);
    overseerB = await openStaff(nodeB, await signIn(nodeB, 'supervisor'));
  });

  it('carries a chat between a customer on one process and an agent on the other, both ways', async () => {
    // What carries events between the processes: each adapter subscribed to its namespaces' channels.
    expect
      .soft(await adapterSubscribers(cluster.redis.url), 'processes subscribed to /widget and /agent')
      .toEqual([2, 2]);
    const first = agents[0]!;
    expect(first.node).toBe(nodeB);
    first.client = await openStaff(nodeB, first.session);
    expect(ok(await first.client.presence('online')).status).toBe('online');

    const customer = await openCustomer(nodeA, widgetKey);
    const hello = ok(await customer.send('你好，这个杯子能进洗碗机吗？'));
    const conversationId = hello.message.conversationId;

    // Stored and routed on A; the agent's socket on B hears of both through the Redis adapter.
    await eventually('the agent on B hears the assignment made on A', () =>
      first.client!.updates.some(
        (update) =>
          update.id === conversationId &&
          update.status === 'assigned' &&
          update.agentId === first.session.userId,
      ),
    );
    await eventually('the agent on B gets the greeting sent from A', () =>
      first.client!.received.some(
        (message) => message.conversationId === conversationId && message.kind === 'auto_reply',
      ),
    );
    const second = ok(await customer.send('还有一个问题：有现货吗？'));
    await eventually('the agent on B gets the customer message sent to A', () =>
      first.client!.received.some((message) => message.id === second.message.id),
    );
    await eventually('the supervisor on B gets it too', () =>
      overseerB.received.some((message) => message.id === second.message.id),
    );

    const reply = ok(await first.client.send(conversationId, '可以进洗碗机，有现货，今天下单明天发。'));
    await eventually('the customer on A gets the reply sent to B', () =>
      customer.received.some((message) => message.id === reply.message.id),
    );
    await eventually('the supervisor on A gets it too', () =>
      overseerA.received.some((message) => message.id === reply.message.id),
    );
    // Nothing doubled on the way: each message reaches each socket once.
    for (const side of [customer, first.client, overseerA, overseerB]) {
      const ids = side.received
        .filter((message) => message.conversationId === conversationId)
        .map((m) => m.id);
      expect(ids).toEqual([...new Set(ids)]);
    }

    const closed = await api<Conversation>(
      nodeB,
      admin,
      'POST',
      `/api/conversations/${conversationId}/close`,
    );
    expect(closed.status).toBe(200);
    await eventually('the customer on A hears the chat closed on B', () =>
      customer.updates.some((update) => update.id === conversationId && update.status === 'closed'),
    );
  });

  it('routes 100 chats arriving at once through both processes to 10 agents with cap 3, in arrival order', async () => {
    const started = Date.now();
    const db = cluster.database.pool;
    const agentIds = agents.map((agent) => agent.session.userId);
    // Start from empty desks, whatever the chat before left open.
    const open = await api<{ items: Conversation[] }>(nodeA, admin, 'GET', '/api/conversations?view=open');
    for (const conversation of open.body.items) {
      expect((await api(nodeA, admin, 'POST', `/api/conversations/${conversation.id}/close`)).status).toBe(
        200,
      );
    }
    for (const agent of agents) {
      agent.client ??= await openStaff(agent.node, agent.session);
      expect(ok(await agent.client.presence('online')).status).toBe('online');
    }

    // A consistent look at the database every few milliseconds: no agent may ever hold more than the cap.
    let sampling = true;
    let samples = 0;
    let mostOpen = 0;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await db.query<{ open: number }>(
          `select count(*)::int as open from conversations
            where shop_id = $1 and status = 'assigned' and agent_id is not null group by agent_id`,
          [admin.shopId],
        );
        for (const row of rows) mostOpen = Math.max(mostOpen, row.open);
        samples += 1;
        await sleep(5);
      }
    })();
    const sampled = sampler.then(
      () => null,
      (error: unknown) => error,
    );
    const stopSampling = () => {
      sampling = false;
      return sampled;
    };
    cleanups.push(stopSampling);

    const customers = await Promise.all(
      Array.from({ length: CHATS }, (_, i) => openCustomer(i % 2 ? nodeB : nodeA, widgetKey)),
    );
    const openedAfterMs = Date.now() - started;
    const acks = await Promise.all(
      customers.map((customer, i) =>
        customer.send(`第 ${i + 1} 位顾客`, { source: i % 3 ? 'product_detail' : 'order_list' }),
      ),
    );
    const ackedAfterMs = Date.now() - started;
    const conversationIds = acks.map((ack) => ok(ack).message.conversationId);
    expect(new Set(conversationIds).size).toBe(CHATS);
    const customerOf = new Map(conversationIds.map((id, i) => [id, customers[i]!]));

    interface Row {
      id: string;
      status: string;
      agentId: string | null;
      queuedAt: number;
    }
    const snapshot = async (): Promise<Row[]> => {
      const { rows } = await db.query<{
        id: string;
        status: string;
        agent_id: string | null;
        queued_at: string;
      }>('select id, status, agent_id, queued_at from conversations where id = any($1)', [conversationIds]);
      return rows.map((row) => ({
        id: row.id,
        status: row.status,
        agentId: row.agent_id,
        queuedAt: Number(row.queued_at),
      }));
    };
    // Arrival order as the queue defines it: queued_at, then id (both processes share the machine's clock).
    const arrivalOrder = (await snapshot())
      .sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => row.id);
    expect(arrivalOrder).toHaveLength(CHATS);

    const settle = async (assigned: number, queued: number) => {
      let last = '';
      await eventually(
        `${assigned} assigned and ${queued} queued`,
        async () => {
          const rows = await snapshot();
          const count = (status: string) => rows.filter((row) => row.status === status).length;
          last = `${count('assigned')} assigned, ${count('queued')} queued, ${count('closed')} closed`;
          return count('assigned') === assigned && count('queued') === queued;
        },
        15_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)} (last seen: ${last})`);
      });
    };
    const checkLoads = async (round: number, expectedOpen: number) => {
      const rows = await snapshot();
      const perAgent = new Map<string, number>();
      for (const row of rows) {
        if (row.status !== 'assigned') continue;
        expect(agentIds, 'only the ten online agents take chats').toContain(row.agentId);
        perAgent.set(row.agentId!, (perAgent.get(row.agentId!) ?? 0) + 1);
      }
      for (const open of perAgent.values()) expect(open).toBeLessThanOrEqual(CAP);
      // The live board, asked of the two processes in turn, agrees with the database.
      const board = await api<{
        items: Array<{ userId: string; status: string; openChats: number; maxConcurrentChats: number }>;
      }>(round % 2 ? nodeB : nodeA, admin, 'GET', '/api/presence/agents');
      expect(board.status).toBe(200);
      const mine = board.body.items.filter((entry) => agentIds.includes(entry.userId));
      expect(mine).toHaveLength(AGENTS);
      for (const entry of mine) {
        expect(entry).toMatchObject({ status: 'online', maxConcurrentChats: CAP });
        expect(entry.openChats).toBeLessThanOrEqual(CAP);
        expect(entry.openChats).toBe(perAgent.get(entry.userId) ?? 0);
      }
      expect(mine.reduce((sum, entry) => sum + entry.openChats, 0)).toBe(expectedOpen);
    };
    const checkArrivalOrder = async (servedCount: number) => {
      const everAssigned = (await snapshot()).filter((row) => row.status !== 'queued').map((row) => row.id);
      expect(new Set(everAssigned)).toEqual(new Set(arrivalOrder.slice(0, servedCount)));
    };

    // All at once: 30 assigned (every agent at the cap), 70 waiting; the first 30 to arrive are the ones served.
    await settle(AGENTS * CAP, CHATS - AGENTS * CAP);
    const settledAfterMs = Date.now() - started;
    await checkLoads(0, AGENTS * CAP);
    await checkArrivalOrder(AGENTS * CAP);

    // Close ten at a time, half through each process; the queue moves up in arrival order until all 100 were served.
    let closedCount = 0;
    let round = 0;
    while (closedCount < CHATS) {
      round += 1;
      const open = (await snapshot()).filter((row) => row.status === 'assigned').slice(0, 10);
      const closes = await Promise.all(
        open.map((row, i) =>
          api<Conversation>(i % 2 ? nodeB : nodeA, admin, 'POST', `/api/conversations/${row.id}/close`),
        ),
      );
      expect(closes.map((close) => close.status)).toEqual(open.map(() => 200));
      closedCount += open.length;
      const expectedOpen = Math.min(AGENTS * CAP, CHATS - closedCount);
      await settle(expectedOpen, CHATS - closedCount - expectedOpen);
      await checkLoads(round, expectedOpen);
      await checkArrivalOrder(closedCount + expectedOpen);
    }
    expect(await stopSampling(), 'sampler error').toBeNull();
    expect(samples).toBeGreaterThan(10);
    expect(mostOpen, 'most open chats any agent held at any sampled moment').toBeLessThanOrEqual(CAP);

    // Each conversation had exactly one agent over its life, and everyone heard the same one.
    const final = await snapshot();
    expect(final.every((row) => row.status === 'closed' && row.agentId !== null)).toBe(true);
    const agentOf = new Map(final.map((row) => [row.id, row.agentId!]));
    const transfers = await db.query<{ n: number }>(
      'select count(*)::int as n from conversation_transfers where conversation_id = any($1)',
      [conversationIds],
    );
    expect(transfers.rows[0]!.n).toBe(0);
    for (const overseer of [overseerA, overseerB]) {
      await eventually('a supervisor on each process heard all 100 assignments', () =>
        conversationIds.every((id) => assignmentsHeardBy(overseer).has(id)),
      );
      for (const [id, heard] of assignmentsHeardBy(overseer)) {
        if (!agentOf.has(id)) continue;
        expect([...heard], `agents of ${id}`).toEqual([agentOf.get(id)]);
      }
    }
    // The agent and the customer heard the assignment on their own process, wherever routing decided it.
    await eventually('every agent and every customer heard their assignment', () =>
      conversationIds.every(
        (id) =>
          agents
            .find((agent) => agent.session.userId === agentOf.get(id))!
            .client!.updates.some((update) => update.id === id && update.status === 'assigned') &&
          customerOf
            .get(id)!
            .updates.some(
              (update) =>
                update.id === id && update.status === 'assigned' && update.agentId === agentOf.get(id),
            ),
      ),
    );
    // One customer message each; auto-replies (greeting, queue notice) are the system's, not the customer's.
    const messages = await db.query<{ conversation_id: string; n: number }>(
      `select conversation_id, count(*)::int as n from messages
        where conversation_id = any($1) and author_kind = 'customer' group by conversation_id`,
      [conversationIds],
    );
    expect(messages.rows).toHaveLength(CHATS);
    expect(messages.rows.every((row) => row.n === 1)).toBe(true);
    console.info(
      `[multi-process] 100 customers connected after ${openedAfterMs} ms, all sends acknowledged after ` +
        `${ackedAfterMs} ms, 30 assigned after ${settledAfterMs} ms; ${round} close rounds; ` +
        `${samples} load samples, at most ${mostOpen} open per agent; total ${Date.now() - started} ms`,
    );
  });
});

// ── case 2 ───────────────────────────────────────────────────────────────────────────────────────────────

describe('a Redis outage under two server processes', () => {
  let cluster: Cluster;
  let nodeA: RunningServer;
  let nodeB: RunningServer;
  let widgetKey: string;

  beforeAll(async () => {
    cluster = await startCluster();
    [nodeA, nodeB] = cluster.nodes;
    const admin = await signIn(nodeA, 'admin');
    widgetKey = await openAroundTheClock(nodeA, admin);
  });

  it('keeps both processes up, stores every acknowledged message once, and goes live again when Redis is back', async () => {
    const started = Date.now();
    const db = cluster.database.pool;
    // Without this nothing crosses between the processes; checked first, so its failure says why.
    expect(await adapterSubscribers(cluster.redis.url), 'processes subscribed to /widget and /agent').toEqual(
      [2, 2],
    );
    const agentSession = await signIn(nodeB, 'presale1');
    const agent = await openStaff(nodeB, agentSession);
    expect(ok(await agent.presence('online')).status).toBe('online');
    const customer = await openCustomer(nodeA, widgetKey);

    const opened = ok(await customer.send('在吗？我的订单还没发货'));
    const conversationId = opened.message.conversationId;
    await eventually('the agent on B hears the assignment made on A', () =>
      agent.updates.some((update) => update.id === conversationId && update.agentId === agentSession.userId),
    );
    const before = ok(await customer.send('订单号是 20260101001')).message;
    await eventually('the agent on B hears the customer on A before the outage', () =>
      agent.received.some((message) => message.id === before.id),
    );

    // Both sides keep talking, one message after another, acknowledged or not.
    interface Sent {
      clientMessageId: string;
      at: number;
      ack: AckResult<{ message: ChatMessage }> | { ok: false; error: { code: string; message: string } };
    }
    let flowing = true;
    const flow = async (sent: Sent[], send: (clientMessageId: string, n: number) => Promise<Sent['ack']>) => {
      for (let n = 1; flowing; n += 1) {
        const clientMessageId = randomUUID();
        const at = Date.now();
        const ack = await send(clientMessageId, n).catch((error: unknown) => ({
          ok: false as const,
          error: { code: 'no_ack', message: String(error) },
        }));
        sent.push({ clientMessageId, at, ack });
        await sleep(30);
      }
    };
    const fromCustomer: Sent[] = [];
    const fromAgent: Sent[] = [];
    const flows = Promise.all([
      flow(fromCustomer, (clientMessageId, n) => customer.send(`顾客消息 ${n}`, { clientMessageId })),
      flow(fromAgent, (clientMessageId, n) => agent.send(conversationId, `客服回复 ${n}`, clientMessageId)),
    ]);

    await sleep(500);
    const killedAt = Date.now();
    await cluster.redis.kill();
    await eventually('both processes notice Redis is gone (/readyz)', async () => {
      const checks = await Promise.all([readiness(nodeA), readiness(nodeB)]);
      return checks.every(
        (check) =>
          check.status === 503 &&
          check.checks.redis === 'failed' &&
          check.checks.realtimeAdapter === 'failed',
      );
    });
    for (let i = 0; i < 5; i += 1) {
      await sleep(400);
      expect(await healthy(nodeA), 'process A alive during the outage').toBe(true);
      expect(await healthy(nodeB), 'process B alive during the outage').toBe(true);
    }
    const restartedAt = Date.now();
    await cluster.redis.restart();
    await eventually(
      'both processes ready again',
      async () => {
        const checks = await Promise.all([readiness(nodeA), readiness(nodeB)]);
        return checks.every((check) => check.status === 200);
      },
      15_000,
    );
    await eventually(
      'the adapters subscribed again',
      async () => (await adapterSubscribers(cluster.redis.url)).every((count) => count === 2),
      15_000,
    );
    const resubscribedAfterMs = Date.now() - restartedAt;
    await sleep(300);
    flowing = false;
    await flows;

    expect(await healthy(nodeA)).toBe(true);
    expect(await healthy(nodeB)).toBe(true);
    const duringOutage = (sent: Sent[]) => sent.filter((s) => s.at >= killedAt && s.at < restartedAt);
    expect(duringOutage(fromCustomer).length).toBeGreaterThan(10);
    expect(duringOutage(fromAgent).length).toBeGreaterThan(10);
    // Sending needs the database only: every message was acknowledged, during the outage too.
    const refused = [...fromCustomer, ...fromAgent].filter((s) => !s.ack.ok);
    expect(
      refused.map((s) => s.ack),
      'sends not acknowledged',
    ).toEqual([]);

    // Every acknowledged message is stored exactly once, under the seq its acknowledgement gave.
    const stored = await db.query<{ client_message_id: string; n: number; seq: number }>(
      `select client_message_id, count(*)::int as n, min(seq)::int as seq from messages
        where conversation_id = $1 and client_message_id is not null group by client_message_id`,
      [conversationId],
    );
    const storedById = new Map(stored.rows.map((row) => [row.client_message_id, row]));
    for (const sent of [...fromCustomer, ...fromAgent]) {
      const row = storedById.get(sent.clientMessageId);
      expect(row?.n, `stored copies of ${sent.clientMessageId}`).toBe(1);
      if (sent.ack.ok) expect(row?.seq).toBe(sent.ack.data.message.seq);
    }
    const seqs = await db.query<{ seq: number }>(
      'select seq from messages where conversation_id = $1 order by seq',
      [conversationId],
    );
    expect(seqs.rows.map((row) => row.seq)).toEqual(seqs.rows.map((_, i) => i + 1));

    // What did not arrive live during the outage, each side catches up with sync from the last seq it holds.
    const ackedIds = (sent: Sent[]) => sent.flatMap((s) => (s.ack.ok ? [s.ack.data.message.id] : []));
    const catchUp = async (
      side: {
        received: ChatMessage[];
        sync: (id: string, after: number) => Promise<AckResult<{ messages: ChatMessage[] }>>;
      },
      expected: string[],
    ) => {
      const live = side.received.filter((message) => message.conversationId === conversationId);
      const seen = new Set(live.map((message) => message.id));
      const missing = expected.filter((id) => !seen.has(id));
      // The last seq up to which this side heard everything live: it asks for what came after.
      let lastContiguous = 0;
      for (const seq of [...new Set(live.map((message) => message.seq))].sort((a, b) => a - b)) {
        if (seq !== lastContiguous + 1) break;
        lastContiguous = seq;
      }
      const synced = ok(await side.sync(conversationId, lastContiguous)).messages;
      expect(synced.every((message) => message.seq > lastContiguous)).toBe(true);
      const syncedSeqs = synced.map((message) => message.seq);
      expect(syncedSeqs).toEqual([...syncedSeqs].sort((a, b) => a - b));
      const all = new Set([...seen, ...synced.map((message) => message.id)]);
      expect(expected.filter((id) => !all.has(id))).toEqual([]);
      return missing.length;
    };
    const agentMissedLive = await catchUp(agent, ackedIds(fromCustomer));
    const customerMissedLive = await catchUp(customer, ackedIds(fromAgent));

    // A resend through the other process returns the stored message and never a copy.
    const resendSocket = await connect(`${nodeB.url}/widget`, {
      auth: { visitorToken: customer.session.visitorToken },
    });
    for (const sent of duringOutage(fromCustomer).slice(0, 3)) {
      const again = ok(
        await customer.send('重发', { clientMessageId: sent.clientMessageId, socket: resendSocket }),
      );
      expect(again.message).toEqual(ok(sent.ack).message);
      const copies = await db.query<{ n: number }>(
        'select count(*)::int as n from messages where conversation_id = $1 and client_message_id = $2',
        [conversationId, sent.clientMessageId],
      );
      expect(copies.rows[0]!.n).toBe(1);
    }
    resendSocket.close();

    // With Redis back, the customer on A reaches the agent on B live again, and the replies come back live.
    for (let n = 1; n <= 3; n += 1) {
      const message = ok(await customer.send(`恢复后顾客消息 ${n}`)).message;
      await eventually(
        `the agent on B hears message ${n} live`,
        () => agent.received.some((received) => received.id === message.id),
        3000,
      );
      const reply = ok(await agent.send(conversationId, `恢复后客服回复 ${n}`)).message;
      await eventually(
        `the customer on A hears reply ${n} live`,
        () => customer.received.some((received) => received.id === reply.id),
        3000,
      );
    }
    // A new customer on A, after the outage, is routed and heard by the agent on B.
    const newcomer = await openCustomer(nodeA, widgetKey);
    const newcomerChatId = ok(await newcomer.send('新顾客：你好', { source: 'shop_home' })).message
      .conversationId;
    await eventually('the agent on B hears the new chat assigned to them on A', () =>
      agent.updates.some(
        (update) =>
          update.id === newcomerChatId &&
          update.status === 'assigned' &&
          update.agentId === agentSession.userId,
      ),
    );
    const newcomerMessage = ok(await newcomer.send('请问今天能发货吗？', { source: 'shop_home' })).message;
    await eventually('the agent on B hears the new customer on A', () =>
      agent.received.some((received) => received.id === newcomerMessage.id),
    );

    expect(await healthy(nodeA)).toBe(true);
    expect(await healthy(nodeB)).toBe(true);
    console.info(
      `[multi-process] outage: ${duringOutage(fromCustomer).length}+${duringOutage(fromAgent).length} sends during ` +
        `${restartedAt - killedAt} ms without Redis, all acknowledged and stored once; missed live ` +
        `${agentMissedLive} (agent) / ${customerMissedLive} (customer), caught up by sync; adapters resubscribed ` +
        `${resubscribedAfterMs} ms after the restart; total ${Date.now() - started} ms`,
    );
  });
});
