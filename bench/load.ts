// The load shape every target gets (Kefu or the bare relay): customers and agents as real Socket.IO clients, a burst
// of new conversations, a warm-up, then a measured phase of customers sending through a bounded window of unacked
// messages while agents receive them and reply to a fraction.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { newClientMessageId } from '../src/shared/client-message-id.js';
import { round, summarise, type LatencySummary } from './stats.js';

export interface Endpoint {
  /** Namespace URL, e.g. http://127.0.0.1:3000/widget */
  url: string;
  options: Partial<ManagerOptions & SocketOptions>;
}

export interface LoadPlan {
  customers: Endpoint[];
  agents: Array<{ id: string; endpoint: Endpoint }>;
  warmupS: number;
  durationS: number;
  /** Unacknowledged messages each customer may have in flight. */
  window: number;
  /** Fraction of received customer messages an agent answers. */
  replyRatio: number;
  /** Customer messages a second over all customers; 0 = as fast as the acks allow. */
  rate: number;
  openTimeoutS: number;
  log: (line: string) => void;
  onMeasureStart?: () => void;
  onMeasureEnd?: () => void;
}

export interface LoadResult {
  open: {
    conversations: number;
    seconds: number;
    /** Conversations assigned a second, from the first customer message of the burst to the last assignment */
    decisionsPerSecond: number;
    /** From a customer's first message to their agent hearing of the assignment */
    assignLatencyMs: LatencySummary;
  };
  measured: {
    seconds: number;
    /** Acknowledged (stored) messages a second, customers' and agents' together */
    messagesPerSecond: number;
    customerMessagesPerSecond: number;
    agentMessagesPerSecond: number;
    /** Customer's emit to the assigned agent's message:new */
    customerToAgentLatencyMs: LatencySummary;
    /** Agent's emit to the customer's message:new */
    agentToCustomerLatencyMs: LatencySummary;
    /** Customer's emit to its acknowledgement */
    ackLatencyMs: LatencySummary;
    /** Messages sent in the window that no agent received before the drain ended */
    undelivered: number;
    errors: number;
    /** Sends skipped because the window was full when the rate asked for one (only with a rate) */
    skippedSends: number;
    /** Acknowledged messages in each second of the measured phase */
    perSecond: number[];
  };
  /** Every message acknowledged during the run, opening messages included (for the persistence check) */
  acknowledged: { customer: number; agent: number };
  loadEventLoopDelayMs: { p99: number; max: number };
}

const ackTimeoutMs = 30_000;
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ChatMessageLike {
  conversationId: string;
  authorKind: string;
  clientMessageId: string | null;
}
interface ConversationLike {
  id: string;
  status: string;
  agentId: string | null;
}
type AckResult =
  { ok: true; data: { conversation?: ConversationLike } } | { ok: false; error: { code: string } };

function connect(endpoint: Endpoint): Promise<Socket> {
  const socket = io(endpoint.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
    ...endpoint.options,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`${endpoint.url}: ${error.message}`));
    });
  });
}

async function connectAll(endpoints: readonly Endpoint[], limit = 50): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < endpoints.length; start += limit) {
    sockets.push(...(await Promise.all(endpoints.slice(start, start + limit).map(connect))));
  }
  return sockets;
}

const customerText = (seq: number) => `您好，请问这款商品有现货吗？今天下单什么时候能发货？(${seq})`;
const agentText = (seq: number) => `亲，有现货的，今天16点前下单当天发出哦～(${seq})`;

type Phase = 'open' | 'warmup' | 'measure' | 'drain';

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const { log } = plan;
  let phase: Phase = 'open';
  let errors = 0;
  const acknowledged = { customer: 0, agent: 0 };
  const counted = { customer: 0, agent: 0 };
  let perSecond: number[] = [];
  let measureStart = 0;
  let measureEnd = Infinity;
  const inMeasure = (at: number) => phase === 'measure' && at >= measureStart && at < measureEnd;
  const countAck = (who: 'customer' | 'agent', at: number) => {
    acknowledged[who] += 1;
    if (inMeasure(at)) {
      counted[who] += 1;
      const second = Math.floor((at - measureStart) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
  };

  const toAgent = new Map<string, { sentAt: number; measured: boolean }>();
  const toCustomer = new Map<string, { sentAt: number; measured: boolean }>();
  const customerToAgent: number[] = [];
  const agentToCustomer: number[] = [];
  const ackLatency: number[] = [];
  const assignedAt = new Map<string, number>();

  log(`connecting ${plan.agents.length} agents`);
  const agentSockets = await connectAll(plan.agents.map((agent) => agent.endpoint));
  const agents = plan.agents.map((agent, index) => ({
    id: agent.id,
    socket: agentSockets[index]!,
    received: 0,
  }));
  let replySeq = 0;
  for (const agent of agents) {
    agent.socket.on('conversation:updated', (conversation: ConversationLike) => {
      if (
        conversation.status === 'assigned' &&
        conversation.agentId === agent.id &&
        !assignedAt.has(conversation.id)
      )
        assignedAt.set(conversation.id, now());
    });
    agent.socket.on('message:new', (message: ChatMessageLike) => {
      if (message.authorKind !== 'customer' || !message.clientMessageId) return;
      const sent = toAgent.get(message.clientMessageId);
      if (!sent) return;
      toAgent.delete(message.clientMessageId);
      if (sent.measured) customerToAgent.push(now() - sent.sentAt);
      const before = agent.received;
      agent.received += 1;
      if (Math.floor(agent.received * plan.replyRatio) === Math.floor(before * plan.replyRatio)) return;
      if (phase === 'drain') return;
      replySeq += 1;
      const clientMessageId = newClientMessageId(Date.now(), randomBytes);
      const sentAt = now();
      toCustomer.set(clientMessageId, { sentAt, measured: inMeasure(sentAt) });
      agent.socket
        .timeout(ackTimeoutMs)
        .emit(
          'send',
          { conversationId: message.conversationId, clientMessageId, text: agentText(replySeq) },
          (error: Error | null, result: AckResult) => {
            if (error || !result.ok) errors += 1;
            else countAck('agent', now());
          },
        );
    });
  }
  // Online before any chat arrives, so routing finds them (they also become online on connect).
  await Promise.all(
    agents.map(async (agent) => {
      const result = (await agent.socket
        .timeout(ackTimeoutMs)
        .emitWithAck('presence', { status: 'online' })) as AckResult;
      if (!result.ok) throw new Error(`agent ${agent.id} could not go online: ${result.error.code}`);
    }),
  );

  log(`connecting ${plan.customers.length} customers`);
  const customerSockets = await connectAll(plan.customers);
  const customers = customerSockets.map((socket, index) => ({
    index,
    socket,
    seq: 0,
    inFlight: 0,
    conversationId: null as string | null,
    openedAt: 0,
    nextAt: 0,
  }));
  // What customers hear of their own assignment, to tell a routing stall from events that never reach an agent.
  const customerToldAssigned = new Set<string>();
  for (const customer of customers) {
    customer.socket.on('conversation:updated', (conversation: ConversationLike) => {
      if (conversation.status === 'assigned') customerToldAssigned.add(conversation.id);
    });
    customer.socket.on('message:new', (message: ChatMessageLike) => {
      if (message.authorKind !== 'agent' || !message.clientMessageId) return;
      const sent = toCustomer.get(message.clientMessageId);
      if (!sent) return;
      toCustomer.delete(message.clientMessageId);
      if (sent.measured) agentToCustomer.push(now() - sent.sentAt);
    });
  }

  type Customer = (typeof customers)[number];
  let pump: (customer: Customer) => void = () => undefined;
  const sendOne = (customer: Customer) => {
    customer.seq += 1;
    const clientMessageId = newClientMessageId(Date.now(), randomBytes);
    const sentAt = now();
    const measured = inMeasure(sentAt);
    if (phase !== 'open') toAgent.set(clientMessageId, { sentAt, measured });
    customer.inFlight += 1;
    customer.socket
      .timeout(ackTimeoutMs)
      .emit(
        'send',
        { clientMessageId, text: customerText(customer.seq), source: 'product_detail' },
        (error: Error | null, result: AckResult) => {
          customer.inFlight -= 1;
          const at = now();
          if (error || !result.ok) {
            errors += 1;
            if (errors <= 5) log(`send failed: ${error ? error.message : JSON.stringify(result)}`);
          } else {
            countAck('customer', at);
            if (measured) ackLatency.push(at - sentAt);
            if (!customer.conversationId && result.data.conversation)
              customer.conversationId = result.data.conversation.id;
          }
          pump(customer);
        },
      );
  };

  // ── the burst of new conversations: every customer's first message at once, then routing ──
  log(`opening ${customers.length} conversations at once`);
  const openStart = now();
  for (const customer of customers) {
    customer.openedAt = now();
    sendOne(customer);
  }
  const openUntil = openStart + plan.openTimeoutS * 1000;
  const allAssigned = () =>
    customers.every((customer) => customer.conversationId && assignedAt.has(customer.conversationId));
  while (!allAssigned()) {
    if (now() > openUntil) {
      const waiting = customers.filter((c) => !c.conversationId || !assignedAt.has(c.conversationId));
      const toldCustomer = waiting.filter(
        (c) => c.conversationId && customerToldAssigned.has(c.conversationId),
      );
      throw new Error(
        `${waiting.length} of ${customers.length} conversations were not assigned within ${plan.openTimeoutS} s ` +
          `as far as their agents know; ${toldCustomer.length} of those customers were told they are assigned ` +
          `(if so, the assignment event never reached the agent's socket: with several nodes, look at the ` +
          `Socket.IO Redis adapter)`,
      );
    }
    await sleep(5);
  }
  const assignTimes = customers.map((customer) => assignedAt.get(customer.conversationId!)!);
  const openSeconds = (Math.max(...assignTimes) - openStart) / 1000;
  const assignLatencies = customers.map((customer, index) => assignTimes[index]! - customer.openedAt);
  log(`all ${customers.length} conversations assigned in ${openSeconds.toFixed(2)} s`);

  // ── warm-up and measured phase ──
  let skippedSends = 0;
  if (plan.rate > 0) {
    const interval = (1000 * customers.length) / plan.rate;
    const start = now();
    customers.forEach((customer) => (customer.nextAt = start + Math.random() * interval));
  }
  const running = () => phase === 'warmup' || phase === 'measure';
  pump = (customer) => {
    if (plan.rate > 0) return;
    while (running() && customer.inFlight < plan.window) sendOne(customer);
  };
  const ticker =
    plan.rate > 0
      ? setInterval(() => {
          if (!running()) return;
          const interval = (1000 * customers.length) / plan.rate;
          const at = now();
          for (const customer of customers) {
            while (customer.nextAt <= at) {
              customer.nextAt += interval;
              if (customer.inFlight < plan.window) sendOne(customer);
              else if (phase === 'measure') skippedSends += 1;
            }
          }
        }, 2)
      : undefined;

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  phase = 'warmup';
  log(`warm-up ${plan.warmupS} s`);
  customers.forEach((customer) => pump(customer));
  await sleep(plan.warmupS * 1000);

  log(`measuring ${plan.durationS} s`);
  plan.onMeasureStart?.();
  loopDelay.enable();
  perSecond = new Array<number>(Math.ceil(plan.durationS)).fill(0);
  measureStart = now();
  measureEnd = measureStart + plan.durationS * 1000;
  phase = 'measure';
  await sleep(plan.durationS * 1000);
  phase = 'drain';
  // Only acknowledgements inside [measureStart, measureEnd) are counted, so the window is the divisor.
  const measuredSeconds = plan.durationS;
  loopDelay.disable();
  plan.onMeasureEnd?.();
  if (ticker) clearInterval(ticker);

  // Let what was sent in the window arrive (or time out) before counting what never did.
  const drainUntil = now() + 15_000;
  const pendingMeasured = () =>
    [...toAgent.values()].filter((sent) => sent.measured).length +
    customers.reduce((sum, customer) => sum + customer.inFlight, 0);
  while (pendingMeasured() > 0 && now() < drainUntil) await sleep(20);
  await sleep(200);
  const undelivered = [...toAgent.values()].filter((sent) => sent.measured).length;

  for (const socket of [...customerSockets, ...agentSockets]) socket.close();

  const messages = counted.customer + counted.agent;
  return {
    open: {
      conversations: customers.length,
      seconds: round(openSeconds, 3),
      decisionsPerSecond: round(customers.length / openSeconds),
      assignLatencyMs: summarise(assignLatencies),
    },
    measured: {
      seconds: round(measuredSeconds, 2),
      messagesPerSecond: round(messages / measuredSeconds),
      customerMessagesPerSecond: round(counted.customer / measuredSeconds),
      agentMessagesPerSecond: round(counted.agent / measuredSeconds),
      customerToAgentLatencyMs: summarise(customerToAgent),
      agentToCustomerLatencyMs: summarise(agentToCustomer),
      ackLatencyMs: summarise(ackLatency),
      undelivered,
      errors,
      skippedSends,
      perSecond,
    },
    acknowledged,
    loadEventLoopDelayMs: {
      p99: round(loopDelay.percentile(99) / 1e6),
      max: round(loopDelay.max / 1e6),
    },
  };
}
