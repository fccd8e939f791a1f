// The workspace's conversations: loaded per list over REST, then kept current by conversation:updated and
// message:new (older versions dropped), reloaded after a reconnect so nothing missed while offline is lost.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChatMessage, Conversation } from '@shared/schemas/chat.js';
import { fetchConversation, listConversations } from '../api/chat-api';
import { toApiError, type ApiError } from '../api/client';
import { belongsToView, isCurrentVersion, sortForView, withMessage, type WorkspaceView } from '../rules/chat';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';
import { useAuthenticatedSession, useCan } from './use-session';

type Known = ReadonlyMap<string, Conversation>;

function withConversations(known: Known, incoming: readonly Conversation[]): Known {
  let next: Map<string, Conversation> | null = null;
  for (const conversation of incoming) {
    if (!isCurrentVersion(known.get(conversation.id), conversation)) continue;
    next ??= new Map(known);
    next.set(conversation.id, conversation);
  }
  return next ?? known;
}

export function useConversations() {
  const session = useAuthenticatedSession();
  const userId = session.user.id;
  const supervises = useCan('chat.supervise');
  const { reconnects } = useAgentSocket();
  const [known, setKnown] = useState<Known>(new Map());
  const [loaded, setLoaded] = useState<ReadonlySet<WorkspaceView>>(new Set());
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [version, setVersion] = useState(0);

  const views = useMemo<WorkspaceView[]>(
    () => (supervises ? ['mine', 'queue', 'all'] : ['mine', 'queue']),
    [supervises],
  );

  useEffect(() => {
    let current = true;
    for (const view of views) {
      listConversations(view).then(
        (items) => {
          if (!current) return;
          setKnown((held) => withConversations(held, items));
          setLoaded((held) => new Set([...held, view]));
          setError(undefined);
        },
        (failure: unknown) => {
          if (current) setError(toApiError(failure));
        },
      );
    }
    return () => {
      current = false;
    };
  }, [views, reconnects, version]);

  useSocketEvent('conversation:updated', (conversation) => {
    setKnown((held) => withConversations(held, [conversation]));
  });

  useSocketEvent('message:new', (message: ChatMessage) => {
    setKnown((held) => {
      const conversation = held.get(message.conversationId);
      if (!conversation) return held;
      const next = withMessage(conversation, message);
      return next === conversation ? held : new Map(held).set(next.id, next);
    });
  });

  useSocketEvent('read', ({ conversationId, seq }) => {
    setKnown((held) => {
      const conversation = held.get(conversationId);
      if (!conversation || conversation.customerReadSeq >= seq) return held;
      return new Map(held).set(conversationId, { ...conversation, customerReadSeq: seq });
    });
  });

  /** Takes a conversation the server just answered with (after transfer, close, assign). */
  const adopt = useCallback((conversation: Conversation) => {
    setKnown((held) => withConversations(held, [conversation]));
  }, []);

  /** Loads one conversation that no list holds (e.g. a past chat opened from the customer panel). */
  const load = useCallback(
    async (id: string) => {
      const conversation = await fetchConversation(id);
      adopt(conversation);
      return conversation;
    },
    [adopt],
  );

  const lists = useMemo(() => {
    const all = [...known.values()];
    const result = {} as Record<WorkspaceView, Conversation[]>;
    for (const view of ['mine', 'queue', 'all'] as const) {
      result[view] = sortForView(
        view,
        all.filter((conversation) => belongsToView(view, conversation, userId)),
      );
    }
    return result;
  }, [known, userId]);

  return {
    views,
    lists,
    known,
    loaded,
    error,
    reload: useCallback(() => setVersion((value) => value + 1), []),
    adopt,
    load,
  };
}
