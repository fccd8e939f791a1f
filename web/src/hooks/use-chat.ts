// One conversation's history: the full history over REST, then live messages merged by seq (each once, in
// order); a gap or a reconnect asks the socket to `sync` from the last seq held. Also the customer's typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@shared/schemas/chat.js';
import { ackTimeoutMs, type AckResult } from '../api/agent-socket';
import { listMessages } from '../api/chat-api';
import { toApiError, type ApiError } from '../api/client';
import { lastSeqOf, mergeMessages } from '../rules/chat';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';

/** A typing signal lasts this long unless renewed (the customer may close the page mid-word). */
const typingTimeoutMs = 6000;

interface ChatState {
  conversationId: string | null;
  messages: ChatMessage[];
  loaded: boolean;
  error: ApiError | undefined;
}

export function useChat(conversationId: string | null) {
  const { socket, reconnects } = useAgentSocket();
  const [state, setState] = useState<ChatState>({
    conversationId,
    messages: [],
    loaded: false,
    error: undefined,
  });
  const [customerTyping, setCustomerTyping] = useState(false);
  const [version, setVersion] = useState(0);
  const typingTimer = useRef<number | undefined>(undefined);
  const messagesRef = useRef<ChatMessage[]>([]);
  const syncing = useRef(false);

  // A new conversation starts from an empty history (render-time reset, not an effect).
  if (state.conversationId !== conversationId) {
    setState({ conversationId, messages: [], loaded: false, error: undefined });
    setCustomerTyping(false);
  }

  useEffect(() => {
    messagesRef.current = state.messages;
  });

  const merge = useCallback(
    (incoming: readonly ChatMessage[]) => {
      const mine = incoming.filter((message) => message.conversationId === conversationId);
      if (mine.length === 0) return;
      setState((held) => {
        if (held.conversationId !== conversationId) return held;
        const messages = mergeMessages(held.messages, mine);
        messagesRef.current = messages;
        return messages === held.messages ? held : { ...held, messages };
      });
    },
    [conversationId],
  );

  useEffect(() => {
    if (!conversationId) return;
    let current = true;
    listMessages(conversationId, 0).then(
      (items) => {
        if (!current) return;
        setState((held) =>
          held.conversationId === conversationId
            ? { ...held, messages: mergeMessages(held.messages, items), loaded: true, error: undefined }
            : held,
        );
      },
      (failure: unknown) => {
        if (!current) return;
        setState((held) =>
          held.conversationId === conversationId ? { ...held, error: toApiError(failure) } : held,
        );
      },
    );
    return () => {
      current = false;
    };
  }, [conversationId, version]);

  /** Everything after the last seq held, through the socket (after a reconnect or a gap in the seqs). */
  const sync = useCallback(() => {
    if (!conversationId || !socket?.connected || syncing.current) return;
    syncing.current = true;
    socket
      .timeout(ackTimeoutMs)
      .emitWithAck('sync', { conversationId, afterSeq: lastSeqOf(messagesRef.current) })
      .then(
        (result: AckResult<{ messages: ChatMessage[] }>) => {
          if (result.ok) merge(result.data.messages);
        },
        () => undefined, // the next reconnect or gap asks again
      )
      .finally(() => {
        syncing.current = false;
      });
  }, [conversationId, socket, merge]);

  useEffect(() => {
    if (reconnects > 0) sync();
  }, [reconnects, sync]);

  useSocketEvent('message:new', (message) => {
    if (message.conversationId !== conversationId) return;
    const expected = lastSeqOf(messagesRef.current) + 1;
    merge([message]);
    if (message.authorKind === 'customer') setCustomerTyping(false);
    if (message.seq > expected && messagesRef.current.length > 0) sync();
  });

  useSocketEvent('typing', (payload) => {
    if (payload.conversationId !== conversationId) return;
    window.clearTimeout(typingTimer.current);
    setCustomerTyping(payload.typing);
    if (payload.typing) {
      typingTimer.current = window.setTimeout(() => setCustomerTyping(false), typingTimeoutMs);
    }
  });

  useEffect(() => () => window.clearTimeout(typingTimer.current), []);

  return {
    messages: state.messages,
    loaded: state.loaded,
    error: state.error,
    customerTyping,
    merge,
    reload: useCallback(() => setVersion((value) => value + 1), []),
  };
}
