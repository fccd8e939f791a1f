// The reference for `npm run bench:chat`: a bare Socket.IO relay with Kefu's event names and room layout but no
// database, validation, routing or sessions. A customer is paired with a fixed agent when it connects; every send is
// relayed to the customer's and the agent's rooms and acknowledged at once. Run as a child process (PORT).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

interface SendPayload {
  clientMessageId?: string;
  conversationId?: string;
  text?: string;
}
type Ack = (result: unknown) => void;

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

const http = createServer((request, response) => {
  response.statusCode = request.url === '/healthz' ? 200 : 404;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ status: 'ok' }));
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const widget = io.of('/widget');
const agents = io.of('/agent');
const rooms = {
  customer: (id: string) => `customer:${id}`,
  agent: (id: string) => `agent:${id}`,
};

function messageOf(
  conversationId: string,
  seq: number,
  author: { kind: 'customer' | 'agent'; id: string },
  payload: SendPayload,
) {
  return {
    id: randomUUID(),
    conversationId,
    seq,
    authorKind: author.kind,
    authorId: author.id,
    clientMessageId: payload.clientMessageId ?? null,
    kind: 'text',
    text: payload.text ?? '',
    attachment: null,
    internal: false,
    createdAt: new Date().toISOString(),
  };
}

/** Per conversation (= customer id here): the paired agent and the last sequence number. */
const conversations = new Map<string, { agentId: string; lastSeq: number }>();

widget.on('connection', (socket) => {
  const auth = socket.handshake.auth as { customerId?: unknown; agentId?: unknown };
  if (typeof auth.customerId !== 'string' || typeof auth.agentId !== 'string') {
    socket.disconnect(true);
    return;
  }
  const customerId = auth.customerId;
  const conversation = { agentId: auth.agentId, lastSeq: 0 };
  conversations.set(customerId, conversation);
  void socket.join(rooms.customer(customerId));

  socket.on('send', (payload: SendPayload, ack?: Ack) => {
    conversation.lastSeq += 1;
    const view = {
      id: customerId,
      status: 'assigned',
      agentId: conversation.agentId,
      lastSeq: conversation.lastSeq,
    };
    if (conversation.lastSeq === 1)
      agents.to(rooms.agent(conversation.agentId)).emit('conversation:updated', view);
    const message = messageOf(
      customerId,
      conversation.lastSeq,
      { kind: 'customer', id: customerId },
      payload,
    );
    widget.to(rooms.customer(customerId)).emit('message:new', message);
    agents.to(rooms.agent(conversation.agentId)).emit('message:new', message);
    ack?.({ ok: true, data: { message, conversation: view } });
  });
});

agents.on('connection', (socket) => {
  const auth = socket.handshake.auth as { agentId?: unknown };
  if (typeof auth.agentId !== 'string') {
    socket.disconnect(true);
    return;
  }
  const agentId = auth.agentId;
  void socket.join(rooms.agent(agentId));

  socket.on('presence', (payload: { status?: string }, ack?: Ack) =>
    ack?.({ ok: true, data: { status: payload.status } }),
  );
  socket.on('send', (payload: SendPayload, ack?: Ack) => {
    const conversation = payload.conversationId ? conversations.get(payload.conversationId) : undefined;
    if (!payload.conversationId || !conversation) {
      ack?.({ ok: false, error: { code: 'not_found', message: 'no such conversation' } });
      return;
    }
    conversation.lastSeq += 1;
    const message = messageOf(
      payload.conversationId,
      conversation.lastSeq,
      { kind: 'agent', id: agentId },
      payload,
    );
    widget.to(rooms.customer(payload.conversationId)).emit('message:new', message);
    agents.to(rooms.agent(agentId)).emit('message:new', message);
    ack?.({ ok: true, data: { message } });
  });
});

http.listen(port, host, () => console.log(`bare relay listening on http://${host}:${port}`));
const stop = () => void io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
