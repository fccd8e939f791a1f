// Domain events of conversations → Socket.IO rooms. Internal notes never reach a customer's room.
import type { Namespace } from 'socket.io';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventBus } from '../../server/events.js';
import { conversationAudience, queuePositions } from './service.js';
import type { AgentServerEvents, WidgetServerEvents } from '../../shared/events.js';

export const rooms = {
  customer: (customerId: string) => `customer:${customerId}`,
  agent: (userId: string) => `agent:${userId}`,
  shop: (shopId: string) => `shop:${shopId}`,
  overseers: (shopId: string) => `overseers:${shopId}`,
};

export function publishConversationEvents(
  db: Kysely<Database>,
  bus: EventBus,
  widget: Namespace<Record<string, never>, WidgetServerEvents>,
  agents: Namespace<Record<string, never>, AgentServerEvents>,
  onError: (error: unknown) => void,
  /** Whether a customer's room may hold a connection besides `except` (a broadcast encodes its packet even for nobody) */
  mayReach: (room: string, except: string | undefined) => boolean = () => true,
): () => void {
  // Queue places change with every arrival, assignment and close; a burst is sent once, after it settles.
  const pendingShops = new Set<string>();
  let stopped = false;
  const pushQueuePositions = (shopId: string) => {
    if (stopped || pendingShops.has(shopId)) return;
    pendingShops.add(shopId);
    setImmediate(() => {
      pendingShops.delete(shopId);
      if (stopped) return;
      queuePositions(db, shopId).then((places) => {
        for (const place of places) {
          widget.to(rooms.customer(place.customerId)).emit('queue:position', {
            conversationId: place.conversationId,
            position: place.position,
            estimatedWaitSeconds: place.estimatedWaitSeconds,
          });
        }
      }, onError);
    });
  };

  const unsubscribe = bus.subscribe((event) => {
    if (event.type === 'message.created') {
      const { conversation, message } = event;
      const room = rooms.customer(conversation.customer.id);
      // the customer's other tabs (the sending one learns of it through its acknowledgement)
      if (!message.internal && mayReach(room, event.senderConnection)) {
        const customerRoom = widget.to(room);
        (event.senderConnection ? customerRoom.except(event.senderConnection) : customerRoom).emit(
          'message:new',
          message,
        );
      }
      const staffRooms = [rooms.overseers(event.shopId)];
      if (conversation.agentId) staffRooms.push(rooms.agent(conversation.agentId));
      agents.to(staffRooms).emit('message:new', message);
    } else if (event.type === 'conversation.changed') {
      const { conversation } = event;
      widget.to(rooms.customer(conversation.customer.id)).emit('conversation:updated', conversation);
      pushQueuePositions(event.shopId);
      // Queued chats are visible to every agent of the shop (the queue list); the rest to those involved.
      const staffRooms =
        conversation.status === 'queued' || conversation.status === 'offline_message'
          ? [rooms.shop(event.shopId)]
          : [rooms.overseers(event.shopId)];
      if (conversation.agentId) staffRooms.push(rooms.agent(conversation.agentId));
      if (event.previousAgentId) staffRooms.push(rooms.agent(event.previousAgentId));
      if (conversation.status === 'assigned') staffRooms.push(rooms.shop(event.shopId));
      agents.to(staffRooms).emit('conversation:updated', conversation);
    } else if (event.type === 'presence.changed') {
      const update = {
        userId: event.userId,
        status: event.status,
        at: new Date(event.at).toISOString(),
        idleSince: event.idleSince ? new Date(event.idleSince).toISOString() : null,
      };
      agents.to(rooms.overseers(event.shopId)).emit('presence:updated', update);
      // The agent's own tabs follow too (another tab, a supervisor, the automatic offline), without idleness.
      agents
        .to(rooms.agent(event.userId))
        .except(rooms.overseers(event.shopId))
        .emit('presence:updated', {
          ...update,
          idleSince: null,
        });
    } else if (event.type === 'rating.created') {
      const staffRooms = [rooms.overseers(event.shopId)];
      if (event.agentId) staffRooms.push(rooms.agent(event.agentId));
      agents.to(staffRooms).emit('rating:new', event.rating);
    }
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

export interface Audience {
  shopId: string;
  customerId: string;
  agentId: string | null;
}

/**
 * Who a conversation's typing and read events go to, without a database read on every keystroke: kept fresh by
 * this node's conversation events and re-read after a few seconds (another node may have changed it).
 */
export function audienceCache(db: Kysely<Database>, bus: EventBus, ttlMs = 5_000) {
  const entries = new Map<string, { audience: Audience; at: number }>();
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'conversation.changed') return;
    const { conversation } = event;
    if (conversation.status === 'closed') entries.delete(conversation.id);
    else
      entries.set(conversation.id, {
        audience: {
          shopId: event.shopId,
          customerId: conversation.customer.id,
          agentId: conversation.agentId,
        },
        at: Date.now(),
      });
  });
  return {
    async get(shopId: string, conversationId: string): Promise<Audience | null> {
      const now = Date.now();
      const cached = entries.get(conversationId);
      if (cached && now - cached.at < ttlMs && cached.audience.shopId === shopId) return cached.audience;
      const found = await conversationAudience(db, shopId, conversationId);
      if (!found) return null;
      const audience = { shopId, ...found };
      if (entries.size > 50_000) entries.clear();
      entries.set(conversationId, { audience, at: now });
      return audience;
    },
    stop: unsubscribe,
  };
}
