// One list of the workspace (mine, queue, all): customer, entry source, last message and time, unread count
// and the waiting or first-response clock.
import { Avatar, Badge, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@shared/schemas/chat.js';
import { testId } from '../../components/test-id';
import { useLocale } from '../../hooks/use-locale';
import { sourceLabelKey } from '../../i18n/labels';
import { listTimer, unreadCount, type TimerLevel } from '../../rules/chat';
import { formatElapsed, formatRecent } from '../../rules/time';

export const timerColors: Record<TimerLevel, string> = {
  ok: 'default',
  warning: 'warning',
  overdue: 'error',
};

interface ConversationListProps {
  conversations: readonly Conversation[];
  selectedId: string | null;
  readSeqs: ReadonlyMap<string, number>;
  timeZone: string;
  now: number;
  emptyText: string;
  onSelect: (conversation: Conversation) => void;
}

export function ConversationList(props: ConversationListProps) {
  const { conversations, selectedId, readSeqs, timeZone, now, emptyText, onSelect } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();

  if (conversations.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ marginTop: 48 }} />;
  }

  return (
    <div role="listbox" aria-label={emptyText} className="kefu-conversation-list">
      {conversations.map((conversation) => {
        const selected = conversation.id === selectedId;
        const unread = selected ? 0 : unreadCount(conversation, readSeqs.get(conversation.id));
        const timer = listTimer(conversation, now);
        const lastAt = conversation.lastMessageAt ?? conversation.createdAt;
        return (
          <div
            key={conversation.id}
            role="option"
            aria-selected={selected}
            tabIndex={0}
            className={`kefu-conversation-item${selected ? ' is-selected' : ''}`}
            onClick={() => onSelect(conversation)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(conversation);
              }
            }}
            {...testId(`conversation-item-${conversation.id}`)}
            data-customer={conversation.customer.displayName}
          >
            <Badge count={unread} size="small" offset={[-4, 4]}>
              <Avatar style={{ background: conversation.customer.member ? '#1677ff' : '#8c8c8c' }}>
                {conversation.customer.displayName.slice(0, 1)}
              </Avatar>
            </Badge>
            <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
                  {conversation.customer.displayName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  <time dateTime={lastAt}>{formatRecent(lastAt, timeZone, locale, now)}</time>
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
                {conversation.lastMessagePreview ?? t('workspace.list.noMessages')}
              </Typography.Text>
              <Flex gap={4} wrap>
                <Tag style={{ marginInlineEnd: 0 }}>{t(sourceLabelKey(conversation.source))}</Tag>
                {conversation.status === 'offline_message' ? (
                  <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                    {t('chat.statuses.offline_message')}
                  </Tag>
                ) : null}
                {timer ? (
                  <Tag
                    color={timerColors[timer.level]}
                    style={{ marginInlineEnd: 0 }}
                    data-testid={`conversation-timer-${conversation.id}`}
                    data-level={timer.level}
                  >
                    {t(timer.kind === 'waiting' ? 'workspace.list.waiting' : 'workspace.list.firstResponse', {
                      time: formatElapsed(timer.seconds),
                    })}
                  </Tag>
                ) : null}
              </Flex>
            </Flex>
          </div>
        );
      })}
    </div>
  );
}
