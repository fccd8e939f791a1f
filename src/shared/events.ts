// The realtime contract, typed once: what the server pushes and what clients send, per Socket.IO namespace.
// Every pushed conversation carries its version and every message its seq; clients drop anything older.
import type { Wallboard } from './schemas/metrics.js';
import type { PresenceStatus } from './chat.js';
import type { ErrorCode } from './errors.js';
import type { ChatMessage, ChatRating, Conversation } from './schemas/chat.js';
import type { SlaAlert } from './schemas/sla.js';
import type { WorkOrder } from './schemas/work-orders.js';

export type Ack<T> = (
  result: { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } },
) => void;

/** Namespace /widget: one customer, authenticated with their visitor token. */
export interface WidgetServerEvents {
  'message:new': (message: ChatMessage) => void;
  'conversation:updated': (conversation: Conversation) => void;
  /** The customer's place in the queue while they wait (1 = next) */
  'queue:position': (payload: {
    conversationId: string;
    position: number;
    estimatedWaitSeconds: number | null;
  }) => void;
  typing: (payload: { conversationId: string; typing: boolean }) => void;
  read: (payload: { conversationId: string; seq: number }) => void;
}
export interface WidgetClientEvents {
  /**
   * Acknowledged once stored. `conversation` (its view after the message) comes with a message that opened a
   * conversation; one added to the customer's open conversation may come without it, since only the conversation's
   * last message changed (`conversation:updated` announces every other change). `message.conversationId` is always
   * there.
   */
  send: (payload: unknown, ack: Ack<{ message: ChatMessage; conversation?: Conversation }>) => void;
  sync: (payload: unknown, ack: Ack<{ messages: ChatMessage[] }>) => void;
  typing: (payload: unknown) => void;
  read: (payload: unknown) => void;
  /** The rating after a chat ends (rateSchema); once per conversation */
  rate: (payload: unknown, ack: Ack<{ rating: ChatRating }>) => void;
}

/** Namespace /agent: staff, authenticated with their session cookie. */
export interface AgentServerEvents {
  'message:new': (message: ChatMessage) => void;
  'conversation:updated': (conversation: Conversation) => void;
  /** To supervisors (and the agent's own tabs): presence changed, or idle while online (idleSince) or back */
  'presence:updated': (payload: {
    userId: string;
    status: PresenceStatus;
    at: string;
    idleSince: string | null;
  }) => void;
  /** To the assigned agent and supervisors: the customer rated the chat */
  'rating:new': (payload: ChatRating) => void;
  typing: (payload: { conversationId: string; typing: boolean }) => void;
  read: (payload: { conversationId: string; seq: number }) => void;
  /** To the agent it is attributed to and supervisors: an SLA clock warned or breached */
  'sla:alert': (payload: SlaAlert) => void;
  /** To those who hold or follow it and supervisors: a work order changed (drop versions older than held) */
  'workorder:updated': (payload: WorkOrder) => void;
  /** To supervisors: the live wallboard changed (drop a version older than the one held) */
  'metrics:wallboard': (payload: Wallboard) => void;
}
export interface AgentClientEvents {
  send: (payload: unknown, ack: Ack<{ message: ChatMessage }>) => void;
  sync: (payload: unknown, ack: Ack<{ messages: ChatMessage[] }>) => void;
  presence: (payload: unknown, ack: Ack<{ status: PresenceStatus }>) => void;
  activity: () => void;
  typing: (payload: unknown) => void;
  read: (payload: unknown) => void;
}
