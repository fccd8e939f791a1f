// Messages the agent sent that the server has not acknowledged yet: sent over the socket with their client id,
// resent after a lost ack or a reconnect until stored (the server keeps one copy per client id).
import { useCallback, useEffect, useRef, useState } from 'react';
import { newClientMessageId as clientMessageId } from '@shared/client-message-id.js';
import type { Attachment, ChatMessage } from '@shared/schemas/chat.js';
import { ackTimeoutMs, type AckResult } from '../api/agent-socket';
import { resendDelayMs, withoutDelivered, type OutboxItem } from '../rules/outbox';
import { useAgentSocket, useSocketEvent } from './use-agent-socket';

export interface Draft {
  conversationId: string;
  text: string;
  attachment: Attachment | null;
  internal: boolean;
}

function newClientMessageId(): string {
  return clientMessageId(Date.now(), (size) => crypto.getRandomValues(new Uint8Array(size)));
}

/** Errors that a later attempt can get past; the rest (closed chat, refused text) need the agent. */
const retryableCodes = new Set(['internal', 'rate_limited', 'unavailable']);

export function useOutbox(onDelivered: (message: ChatMessage) => void) {
  const { socket, connected } = useAgentSocket();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const itemsRef = useRef(items);
  const timers = useRef(new Map<string, number>());
  const deliveredRef = useRef(onDelivered);
  const attemptRef = useRef<(id: string) => void>(() => undefined);

  useEffect(() => {
    itemsRef.current = items;
    deliveredRef.current = onDelivered;
  });

  const update = useCallback((id: string, change: Partial<OutboxItem> | null) => {
    setItems((held) => {
      const next =
        change === null
          ? held.filter((item) => item.clientMessageId !== id)
          : held.map((item) => (item.clientMessageId === id ? { ...item, ...change } : item));
      itemsRef.current = next;
      return next;
    });
  }, []);

  const attempt = useCallback(
    (id: string) => {
      const item = itemsRef.current.find((each) => each.clientMessageId === id);
      window.clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      if (!item) return;
      if (!socket?.connected) {
        update(id, { state: 'waiting' });
        return;
      }
      const attempts = item.attempts + 1;
      update(id, { state: 'sending', attempts, error: null });
      const payload = {
        conversationId: item.conversationId,
        clientMessageId: item.clientMessageId,
        text: item.text,
        internal: item.internal,
        ...(item.attachment ? { attachmentId: item.attachment.id } : {}),
      };
      const retryLater = () => {
        update(id, { state: 'waiting' });
        timers.current.set(
          id,
          window.setTimeout(() => attemptRef.current(id), resendDelayMs(attempts)),
        );
      };
      socket
        .timeout(ackTimeoutMs)
        .emitWithAck('send', payload)
        .then(
          (result: AckResult<{ message: ChatMessage }>) => {
            if (!itemsRef.current.some((each) => each.clientMessageId === id)) return;
            if (result.ok) {
              update(id, null);
              deliveredRef.current(result.data.message);
            } else if (retryableCodes.has(result.error.code)) {
              retryLater();
            } else {
              update(id, { state: 'failed', error: result.error.message });
            }
          },
          // No ack in time: the message may or may not be stored; the same client id makes a resend safe.
          () => {
            if (itemsRef.current.some((each) => each.clientMessageId === id)) retryLater();
          },
        );
    },
    [socket, update],
  );

  useEffect(() => {
    attemptRef.current = attempt;
  }, [attempt]);

  // Back online: everything still waiting goes out again.
  useEffect(() => {
    if (!connected) return;
    for (const item of itemsRef.current) {
      if (item.state === 'waiting') attempt(item.clientMessageId);
    }
  }, [connected, attempt]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);

  // Our own message echoed by the server settles its item even when the ack itself was lost.
  useSocketEvent('message:new', (message) => {
    if (!message.clientMessageId) return;
    const remaining = withoutDelivered(itemsRef.current, [message]);
    if (remaining === itemsRef.current) return;
    window.clearTimeout(timers.current.get(message.clientMessageId));
    timers.current.delete(message.clientMessageId);
    itemsRef.current = remaining;
    setItems(remaining);
  });

  const send = useCallback(
    (draft: Draft) => {
      const item: OutboxItem = {
        ...draft,
        clientMessageId: newClientMessageId(),
        createdAt: new Date().toISOString(),
        state: 'sending',
        attempts: 0,
        error: null,
      };
      itemsRef.current = [...itemsRef.current, item];
      setItems(itemsRef.current);
      attempt(item.clientMessageId);
    },
    [attempt],
  );

  const retry = useCallback((id: string) => attempt(id), [attempt]);
  const discard = useCallback(
    (id: string) => {
      window.clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      update(id, null);
    },
    [update],
  );

  return { items, send, retry, discard };
}
