// The customer's side of live chat, without any DOM: the session, the /widget socket, the outbox that resends
// until acknowledged, catching up by seq after a reconnect, typing, read marks and the rating. The view renders
// its state and calls its methods.
import { io, type Socket } from 'socket.io-client';
import type { EntrySource } from '../../src/shared/chat.js';
import type { WidgetClientEvents, WidgetServerEvents } from '../../src/shared/events.js';
import type {
  Attachment,
  ChatMessage,
  ChatRating,
  Conversation,
  WidgetSession,
} from '../../src/shared/schemas/chat.js';
import { reactToAnswer, startSession, uploadImage, WidgetApiError, type MemberIdentity } from './api.js';
import type { MessageKey, Translate } from './i18n.js';
import { Outbox, type OutboxEntry, type OutgoingPayload } from './outbox.js';
import { WidgetStorage } from './storage.js';
import { acceptsConversation, lastIncomingSeqOf, lastSeqOf, mergeMessages, unseenCount } from './timeline.js';

type WidgetSocket = Socket<WidgetServerEvents, WidgetClientEvents>;
type AckResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ChatClientOptions {
  baseUrl: string;
  shopKey: string;
  source: EntrySource;
  productId?: string;
  orderId?: string;
  member?: MemberIdentity;
  /** Sent as Accept-Language, so that refusals come back in the visitor's language */
  language: string;
  /** For the refusals the widget words itself (no connection, no answer) */
  t: Translate;
}

export type ConnectionState = 'starting' | 'connected' | 'reconnecting' | 'failed';

export interface ChatState {
  connection: ConnectionState;
  /** Why the session could not start (localised by the server) */
  sessionError: string | null;
  shop: WidgetSession['shop'] | null;
  queueFull: boolean;
  conversation: Conversation | null;
  messages: ChatMessage[];
  outbox: readonly OutboxEntry[];
  queue: { position: number; estimatedWaitSeconds: number | null } | null;
  /** Highest seq the agent has read: the conversation's mark, raised by `read` pushes in between versions */
  agentReadSeq: number;
  agentTyping: boolean;
  uploading: boolean;
  /** A refusal to show once (an image too large, an upload refused) */
  notice: string | null;
  /** The contact form was already sent for this conversation */
  contactLeft: boolean;
  rating: { state: 'idle' | 'sending' | 'done'; error: string | null };
  /** Shop messages the customer has not seen yet (the launcher badge) */
  unseen: number;
  /** The customer's answers to FAQ auto-answers, by message id */
  reactions: Readonly<Record<string, 'sending' | 'solved' | 'handover'>>;
}

const ACK_TIMEOUT_MS = 10_000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
/** An agent's typing mark that is never cleared (a lost push) fades after this */
const TYPING_SHOWN_MS = 8_000;
const SYNC_PAGE = 500;

export class ChatClient {
  private state: ChatState = {
    connection: 'starting',
    sessionError: null,
    shop: null,
    queueFull: false,
    conversation: null,
    messages: [],
    outbox: [],
    queue: null,
    agentReadSeq: 0,
    agentTyping: false,
    uploading: false,
    notice: null,
    contactLeft: false,
    rating: { state: 'idle', error: null },
    reactions: {},
    unseen: 0,
  };
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly storage: WidgetStorage;
  private readonly outbox: Outbox;
  private socket: WidgetSocket | null = null;
  private visitorToken: string | null = null;
  private connectedOnce = false;
  private flushing = false;
  private readSent = 0;
  private typingSentAt = 0;
  private typingIdleTimer: ReturnType<typeof setTimeout> | undefined;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyScheduled = false;

  constructor(private readonly options: ChatClientOptions) {
    this.storage = new WidgetStorage(options.shopKey);
    this.storage.claimFor(options.member?.id ?? '');
    this.outbox = new Outbox(this.storage);
    this.state.outbox = this.outbox.entries();
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get current(): ChatState {
    return this.state;
  }

  /** A visitor who chatted here before (or left unsent messages) is resumed at once, not on first open. */
  get returning(): boolean {
    return this.storage.returning;
  }

  /** Opens the session and the socket; a refused session can be tried again with the same call. */
  async start(): Promise<void> {
    this.update({ connection: 'starting', sessionError: null });
    try {
      const session = await this.openSession();
      this.applySession(session);
      this.connect(session.visitorToken);
    } catch (error) {
      this.update({ connection: 'failed', sessionError: this.errorText(error, 'sessionFailed') });
    }
  }

  stop(): void {
    this.socket?.close();
    this.socket = null;
  }

  /** Queues a text message (or an offline message with contact details) and sends it when connected. */
  sendText(text: string, contact?: OutgoingPayload['contact']): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.stopTyping();
    this.outbox.add({ ...this.context(), text: trimmed, ...(contact ? { contact } : {}) });
    this.outboxChanged();
    if (contact) this.update({ contactLeft: true });
    void this.flush();
  }

  /** Uploads the image first (the server checks its bytes), then queues the message that carries it. */
  async sendImage(file: Blob): Promise<void> {
    if (!this.visitorToken) return;
    this.update({ uploading: true, notice: null });
    try {
      const attachment: Attachment = await uploadImage(
        this.options.baseUrl,
        this.visitorToken,
        file,
        this.options.language,
      );
      this.outbox.add({ ...this.context(), text: '', attachmentId: attachment.id }, attachment);
      this.outboxChanged();
      void this.flush();
      this.update({ uploading: false });
    } catch (error) {
      this.update({ uploading: false, notice: this.errorText(error, 'uploadFailed') });
    }
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
    this.outboxChanged();
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.outbox.discard(clientMessageId);
    this.outboxChanged();
  }

  showNotice(notice: string | null): void {
    this.update({ notice });
  }

  /** Called as the customer types: one `typing: true` every few seconds, `false` once they pause. */
  typing(): void {
    const conversation = this.openConversation();
    if (!conversation || !this.socket?.connected) return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_REPEAT_MS) {
      this.typingSentAt = now;
      this.socket.emit('typing', { conversationId: conversation.id, typing: true });
    }
    clearTimeout(this.typingIdleTimer);
    this.typingIdleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  /** The panel is open and visible: the shop's messages are seen (badge) and read (receipt to the agent). */
  markSeen(): void {
    const conversation = this.state.conversation;
    if (!conversation) return;
    const seq = lastIncomingSeqOf(this.state.messages);
    if (seq === 0) return;
    this.storage.markSeen(conversation.id, seq);
    if (seq > this.readSent && this.socket?.connected) {
      this.readSent = seq;
      this.socket.emit('read', { conversationId: conversation.id, seq });
    }
    this.refreshUnseen();
  }

  async rate(score: ChatRating['score'], comment: string): Promise<void> {
    const conversation = this.state.conversation;
    if (!conversation || !this.socket) return;
    this.update({ rating: { state: 'sending', error: null } });
    try {
      const result = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('rate', {
        conversationId: conversation.id,
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      })) as AckResult<{ rating: ChatRating }>;
      if (!result.ok) throw new WidgetApiError(result.error.code, result.error.message, 0);
      this.storage.markRated(conversation.id);
      this.update({ rating: { state: 'done', error: null } });
    } catch (error) {
      this.update({ rating: { state: 'idle', error: this.errorText(error, 'networkError') } });
    }
  }

  /** "This solved it" / "talk to a person" under an FAQ auto-answer. */
  async react(messageId: string, reaction: 'solved' | 'handover'): Promise<void> {
    if (!this.visitorToken || this.state.reactions[messageId]) return;
    this.update({ reactions: { ...this.state.reactions, [messageId]: 'sending' }, notice: null });
    try {
      const result = await reactToAnswer(
        this.options.baseUrl,
        this.visitorToken,
        { messageId, reaction },
        this.options.language,
      );
      this.update({ reactions: { ...this.state.reactions, [messageId]: result.reaction } });
    } catch (error) {
      const { [messageId]: _dropped, ...rest } = this.state.reactions;
      this.update({ reactions: rest, notice: this.errorText(error, 'networkError') });
    }
  }

  get rated(): boolean {
    const conversation = this.state.conversation;
    return conversation ? this.storage.isRated(conversation.id) : false;
  }

  /** After a chat ended: an empty chat; the next message opens a new conversation. */
  newChat(): void {
    this.readSent = 0;
    this.update({
      conversation: null,
      messages: [],
      queue: null,
      agentReadSeq: 0,
      agentTyping: false,
      contactLeft: false,
      rating: { state: 'idle', error: null },
      notice: null,
      unseen: 0,
    });
  }

  // ── session and socket ────────────────────────────────────────────────────────────────────────────────

  private async openSession(): Promise<WidgetSession> {
    const { baseUrl, shopKey, member, language } = this.options;
    const token = this.storage.visitorToken;
    const session = await startSession(
      baseUrl,
      { shopKey, ...(token ? { visitorToken: token } : {}), ...(member ? { member } : {}) },
      language,
    );
    this.storage.visitorToken = session.visitorToken;
    this.visitorToken = session.visitorToken;
    return session;
  }

  private applySession(session: WidgetSession): void {
    const held = this.state.conversation;
    this.update({
      shop: session.shop,
      queueFull: session.queueFull,
      queue:
        session.queuePosition !== null
          ? { position: session.queuePosition, estimatedWaitSeconds: session.estimatedWaitSeconds ?? null }
          : null,
    });
    if (session.conversation) {
      this.acceptConversation(session.conversation);
    } else if (held && held.status !== 'closed') {
      // It ended while we were away (the session only returns open conversations): ask for the rating.
      this.update({ conversation: { ...held, status: 'closed' }, agentTyping: false, queue: null });
    }
  }

  private connect(visitorToken: string): void {
    this.socket?.close();
    // WebSocket first (no long-polling upgrade dance); long-polling when a proxy refuses WebSockets.
    const socket: WidgetSocket = io(`${this.options.baseUrl}/widget`, {
      auth: { visitorToken },
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      withCredentials: false,
    });
    this.socket = socket;

    socket.on('connect', () => void this.onConnected());
    socket.on('disconnect', () => {
      if (this.socket === socket) this.update({ connection: 'reconnecting', agentTyping: false });
    });
    socket.on('connect_error', (error) => {
      if (this.socket !== socket) return;
      if (socket.active) {
        this.update({ connection: 'reconnecting' });
      } else if (error.message === 'invalid_visitor') {
        // The token is no longer known (e.g. the shop's data was reset): start over as a new visitor.
        this.storage.visitorToken = undefined;
        void this.start();
      } else {
        this.update({ connection: 'failed', sessionError: this.options.t('sessionFailed') });
      }
    });

    socket.on('message:new', (message) => this.receiveMessages([message]));
    socket.on('conversation:updated', (conversation) => this.acceptConversation(conversation));
    socket.on('queue:position', ({ conversationId, position, estimatedWaitSeconds }) => {
      if (conversationId !== this.state.conversation?.id) return;
      this.update({ queue: { position, estimatedWaitSeconds: estimatedWaitSeconds ?? null } });
    });
    socket.on('typing', ({ conversationId, typing }) => {
      if (conversationId !== this.state.conversation?.id) return;
      clearTimeout(this.agentTypingTimer);
      if (typing)
        this.agentTypingTimer = setTimeout(() => this.update({ agentTyping: false }), TYPING_SHOWN_MS);
      this.update({ agentTyping: typing });
    });
    socket.on('read', ({ conversationId, seq }) => {
      if (conversationId !== this.state.conversation?.id || seq <= this.state.agentReadSeq) return;
      this.update({ agentReadSeq: seq });
    });
  }

  private async onConnected(): Promise<void> {
    const reconnect = this.connectedOnce;
    this.connectedOnce = true;
    this.update({ connection: 'connected' });
    if (reconnect) {
      // What changed while we were away: the conversation's status, the queue, the service hours.
      try {
        this.applySession(await this.openSession());
      } catch {
        // The socket is back; the session refresh is a nicety (e.g. rate-limited), the sync below still runs.
      }
    }
    await this.sync();
    this.outbox.retryUnanswered();
    this.outboxChanged();
    await this.flush();
  }

  /** Everything after the last seq held, page by page. */
  private async sync(): Promise<void> {
    const conversation = this.state.conversation;
    const socket = this.socket;
    if (!conversation || !socket?.connected) return;
    for (;;) {
      const afterSeq = lastSeqOf(this.state.messages);
      let result: AckResult<{ messages: ChatMessage[] }>;
      try {
        result = (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('sync', { conversationId: conversation.id, afterSeq })) as typeof result;
      } catch {
        return;
      }
      if (!result.ok) return;
      this.receiveMessages(result.data.messages);
      if (result.data.messages.length < SYNC_PAGE || this.state.conversation?.id !== conversation.id) return;
    }
  }

  /** Sends the outbox one message at a time, oldest first, so the server stores them in the order typed. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const socket = this.socket;
        const entry = this.outbox.nextPending();
        if (!socket?.connected || !entry) return;
        let result: AckResult<{ message: ChatMessage; conversation?: Conversation }>;
        try {
          result = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('send', {
            clientMessageId: entry.clientMessageId,
            ...entry.payload,
          })) as typeof result;
        } catch {
          // No answer in time (or the connection dropped): it may still be stored. It is resent with the same
          // id after a reconnect or when the customer asks; a push of the stored message also settles it.
          this.outbox.failed(entry.clientMessageId);
          this.outboxChanged();
          return;
        }
        if (result.ok) {
          if (entry.payload.contact) this.storage.markContact(result.data.message.conversationId);
          // left out when the message only continued the open conversation (conversation:updated tells the rest)
          if (result.data.conversation) this.acceptConversation(result.data.conversation);
          this.receiveMessages([result.data.message]);
          this.outbox.delivered([entry.clientMessageId]);
        } else {
          this.outbox.failed(entry.clientMessageId, result.error.message);
        }
        this.outboxChanged();
      }
    } finally {
      this.flushing = false;
    }
  }

  // ── state ───────────────────────────────────────────────────────────────────────────────────────────

  private acceptConversation(incoming: Conversation): void {
    const held = this.state.conversation;
    if (!acceptsConversation(held, incoming)) return;
    const switched = held?.id !== incoming.id;
    this.update({
      conversation: incoming,
      agentReadSeq: Math.max(incoming.agentReadSeq ?? 0, switched ? 0 : this.state.agentReadSeq),
      // The form's message may still be on its way when its conversation arrives: keep the form closed.
      contactLeft: this.storage.hasContact(incoming.id) || ((!switched || !held) && this.state.contactLeft),
      ...(switched
        ? { messages: [], agentTyping: false, rating: { state: 'idle' as const, error: null } }
        : {}),
      ...(incoming.status !== 'queued' ? { queue: null } : {}),
      ...(incoming.status !== 'assigned' ? { agentTyping: false } : {}),
    });
    if (switched) {
      this.readSent = 0;
      void this.sync();
    }
    this.refreshUnseen();
  }

  private receiveMessages(incoming: readonly ChatMessage[]): void {
    const conversation = this.state.conversation;
    if (!conversation || incoming.length === 0) return;
    const messages = mergeMessages(this.state.messages, incoming, conversation.id);
    // A stored message of ours settles its outbox entry even when its ack was lost.
    const mine = incoming.flatMap((message) =>
      message.authorKind === 'customer' && message.clientMessageId ? [message.clientMessageId] : [],
    );
    if (this.outbox.delivered(mine)) this.outboxChanged();
    if (incoming.some((message) => message.authorKind === 'agent')) this.update({ agentTyping: false });
    if (messages !== this.state.messages) {
      this.update({ messages });
      this.refreshUnseen();
    }
  }

  private refreshUnseen(): void {
    const conversation = this.state.conversation;
    const unseen = conversation ? unseenCount(this.state.messages, this.storage.seenSeq(conversation.id)) : 0;
    if (unseen !== this.state.unseen) this.update({ unseen });
  }

  private outboxChanged(): void {
    this.update({ outbox: this.outbox.entries() });
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdleTimer);
    const conversation = this.state.conversation;
    if (this.typingSentAt === 0 || !conversation) return;
    this.typingSentAt = 0;
    if (this.socket?.connected)
      this.socket.emit('typing', { conversationId: conversation.id, typing: false });
  }

  /** The conversation the customer is in, unless it has ended. */
  private openConversation(): Conversation | null {
    const conversation = this.state.conversation;
    return conversation && conversation.status !== 'closed' ? conversation : null;
  }

  /** Where the customer is writing from: the entry source and the product or order of the page. */
  private context(): Pick<OutgoingPayload, 'source' | 'productId' | 'orderId'> {
    const { source, productId, orderId } = this.options;
    return { source, ...(productId ? { productId } : {}), ...(orderId ? { orderId } : {}) };
  }

  /** The server's own (localised) message when it refused; otherwise the widget's wording of what failed. */
  private errorText(error: unknown, fallback: MessageKey): string {
    return error instanceof WidgetApiError && error.code !== 'internal'
      ? error.message
      : this.options.t(fallback);
  }

  private update(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener(this.state);
    });
  }
}
