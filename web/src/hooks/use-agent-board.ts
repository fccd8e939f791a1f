// The agents with presence and load: reloaded on a timer (loads change with every chat), presence pushed live.
import { useEffect, useState } from 'react';
import type { AgentBoardEntry } from '@shared/schemas/chat.js';
import { listAgentBoard } from '../api/presence-api';
import { applyPresenceUpdate } from '../rules/presence';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useApiQuery } from './use-api-query';

export function useAgentBoard(refreshMs = 15_000) {
  const { reconnects } = useAgentSocket();
  const query = useApiQuery(`agent-board#${reconnects}`, listAgentBoard);
  const { reload } = query;
  const [live, setLive] = useState<{ from: AgentBoardEntry[] | undefined; board: AgentBoardEntry[] }>({
    from: undefined,
    board: [],
  });

  // A fresh answer from the server replaces whatever pushes were applied to the previous one.
  if (query.data && live.from !== query.data) setLive({ from: query.data, board: query.data });

  useEffect(() => {
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  useSocketEvent('presence:updated', (update) => {
    setLive((held) => ({ ...held, board: applyPresenceUpdate(held.board, update) }));
  });

  return { board: live.board, loading: query.loading && !query.data, error: query.error, reload };
}
