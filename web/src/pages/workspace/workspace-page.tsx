// 工作台: the agent's chat desk. Left: mine / queue / all lists; centre: the chat with its reply box; right: the
// customer. The lists and the open chat stay live through the staff socket.
import { Alert, App, Badge, Empty, Flex, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, ChatRating, Conversation } from '@shared/schemas/chat.js';
import { closeConversation } from '../../api/chat-api';
import { toApiError } from '../../api/client';
import { listAgentBoard } from '../../api/presence-api';
import { ErrorAlert } from '../../components/error-alert';
import { useAgentSocket, useSocketEvent } from '../../hooks/use-agent-socket';
import { useApiQuery } from '../../hooks/use-api-query';
import { useChat } from '../../hooks/use-chat';
import { useConversations } from '../../hooks/use-conversations';
import { useNow } from '../../hooks/use-now';
import { useOutbox } from '../../hooks/use-outbox';
import { useQuickReplies } from '../../hooks/use-quick-replies';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { ratingScoreLabelKey } from '../../i18n/labels';
import {
  chatAbilities,
  isDue,
  lastSeqOf,
  typingIntervalMs,
  unreadCount,
  type WorkspaceView,
} from '../../rules/chat';
import { templateValuesFor } from '../../rules/quick-replies';
import { WorkOrderFormModal } from '../work-orders/work-order-form-modal';
import { AssignModal } from './assign-modal';
import { ChatPane } from './chat-pane';
import { ConversationList } from './conversation-list';
import { CustomerPanel } from './customer-panel';
import type { ReplyDraft } from './reply-box';
import { SlaAlertBadge } from './sla-alert-badge';
import { TransferModal } from './transfer-modal';

type Dialog = { kind: 'transfer' | 'assign' | 'workOrder'; conversation: Conversation } | null;

const panelStyle = {
  background: '#fff',
  borderRadius: 8,
  border: '1px solid rgba(5, 5, 5, 0.06)',
  minHeight: 0,
} as const;

export function WorkspacePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const userId = session.user.id;
  const timeZone = session.shop.timezone;
  const supervises = useCan('chat.supervise');
  const { socket, connected } = useAgentSocket();
  const now = useNow(1000);
  const { views, lists, known, error, reload, adopt, load } = useConversations();
  const [view, setView] = useState<WorkspaceView>('mine');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [closing, setClosing] = useState(false);
  const [readSeqs, setReadSeqs] = useState<ReadonlyMap<string, number>>(new Map());
  const { replies: quickReplies } = useQuickReplies();
  const board = useApiQuery('agent-board', listAgentBoard);
  const chat = useChat(selectedId);
  const { merge } = chat;
  const [ratings, setRatings] = useState<ReadonlyMap<string, ChatRating>>(new Map());
  const sentRead = useRef(new Map<string, number>());
  const lastTyping = useRef<{ at: number | null; typing: boolean }>({ at: null, typing: false });

  const onDelivered = useCallback(
    (delivered: ChatMessage) => {
      merge([delivered]);
      setReadSeqs((held) => new Map(held).set(delivered.conversationId, delivered.seq));
    },
    [merge],
  );
  const outbox = useOutbox(onDelivered);

  // The customer's rating when a chat ends (SPEC §6): noted on the chat and announced once.
  useSocketEvent('rating:new', (rating) => {
    setRatings((held) => new Map(held).set(rating.conversationId, rating));
    const name = known.get(rating.conversationId)?.customer.displayName ?? '';
    const text = t('workspace.rating.received', { name, score: t(ratingScoreLabelKey(rating.score)) });
    if (rating.score === 'bad') void message.warning(text);
    else void message.info(text);
  });

  const selected = selectedId ? known.get(selectedId) : undefined;
  const agentNames = useMemo(
    () => new Map((board.data ?? []).map((entry) => [entry.userId, entry.displayName])),
    [board.data],
  );

  // A chat opened from the customer's history is fetched when no list holds it.
  useEffect(() => {
    if (selectedId && !known.has(selectedId)) {
      load(selectedId).catch((failure: unknown) => void message.error(toApiError(failure).message));
    }
  }, [selectedId, known, load, message]);

  // The agent has seen everything up to the last message of the open chat while the window is in front.
  const lastSeq = lastSeqOf(chat.messages);
  useEffect(() => {
    if (!selectedId || !chat.loaded || lastSeq === 0) return;
    const markRead = () => {
      if (document.visibilityState !== 'visible' || (sentRead.current.get(selectedId) ?? 0) >= lastSeq)
        return;
      sentRead.current.set(selectedId, lastSeq);
      socket?.emit('read', { conversationId: selectedId, seq: lastSeq });
      setReadSeqs((held) => new Map(held).set(selectedId, lastSeq));
    };
    markRead();
    window.addEventListener('focus', markRead);
    document.addEventListener('visibilitychange', markRead);
    return () => {
      window.removeEventListener('focus', markRead);
      document.removeEventListener('visibilitychange', markRead);
    };
  }, [selectedId, chat.loaded, lastSeq, socket]);

  const onTyping = useCallback(
    (typing: boolean) => {
      if (!selectedId || !socket?.connected) return;
      const held = lastTyping.current;
      const nowMs = Date.now();
      if (typing ? !held.typing || isDue(held.at, nowMs, typingIntervalMs) : held.typing) {
        socket.emit('typing', { conversationId: selectedId, typing });
        lastTyping.current = { at: nowMs, typing };
      }
    },
    [selectedId, socket],
  );

  const onSend = (draft: ReplyDraft) => {
    if (!selectedId) return;
    outbox.send({ conversationId: selectedId, ...draft });
  };

  const onClose = (conversation: Conversation) => {
    setClosing(true);
    closeConversation(conversation.id)
      .then((closed) => {
        adopt(closed);
        void message.success(t('workspace.chat.closed', { name: closed.customer.displayName }));
      })
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setClosing(false));
  };

  const tabLabel = (key: WorkspaceView) => {
    const count = key === 'all' ? 0 : lists[key].length;
    const unread = lists[key].reduce(
      (sum, each) => sum + (each.id === selectedId ? 0 : unreadCount(each, readSeqs.get(each.id))),
      0,
    );
    return (
      <span data-testid={`workspace-tab-${key}`}>
        {t(`workspace.tabs.${key}`)}
        {count > 0 ? ` (${count})` : ''}
        {key === 'mine' && unread > 0 ? (
          <Badge count={unread} size="small" style={{ marginInlineStart: 4 }} />
        ) : null}
      </span>
    );
  };

  const abilities = selected ? chatAbilities(selected, userId, supervises) : null;
  const pending = outbox.items.filter((item) => item.conversationId === selectedId);

  return (
    <Flex vertical gap={12} style={{ height: 'calc(100vh - 112px)', minHeight: 480 }} data-testid="workspace">
      <Flex justify="flex-end">
        <SlaAlertBadge myUserId={userId} timeZone={timeZone} />
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      {socket && !connected ? (
        <Alert type="warning" showIcon title={t('workspace.reconnecting')} data-testid="workspace-offline" />
      ) : null}
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <Flex vertical style={{ ...panelStyle, width: 300, flex: 'none' }}>
          <Tabs
            activeKey={view}
            onChange={(key) => setView(key as WorkspaceView)}
            centered
            style={{ paddingInline: 8 }}
            items={views.map((key) => ({ key, label: tabLabel(key) }))}
          />
          <div style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid={`workspace-list-${view}`}>
            <ConversationList
              conversations={lists[view]}
              selectedId={selectedId}
              readSeqs={readSeqs}
              timeZone={timeZone}
              now={now}
              emptyText={t(`workspace.empty.${view}`)}
              onSelect={(conversation) => setSelectedId(conversation.id)}
            />
          </div>
        </Flex>
        <div style={{ ...panelStyle, flex: 1, minWidth: 0, overflow: 'hidden' }}>
          {selected && abilities ? (
            <ChatPane
              conversation={selected}
              messages={chat.messages}
              loaded={chat.loaded}
              error={chat.error}
              onRetryLoad={chat.reload}
              customerTyping={chat.customerTyping}
              rating={ratings.get(selected.id) ?? null}
              pending={pending}
              now={now}
              timeZone={timeZone}
              agentNames={agentNames}
              myUserId={userId}
              replyBlockedReason={
                abilities.replyBlock ? t(`workspace.reply.blocked.${abilities.replyBlock}`) : null
              }
              canTransfer={abilities.canTransfer}
              canAssign={abilities.canAssign}
              canClose={abilities.canClose}
              closing={closing}
              quickReplies={quickReplies}
              templateValues={templateValuesFor(selected, session.user.displayName, session.shop.name)}
              onSend={onSend}
              onTyping={onTyping}
              onRetry={outbox.retry}
              onDiscard={outbox.discard}
              onTransfer={() => setDialog({ kind: 'transfer', conversation: selected })}
              onAssign={() => setDialog({ kind: 'assign', conversation: selected })}
              onCreateWorkOrder={() => setDialog({ kind: 'workOrder', conversation: selected })}
              onClose={() => onClose(selected)}
            />
          ) : (
            <Flex align="center" justify="center" style={{ height: '100%' }}>
              <Empty description={t('workspace.noSelection')} />
            </Flex>
          )}
        </div>
        <div style={{ ...panelStyle, width: 300, flex: 'none', overflowY: 'auto', padding: 16 }}>
          {selected ? (
            <CustomerPanel
              key={selected.customer.id}
              conversation={selected}
              timeZone={timeZone}
              now={now}
              onOpen={setSelectedId}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.customer.none')} />
          )}
        </div>
      </Flex>
      {dialog?.kind === 'transfer' ? (
        <TransferModal
          conversation={dialog.conversation}
          myUserId={userId}
          onCancel={() => setDialog(null)}
          onDone={(transferred) => {
            adopt(transferred);
            setDialog(null);
            setSelectedId(null);
            void message.success(t('workspace.transfer.done', { name: transferred.customer.displayName }));
          }}
        />
      ) : null}
      {dialog?.kind === 'workOrder' ? (
        <WorkOrderFormModal
          timeZone={timeZone}
          chat={{
            conversationId: dialog.conversation.id,
            customerName: dialog.conversation.customer.displayName,
            orderId: dialog.conversation.orderId,
          }}
          onCancel={() => setDialog(null)}
          onDone={(detail) => {
            setDialog(null);
            void message.success(t('workOrders.created', { number: detail.workOrder.number }));
          }}
        />
      ) : null}
      {dialog?.kind === 'assign' ? (
        <AssignModal
          conversation={dialog.conversation}
          onCancel={() => setDialog(null)}
          onDone={(assigned) => {
            adopt(assigned);
            setDialog(null);
            void message.success(t('workspace.assign.done', { name: assigned.customer.displayName }));
          }}
        />
      ) : null}
    </Flex>
  );
}
