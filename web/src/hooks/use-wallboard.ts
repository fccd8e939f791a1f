// The live wallboard: loaded once, then replaced by every newer push (metrics:wallboard); reloaded on a timer and
// after a reconnect, for viewers outside the supervisors' room and for pushes missed while offline.
import { useEffect, useState } from 'react';
import type { Wallboard } from '@shared/schemas/metrics.js';
import { getWallboard } from '../api/metrics-api';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useApiQuery } from './use-api-query';

export function useWallboard(refreshMs = 30_000) {
  const { reconnects } = useAgentSocket();
  const query = useApiQuery(`wallboard#${reconnects}`, getWallboard);
  const { reload } = query;
  const [held, setHeld] = useState<Wallboard | undefined>(undefined);

  const newer = (next: Wallboard | undefined) =>
    setHeld((current) => (next && (!current || next.version >= current.version) ? next : current));
  if (query.data && (!held || query.data.version > held.version)) newer(query.data);

  useEffect(() => {
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  useSocketEvent('metrics:wallboard', (board) => newer(board));

  return { board: held, loading: !held && query.loading, error: query.error };
}
