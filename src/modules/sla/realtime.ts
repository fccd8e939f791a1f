// SLA warnings and breaches → the workspace: the agent they are attributed to and the shop's supervisors.
import type { Namespace } from 'socket.io';
import type { EventBus } from '../../server/events.js';
import type { AgentServerEvents } from '../../shared/events.js';
import { rooms } from '../conversations/realtime.js';

export function publishSlaEvents(
  bus: EventBus,
  agents: Namespace<Record<string, never>, AgentServerEvents>,
): () => void {
  return bus.subscribe((event) => {
    if (event.type !== 'sla.warning' && event.type !== 'sla.breached') return;
    const audience = [rooms.overseers(event.shopId)];
    if (event.alert.agentId) audience.push(rooms.agent(event.alert.agentId));
    agents.to(audience).emit('sla:alert', event.alert);
  });
}
