// Domain events: recorded while a transaction runs and published only after it commits (Outline's afterCommit),
// so no client ever hears of a change that was rolled back. Modules' realtime.ts files subscribe.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PresenceStatus } from '../shared/chat.js';
import type { CallState } from '../shared/calls.js';
import type { CommerceEvent } from '../shared/commerce.js';
import type { ChatMessage, ChatRating, Conversation } from '../shared/schemas/chat.js';
import type { SlaAlert } from '../shared/schemas/sla.js';
import type { WorkOrder } from '../shared/schemas/work-orders.js';

export interface DomainEventMap {
  /**
   * senderConnection: the Socket.IO connection that sent the message; it has the message from its acknowledgement,
   * so the push skips it (the customer's other tabs still get it).
   */
  'message.created': {
    shopId: string;
    conversation: Conversation;
    message: ChatMessage;
    senderConnection?: string | undefined;
  };
  'conversation.changed': { shopId: string; conversation: Conversation; previousAgentId: string | null };
  /** idleSince: set when an online agent went idle past the limit, null when they are active again */
  'presence.changed': {
    shopId: string;
    userId: string;
    status: PresenceStatus;
    at: number;
    idleSince?: number | null;
  };
  'rating.created': { shopId: string; agentId: string | null; rating: ChatRating };
  /** Order-side events stored by the orders module (webhook or CSV import), in the order they happened. */
  'commerce.recorded': { shopId: string; events: readonly CommerceEvent[] };
  /** A call record was created or changed (PBX event, manual record, self-check, spot check, call-back done). */
  'call.changed': {
    shopId: string;
    callId: string;
    agentId: string | null;
    state: CallState;
    missed: boolean;
    version: number;
  };
  /** An SLA clock passed its warning threshold (recorded once per clock and deadline). */
  'sla.warning': { shopId: string; alert: SlaAlert };
  /** An SLA clock passed its due instant; alert.agentId is the agent it is attributed to. */
  'sla.breached': { shopId: string; alert: SlaAlert };
  /** A work order was created or changed; watchers: the user ids who hold or follow it. */
  'workorder.changed': { shopId: string; workOrder: WorkOrder; watchers: readonly string[] };
  /** A follow-up task passed its due time undone (recorded once per task and due time). */
  'followup.overdue': {
    shopId: string;
    taskId: string;
    ownerId: string | null;
    kind: string;
    dueAt: string; // ISO instant
    at: string; // ISO instant the sweep noticed it
  };
  /** A follow-up task was completed (late: after its due time; formComplete: the result form was filled in). */
  'followup.completed': {
    shopId: string;
    taskId: string;
    ownerId: string | null;
    kind: string;
    dueAt: string;
    completedAt: string;
    late: boolean;
    formComplete: boolean;
  };
  /** A conversation got a problem type (and, for complaints, a complaint category), automatically or by an agent. */
  'conversation.classified': {
    shopId: string;
    conversationId: string;
    problemType: string;
    complaintCategory: string | null;
    source: 'auto' | 'agent';
    at: string;
  };
}
export type DomainEventType = keyof DomainEventMap;
export type DomainEvent = { [K in DomainEventType]: { type: K } & DomainEventMap[K] }[DomainEventType];

type Listener = (event: DomainEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: readonly DomainEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) listener(event);
    }
  }
}

export type Emit = (event: DomainEvent) => void;

/**
 * Runs a command in one transaction; the events it emits are published after the commit, in order.
 * Nested calls (a command inside a command) share the outer transaction and its outbox.
 */
export async function runCommand<T>(
  db: Kysely<Database>,
  bus: EventBus,
  work: (trx: Kysely<Database>, emit: Emit) => Promise<T>,
  outer?: Emit,
): Promise<T> {
  if (outer && db.isTransaction) return work(db, outer);
  const outbox: DomainEvent[] = [];
  const result = await db.transaction().execute((trx) => work(trx, (event) => outbox.push(event)));
  bus.publish(outbox);
  return result;
}
