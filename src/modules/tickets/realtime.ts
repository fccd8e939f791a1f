// Work-order changes → the workspace of those who hold or follow it and the shop's supervisors.
import type { Namespace } from 'socket.io';
import type { EventBus } from '../../server/events.js';
import type { AgentServerEvents } from '../../shared/events.js';
import { rooms } from '../conversations/realtime.js';

export function publishWorkOrderEvents(
  bus: EventBus,
  agents: Namespace<Record<string, never>, AgentServerEvents>,
): () => void {
  return bus.subscribe((event) => {
    if (event.type !== 'workorder.changed') return;
    const audience = [rooms.overseers(event.shopId), ...event.watchers.map((id) => rooms.agent(id))];
    agents.to(audience).emit('workorder:updated', event.workOrder);
  });
}
