// My own presence for the header switch: read from the agent board, changed through the socket (or REST when
// the socket is down), and kept in step with pushes about me.
import { useCallback, useEffect, useState } from 'react';
import type { PresenceStatus } from '@shared/chat.js';
import { ackTimeoutMs, type AckResult } from '../api/agent-socket';
import { ApiError } from '../api/client';
import { listAgentBoard, setMyPresence } from '../api/presence-api';
import { presenceAfterConnect } from '../rules/presence';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useAuthenticatedSession } from './use-session';

export function useMyPresence() {
  const session = useAuthenticatedSession();
  const { socket, connected } = useAgentSocket();
  const [status, setStatus] = useState<PresenceStatus | null>(null);
  /** Whether the board lists me at all (staff outside the duty groups take no chats); null until known */
  const [listed, setListed] = useState<boolean | null>(null);
  const userId = session.user.id;
  const role = session.user.role;

  useEffect(() => {
    if (!connected) return;
    let current = true;
    listAgentBoard().then(
      (board) => {
        if (!current) return;
        const mine = board.find((entry) => entry.userId === userId);
        setListed(mine !== undefined);
        if (mine) setStatus(presenceAfterConnect(mine.status, role));
      },
      () => undefined, // the switch stays on "unknown" until the agent picks a status
    );
    return () => {
      current = false;
    };
  }, [connected, userId, role]);

  useSocketEvent('presence:updated', (update) => {
    if (update.userId === userId) setStatus(update.status);
  });

  const change = useCallback(
    async (next: PresenceStatus) => {
      if (socket?.connected) {
        const result: AckResult<{ status: PresenceStatus }> = await socket
          .timeout(ackTimeoutMs)
          .emitWithAck('presence', { status: next });
        if (!result.ok) throw new ApiError(400, result.error.code, result.error.message);
        setStatus(result.data.status);
      } else {
        setStatus((await setMyPresence(next)).status);
      }
    },
    [socket],
  );

  return { status, listed, change };
}
