// The Socket.IO gateway: /widget for customers (visitor token) and /agent for staff (session cookie), with
// every payload validated and every send acknowledged only after it is stored. With Redis, several server
// processes share rooms through the Redis adapter.
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type { DatabaseHandle } from '../db/connection.js';
import { resolveSession } from '../modules/auth/service.js';
import * as conversations from '../modules/conversations/service.js';
import { audienceCache, publishConversationEvents, rooms } from '../modules/conversations/realtime.js';
import { resolveVisitor, type ChatCustomer } from '../modules/customers/service.js';
import { presenceOf, recordActivity, setPresence } from '../modules/presence/service.js';
import { sessionCookieName } from '../modules/auth/routes.js';
import { errorMessage, type ErrorCode } from '../shared/errors.js';
import { pickLocale, type Locale } from '../shared/locales.js';
import {
  agentSendSchema,
  presenceSchema,
  rateSchema,
  readSchema,
  syncSchema,
  typingSchema,
  visitorSendSchema,
} from '../shared/schemas/chat.js';
import type {
  AgentClientEvents,
  AgentServerEvents,
  WidgetClientEvents,
  WidgetServerEvents,
} from '../shared/events.js';
import type { Actor } from './actor.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import type { EventBus } from './events.js';
import type { App } from './http.js';

type WidgetSocket = Socket<
  WidgetClientEvents,
  WidgetServerEvents,
  Record<string, never>,
  { customer: ChatCustomer; locale: Locale }
>;
type AgentSocket = Socket<
  AgentClientEvents,
  AgentServerEvents,
  Record<string, never>,
  { actor: Actor; locale: Locale }
>;

/** How long an agent may be without any open connection before they are set offline (a reload is not leaving). */
const OFFLINE_GRACE_MS = 10_000;

type AckResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

function parse<T>(schema: ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new AppError('validation_failed', {
      issues: result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  return result.data;
}

/** Runs a handler and answers through the ack; a client without an ack still gets nothing half-done. */
function handle<T>(
  locale: () => Locale,
  work: () => Promise<T>,
  ack: unknown,
  onError: (e: unknown) => void,
) {
  const reply = typeof ack === 'function' ? (ack as (result: AckResult<T>) => void) : () => undefined;
  // Started inside a promise, so a payload refused synchronously is still answered.
  Promise.resolve()
    .then(work)
    .then(
      (data) => reply({ ok: true, data }),
      (error: unknown) => {
        const code: ErrorCode = error instanceof AppError ? error.code : 'internal';
        if (code === 'internal') onError(error);
        reply({ ok: false, error: { code, message: errorMessage(code, locale()) } });
      },
    );
}

/** A socket handler that validates its payload with the schema, runs the work and answers through the ack. */
function answer<S, T>(
  locale: () => Locale,
  schema: ZodType<S>,
  work: (input: S) => Promise<T>,
  onError: (e: unknown) => void,
) {
  return (payload: unknown, ack: unknown) => handle(locale, () => work(parse(schema, payload)), ack, onError);
}

/**
 * The Redis adapter fires publish and (un)subscribe without handling their promises; while Redis is down those
 * reject, and an unhandled rejection would end the process. Stored messages are not at stake (clients catch up
 * by seq), so a failed command is logged instead.
 */
function guardAdapterClient(client: Redis, warn: (error: unknown) => void): Redis {
  client.on('error', warn);
  const commands = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['publish', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']) {
    const original = commands[name]?.bind(client);
    if (!original) continue;
    commands[name] = (...args: unknown[]) => {
      const result = original(...args);
      if (result instanceof Promise) result.catch(warn);
      return result;
    };
  }
  return client;
}

/**
 * Packets that queued for a connection while its last write was under way (an agent's new messages of one batch)
 * leave in one write to the TCP socket instead of one each: a system call per packet was the largest single cost of
 * the chat's event loop. Only WebSocket connections; a long-polling response already carries its packets together.
 */
function coalesceQueuedWrites(io: Server): void {
  interface Connection {
    transport?: { name?: string; socket?: { _socket?: { cork(): void; uncork(): void } } };
  }
  io.engine.on('flush', (connection: Connection, packets: readonly unknown[]) => {
    const transport = connection.transport;
    const tcp = transport?.name === 'websocket' ? transport.socket?._socket : undefined;
    if (packets.length < 2 || !tcp) return;
    tcp.cork();
    process.nextTick(() => tcp.uncork());
  });
}

export interface RealtimeOptions {
  config: Config;
  database: DatabaseHandle;
  bus: EventBus;
  redis?: Redis | undefined;
}

export interface Realtime {
  io: Server;
  /** Whether this node can hear the others: the adapter's Redis connections are up (always true without Redis). */
  adapterReady(): boolean;
  /**
   * Whether a room of a namespace may hold a connection (besides `except`). One node knows every connection; with
   * the Redis adapter the others' are not known here, so the answer is yes.
   */
  mayReach(namespace: '/widget' | '/agent', room: string, except?: string): boolean;
  close(): Promise<void>;
}

export function attachRealtime(app: App, options: RealtimeOptions): Realtime {
  const { database, bus, config } = options;
  const db = database.db;
  const deps = { db, bus, writer: database.writer };
  const logError = (error: unknown) => app.log.error({ err: error }, 'realtime handler failed');
  const syncFor =
    (viewer: conversations.Viewer) => async (input: { conversationId: string; afterSeq: number }) => ({
      messages: await conversations.messagesAfter(db, viewer, input.conversationId, input.afterSeq),
    });
  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const audiences = audienceCache(db, bus);
  const send = conversations.chatSendBatcher(deps);
  /** The staff who hear a customer's typing and reads: the assigned agent and the supervisors. */
  const staffRoomsOf = (shopId: string, agentId: string | null) =>
    agentId ? [rooms.agent(agentId), rooms.overseers(shopId)] : [rooms.overseers(shopId)];

  let pub: Redis | undefined;
  let sub: Redis | undefined;
  if (options.redis) {
    const warn = (error: unknown) => app.log.warn({ err: error }, 'redis adapter error');
    // The main client fails fast while Redis is away (enableOfflineQueue: false); the adapter's subscriber must
    // queue instead, or its first subscribe, sent before the connection is up, is lost and the node never hears
    // the others. ioredis re-subscribes after a reconnect only channels that once succeeded.
    pub = guardAdapterClient(options.redis.duplicate(), warn);
    sub = guardAdapterClient(options.redis.duplicate({ enableOfflineQueue: true }), warn);
    io.adapter(createAdapter(pub, sub));
  }

  coalesceQueuedWrites(io);
  const widget = io.of('/widget') as unknown as Namespace<
    WidgetClientEvents,
    WidgetServerEvents,
    Record<string, never>,
    WidgetSocket['data']
  >;
  const agents = io.of('/agent') as unknown as Namespace<
    AgentClientEvents,
    AgentServerEvents,
    Record<string, never>,
    AgentSocket['data']
  >;

  widget.use((socket, next) => {
    const token = (socket.handshake.auth as { visitorToken?: unknown }).visitorToken;
    const locale = pickLocale(socket.handshake.headers['accept-language']);
    if (typeof token !== 'string' || token.length > 128) return next(new Error('invalid_visitor'));
    resolveVisitor(db, token).then(
      (customer) => {
        if (!customer) return next(new Error('invalid_visitor'));
        socket.data = { customer, locale };
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('internal')),
    );
  });

  widget.on('connection', (socket: WidgetSocket) => {
    const { customer } = socket.data;
    const locale = () => socket.data.locale;
    void socket.join(rooms.customer(customer.id));

    socket.on(
      'send',
      answer(
        locale,
        visitorSendSchema,
        (input) => send.customer(customer, { ...input, senderConnection: socket.id }),
        logError,
      ),
    );
    socket.on('sync', answer(locale, syncSchema, syncFor({ kind: 'customer', customer }), logError));
    socket.on(
      'rate',
      answer(
        locale,
        rateSchema,
        async (input) => ({ rating: await conversations.rateConversation(deps, customer, input) }),
        logError,
      ),
    );
    socket.on('typing', (payload) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success) return;
      audiences.get(customer.shopId, parsed.data.conversationId).then((audience) => {
        if (audience?.customerId !== customer.id) return;
        agents.to(staffRoomsOf(customer.shopId, audience.agentId)).emit('typing', parsed.data);
      }, logError);
    });
    socket.on('read', (payload) => {
      const parsed = readSchema.safeParse(payload);
      if (!parsed.success) return;
      const { conversationId, seq } = parsed.data;
      conversations.markRead(db, { kind: 'customer', customer }, conversationId, seq).then((marked) => {
        if (!marked) return;
        agents
          .to(staffRoomsOf(marked.shopId, marked.agentId))
          .emit('read', { conversationId, seq: marked.seq });
      }, logError);
    });
  });

  agents.use((socket, next) => {
    const header = socket.handshake.headers.cookie ?? '';
    const raw = app.parseCookie(header)[sessionCookieName];
    const unsigned = raw ? app.unsignCookie(raw) : null;
    if (!unsigned?.valid || !unsigned.value) return next(new Error('unauthenticated'));
    resolveSession(db, unsigned.value, socket.handshake.address, config.sessionTtlMs).then(
      (actor) => {
        if (!actor) return next(new Error('unauthenticated'));
        socket.data = {
          actor,
          locale: pickLocale(socket.handshake.headers['accept-language'], actor.locale),
        };
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('internal')),
    );
  });

  agents.on('connection', (socket: AgentSocket) => {
    const { actor } = socket.data;
    const locale = () => socket.data.locale;
    void socket.join([rooms.agent(actor.userId), rooms.shop(actor.shopId)]);
    if (actor.role === 'admin' || actor.role === 'supervisor')
      void socket.join(rooms.overseers(actor.shopId));
    if (actor.role === 'agent') {
      void presenceOf(db, actor.userId)
        .then(async (status) => {
          if (status === 'offline') await setPresence(deps, actor, 'online', 'connected');
        })
        .catch(logError);
    }

    socket.on(
      'send',
      answer(
        locale,
        agentSendSchema,
        async (input) => ({ message: await send.agent(actor, input) }),
        logError,
      ),
    );
    socket.on('sync', answer(locale, syncSchema, syncFor({ kind: 'staff', actor }), logError));
    socket.on(
      'presence',
      answer(
        locale,
        presenceSchema,
        async ({ status }) => ({ status: await setPresence(deps, actor, status, 'set_by_agent') }),
        logError,
      ),
    );
    socket.on('activity', () => void recordActivity(deps, actor).catch(logError));
    socket.on('typing', (payload) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success) return;
      audiences.get(actor.shopId, parsed.data.conversationId).then((audience) => {
        if (audience) widget.to(rooms.customer(audience.customerId)).emit('typing', parsed.data);
      }, logError);
    });
    socket.on('read', (payload) => {
      const parsed = readSchema.safeParse(payload);
      if (!parsed.success) return;
      const { conversationId, seq } = parsed.data;
      conversations.markRead(db, { kind: 'staff', actor }, conversationId, seq).then((marked) => {
        if (!marked) return;
        widget.to(rooms.customer(marked.customerId)).emit('read', { conversationId, seq: marked.seq });
      }, logError);
    });
    socket.on('disconnect', () => {
      if (actor.role !== 'agent') return;
      // Closing the last tab sets offline after a grace period; the check spans every node (Redis adapter).
      setTimeout(() => {
        void agents
          .in(rooms.agent(actor.userId))
          .fetchSockets()
          .then(async (remaining) => {
            if (remaining.length === 0) await setPresence(deps, actor, 'offline', 'disconnected');
          })
          .catch(logError);
      }, OFFLINE_GRACE_MS).unref();
    });
  });

  const mayReach = (namespace: '/widget' | '/agent', room: string, except?: string) => {
    if (options.redis) return true;
    const members = io.of(namespace).adapter.rooms.get(room);
    return members !== undefined && [...members].some((id) => id !== except);
  };
  const unsubscribe = publishConversationEvents(
    db,
    bus,
    widget as never,
    agents as never,
    logError,
    (room, except) => mayReach('/widget', room, except),
  );

  return {
    io,
    adapterReady: () => (!pub || pub.status === 'ready') && (!sub || sub.status === 'ready'),
    mayReach,
    close: async () => {
      unsubscribe();
      audiences.stop();
      await io.close();
      pub?.disconnect();
      sub?.disconnect();
    },
  };
}
