// The centre of the workspace: the chat header (customer, source, status, first-response clock, transfer,
// assign, close), the history with unsent messages after it, the customer's typing, and the reply box.
import { CloseCircleOutlined, FileAddOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, ChatRating, Conversation } from '@shared/schemas/chat.js';
import type { QuickReply } from '@shared/schemas/replies.js';
import type { TemplateValues } from '@shared/templates.js';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { testId } from '../../components/test-id';
import { useLocale } from '../../hooks/use-locale';
import {
  conversationStatusLabelKey,
  ratingScoreLabelKey,
  routingGroupLabelKey,
  sourceLabelKey,
} from '../../i18n/labels';
import { isReadByCustomer } from '../../rules/chat';
import type { OutboxItem } from '../../rules/outbox';
import { formatRecent } from '../../rules/time';
import { useClassification, useSuggestions } from '../../hooks/use-assist';
import { ClassificationTag } from './assist-bar';
import { FirstResponseTimer } from './first-response-timer';
import { MessageItem, PendingItem } from './message-item';
import { ReplyBox, type ReplyDraft } from './reply-box';

const statusColors: Record<Conversation['status'], string> = {
  queued: 'orange',
  assigned: 'green',
  offline_message: 'purple',
  closed: 'default',
};

const ratingColors: Record<ChatRating['score'], string> = { good: 'green', neutral: 'default', bad: 'red' };

interface ChatPaneProps {
  conversation: Conversation;
  messages: readonly ChatMessage[];
  loaded: boolean;
  error: ApiError | undefined;
  onRetryLoad: () => void;
  customerTyping: boolean;
  rating: ChatRating | null;
  pending: readonly OutboxItem[];
  now: number;
  timeZone: string;
  agentNames: ReadonlyMap<string, string>;
  myUserId: string;
  replyBlockedReason: string | null;
  canTransfer: boolean;
  canAssign: boolean;
  canClose: boolean;
  closing: boolean;
  quickReplies: readonly QuickReply[];
  templateValues: TemplateValues;
  onSend: (draft: ReplyDraft) => void;
  onTyping: (typing: boolean) => void;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
  onTransfer: () => void;
  onAssign: () => void;
  onClose: () => void;
  /** 转工单: a work order from this chat (the customer and conversation prefilled) */
  onCreateWorkOrder: () => void;
}

export function ChatPane(props: ChatPaneProps) {
  const { conversation, messages, pending, now, timeZone, agentNames, myUserId } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stickToEnd = useRef(true);
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const lastCustomerSeq = messages.findLast((message) => message.authorKind === 'customer')?.seq ?? 0;
  const suggestions = useSuggestions(conversation.id, lastCustomerSeq);
  const classification = useClassification(conversation.id, lastCustomerSeq);

  // New messages and sends scroll the history to its end.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    stickToEnd.current = true;
  }, [conversation.id, lastSeq, pending.length, props.customerTyping]);

  // Images load after they are laid out: while the agent is at the end, the history stays at the end.
  useEffect(() => {
    const element = scroller.current;
    const inner = content.current;
    if (!element || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stickToEnd.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (element) stickToEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  };

  const authorName = (message: ChatMessage): string | undefined => {
    if (message.authorKind !== 'agent' || !message.authorId) return undefined;
    if (message.authorId === myUserId) return t('workspace.message.me');
    return agentNames.get(message.authorId) ?? t('workspace.message.agent');
  };

  return (
    <Flex
      vertical
      style={{ height: '100%', minHeight: 0 }}
      data-testid="chat-pane"
      data-conversation={conversation.id}
    >
      <Flex
        align="center"
        justify="space-between"
        gap={12}
        wrap
        style={{ padding: '12px 16px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="chat-customer-name">
            {conversation.customer.displayName}
          </Typography.Title>
          <Tag color={statusColors[conversation.status]} data-testid="chat-status">
            {t(conversationStatusLabelKey(conversation.status))}
          </Tag>
          <Tag>{t(sourceLabelKey(conversation.source))}</Tag>
          <Tag>{t(routingGroupLabelKey(conversation.targetGroup))}</Tag>
          {conversation.transferCount > 0 ? (
            <Tag color="blue">{t('workspace.chat.transferred', { times: conversation.transferCount })}</Tag>
          ) : null}
          <FirstResponseTimer conversation={conversation} messages={messages} now={now} />
          <ClassificationTag
            conversationId={conversation.id}
            classification={classification.data}
            onChanged={classification.reload}
          />
          {props.rating ? (
            <Tooltip title={props.rating.comment}>
              <Tag color={ratingColors[props.rating.score]} data-testid="chat-rating">
                {t('workspace.rating.tag', { score: t(ratingScoreLabelKey(props.rating.score)) })}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
        <Flex gap={8}>
          <Button
            icon={<FileAddOutlined />}
            onClick={props.onCreateWorkOrder}
            data-testid="chat-create-work-order"
          >
            {t('workOrders.createFromChat')}
          </Button>
          {props.canTransfer ? (
            <Button icon={<SwapOutlined />} onClick={props.onTransfer} data-testid="chat-transfer">
              {t('workspace.chat.transfer')}
            </Button>
          ) : null}
          {props.canAssign ? (
            <Button icon={<UserSwitchOutlined />} onClick={props.onAssign} data-testid="chat-assign">
              {conversation.status === 'assigned' ? t('workspace.chat.reassign') : t('workspace.chat.assign')}
            </Button>
          ) : null}
          {props.canClose ? (
            <Popconfirm
              title={t('workspace.chat.confirmClose', { name: conversation.customer.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ ...testId('confirm-ok'), danger: true }}
              onConfirm={props.onClose}
            >
              <Button danger icon={<CloseCircleOutlined />} loading={props.closing} data-testid="chat-close">
                {t('workspace.chat.close')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Flex>
      <div
        ref={scroller}
        style={{ flex: 1, minHeight: 0, overflowY: 'auto', padding: 16, background: '#fafafa' }}
        data-testid="chat-history"
        onScroll={onScroll}
      >
        <ErrorAlert error={props.error} onRetry={props.onRetryLoad} />
        {!props.loaded && !props.error ? <PageLoading /> : null}
        <Flex vertical gap={12} ref={content}>
          {messages.map((message) => (
            <MessageItem
              key={message.seq}
              message={message}
              time={formatRecent(message.createdAt, timeZone, locale, now)}
              read={isReadByCustomer(conversation, message)}
              authorName={authorName(message)}
            />
          ))}
          {pending.map((item) => (
            <PendingItem
              key={item.clientMessageId}
              item={item}
              onRetry={() => props.onRetry(item.clientMessageId)}
              onDiscard={() => props.onDiscard(item.clientMessageId)}
            />
          ))}
        </Flex>
        {props.customerTyping ? (
          <Typography.Text
            type="secondary"
            italic
            style={{ display: 'block', marginTop: 12 }}
            data-testid="customer-typing"
          >
            {t('workspace.chat.customerTyping', { name: conversation.customer.displayName })}
          </Typography.Text>
        ) : null}
      </div>
      <ReplyBox
        conversationId={conversation.id}
        disabled={props.replyBlockedReason !== null}
        disabledReason={props.replyBlockedReason ?? undefined}
        quickReplies={props.quickReplies}
        templateValues={props.templateValues}
        onSend={props.onSend}
        onTyping={props.onTyping}
        suggestions={suggestions.data ?? []}
      />
    </Flex>
  );
}
