// One /agent socket for the signed-in staff member: shared by every page, with its connection state, a
// counter of reconnections (so pages catch up with `sync`), and activity reports for the idle check.
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AgentServerEvents } from '@shared/events.js';
import { connectAgentSocket, type AgentSocket } from '../api/agent-socket';
import { activityIntervalMs, isDue } from '../rules/chat';

interface AgentSocketValue {
  socket: AgentSocket | null;
  connected: boolean;
  /** Grows with every connection after the first: lists reload and open chats sync. */
  reconnects: number;
}

const AgentSocketContext = createContext<AgentSocketValue>({ socket: null, connected: false, reconnects: 0 });

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'input'] as const;

export function AgentSocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<AgentSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [reconnects, setReconnects] = useState(0);

  useEffect(() => {
    const next = connectAgentSocket();
    let connections = 0;
    // Shared once connected: nothing arrives before the first connection, and listeners attach right after it.
    const onConnect = () => {
      setSocket(next);
      setConnected(true);
      connections += 1;
      if (connections > 1) setReconnects((value) => value + 1);
    };
    const onDisconnect = () => setConnected(false);
    next.on('connect', onConnect);
    next.on('disconnect', onDisconnect);
    return () => {
      next.off('connect', onConnect);
      next.off('disconnect', onDisconnect);
      next.close();
      setSocket(null);
      setConnected(false);
    };
  }, []);

  // The server flags an online agent without activity for a minute; any input counts, sent at most every 15 s.
  useEffect(() => {
    if (!socket) return;
    let lastSentAt: number | null = null;
    const report = () => {
      const now = Date.now();
      if (!socket.connected || !isDue(lastSentAt, now, activityIntervalMs)) return;
      lastSentAt = now;
      socket.emit('activity');
    };
    for (const name of activityEvents) window.addEventListener(name, report, { passive: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, report);
    };
  }, [socket]);

  const value = useMemo(() => ({ socket, connected, reconnects }), [socket, connected, reconnects]);
  return <AgentSocketContext.Provider value={value}>{children}</AgentSocketContext.Provider>;
}

export function useAgentSocket(): AgentSocketValue {
  return useContext(AgentSocketContext);
}

/** Listens to one server event for as long as the component is mounted; the latest handler is always used. */
export function useSocketEvent<E extends keyof AgentServerEvents>(
  event: E,
  handler: AgentServerEvents[E],
): void {
  const { socket } = useAgentSocket();
  const handlerRef = useRef(handler);
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<AgentServerEvents[E]>) =>
      (handlerRef.current as (...a: Parameters<AgentServerEvents[E]>) => void)(
        ...args,
      )) as AgentServerEvents[E];
    // Socket.IO's typed `on` cannot follow a generic event name; the listener has the event's own signature.
    (socket.on as (name: E, fn: AgentServerEvents[E]) => void)(event, listener);
    return () => {
      (socket.off as (name: E, fn: AgentServerEvents[E]) => void)(event, listener);
    };
  }, [socket, event]);
}
