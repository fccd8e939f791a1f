// The realtime connection of staff: Socket.IO namespace /agent on the same origin, signed in by the session cookie.
import { io, type Socket } from 'socket.io-client';
import type { Ack, AgentClientEvents, AgentServerEvents } from '@shared/events.js';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;
export type AckResult<T> = Parameters<Ack<T>>[0];

/** How long an acknowledgement may take before the request counts as lost (and is resent when it may be). */
export const ackTimeoutMs = 10_000;

export function connectAgentSocket(): AgentSocket {
  return io('/agent', { withCredentials: true, autoConnect: true });
}
