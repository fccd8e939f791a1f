// Real Socket.IO clients for integration tests: a customer through the widget API, staff through their cookie.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { App } from '../server/http.js';
import type { ChatMessage, Conversation, WidgetSession } from '../shared/schemas/chat.js';
import type { Ack } from '../shared/events.js';
import type { ApiClient } from './factories.js';

type AckResult<T> = Parameters<Ack<T>>[0];

/** Listens on a free loopback port and returns the base URL. */
export async function listen(app: App): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

function connect(url: string, options: Parameters<typeof io>[1]): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function call<T>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<AckResult<T>> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as AckResult<T>;
}

export interface CustomerClient {
  session: WidgetSession;
  socket: Socket;
  received: ChatMessage[];
  updates: Conversation[];
  /** the latest queue:position pushed to this customer */
  queuePosition: number | null;
  send(
    text: string,
    options?: { clientMessageId?: string; source?: string; orderId?: string; productId?: string },
  ): Promise<AckResult<{ message: ChatMessage; conversation?: Conversation }>>;
  sync(conversationId: string, afterSeq: number): Promise<AckResult<{ messages: ChatMessage[] }>>;
  reconnect(): Promise<void>;
  close(): void;
}

export async function openCustomer(
  url: string,
  app: App,
  body: { shopKey: string; visitorToken?: string; member?: { id: string; name?: string; signature: string } },
): Promise<CustomerClient> {
  const response = await app.inject({ method: 'POST', url: '/api/widget/session', payload: body });
  if (response.statusCode !== 200) throw new Error(`widget session refused: ${response.body}`);
  const session = response.json<WidgetSession>();
  const client: CustomerClient = {
    session,
    socket: await connect(`${url}/widget`, { auth: { visitorToken: session.visitorToken } }),
    received: [],
    updates: [],
    queuePosition: session.queuePosition,
    send: (text, options = {}) =>
      call(client.socket, 'send', {
        clientMessageId: options.clientMessageId ?? randomUUID(),
        text,
        source: options.source ?? 'product_detail',
        ...(options.orderId ? { orderId: options.orderId } : {}),
        ...(options.productId ? { productId: options.productId } : {}),
      }),
    sync: (conversationId, afterSeq) => call(client.socket, 'sync', { conversationId, afterSeq }),
    reconnect: async () => {
      client.socket.close();
      client.socket = await connect(`${url}/widget`, { auth: { visitorToken: session.visitorToken } });
      listenTo(client.socket);
    },
    close: () => client.socket.close(),
  };
  const listenTo = (socket: Socket) => {
    socket.on('queue:position', (payload: { position: number }) => (client.queuePosition = payload.position));
    socket.on('message:new', (message: ChatMessage) => client.received.push(message));
    socket.on('conversation:updated', (update: Conversation) => client.updates.push(update));
  };
  listenTo(client.socket);
  return client;
}

export interface StaffClient {
  socket: Socket;
  received: ChatMessage[];
  updates: Conversation[];
  send(
    conversationId: string,
    text: string,
    options?: { clientMessageId?: string; internal?: boolean },
  ): Promise<AckResult<{ message: ChatMessage }>>;
  presence(status: string): Promise<AckResult<{ status: string }>>;
  sync(conversationId: string, afterSeq: number): Promise<AckResult<{ messages: ChatMessage[] }>>;
  close(): void;
}

export async function openStaff(url: string, api: ApiClient): Promise<StaffClient> {
  const cookie = api.cookie;
  if (!cookie) throw new Error('staff client needs a signed-in ApiClient');
  const socket = await connect(`${url}/agent`, { extraHeaders: { cookie } });
  const client: StaffClient = {
    socket,
    received: [],
    updates: [],
    send: (conversationId, text, options = {}) =>
      call(socket, 'send', {
        conversationId,
        text,
        clientMessageId: options.clientMessageId ?? randomUUID(),
        internal: options.internal ?? false,
      }),
    presence: (status) => call(socket, 'presence', { status }),
    sync: (conversationId, afterSeq) => call(socket, 'sync', { conversationId, afterSeq }),
    close: () => socket.close(),
  };
  socket.on('message:new', (message: ChatMessage) => client.received.push(message));
  socket.on('conversation:updated', (update: Conversation) => client.updates.push(update));
  return client;
}

/** Polls until the check passes (realtime delivery and routing happen after the acknowledgement). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
