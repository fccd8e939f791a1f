// Idle-while-online events (violation candidates) for the supervisor, refreshed when presence changes.
import { useEffect } from 'react';
import { listIdleEvents } from '../api/presence-api';
import { useApiQuery } from './use-api-query';
import { useSocketEvent } from './use-agent-socket';

export function useIdleEvents(refreshMs = 30_000) {
  const query = useApiQuery('idle-events', listIdleEvents);
  const { reload } = query;

  useEffect(() => {
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  // An agent going idle or coming back starts or ends an event.
  useSocketEvent('presence:updated', () => reload());

  return { events: query.data ?? [], loading: query.loading && !query.data, error: query.error, reload };
}
