// One message of the chat: the customer on the left, agents on the right, internal notes marked, system events
// and auto-replies in the middle; agent messages carry the read receipt, unsent ones their outbox state.
import { Button, Flex, Image, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, ChatMessage } from '@shared/schemas/chat.js';
import type { OutboxItem } from '../../rules/outbox';

interface BubbleProps {
  side: 'left' | 'right';
  internal: boolean;
  text: string;
  attachment: Attachment | null;
  footer: ReactNode;
  testId: string;
  author?: string | undefined;
}

function Bubble({ side, internal, text, attachment, footer, testId, author }: BubbleProps) {
  const { t } = useTranslation();
  const background = internal ? '#fffbe6' : side === 'right' ? '#e6f4ff' : '#fff';
  const border = internal ? '1px dashed #faad14' : '1px solid rgba(5, 5, 5, 0.06)';
  return (
    <Flex vertical align={side === 'right' ? 'flex-end' : 'flex-start'} gap={2} data-testid={testId}>
      {author || internal ? (
        <Flex gap={6} align="center">
          {internal ? <Tag color="gold">{t('workspace.message.internal')}</Tag> : null}
          {author ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {author}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      <div
        style={{
          maxWidth: '72%',
          padding: '8px 12px',
          borderRadius: 8,
          background,
          border,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {attachment ? (
          <Image
            src={attachment.url}
            alt={t('workspace.message.image')}
            width={180}
            style={{ borderRadius: 4, display: 'block', marginBottom: text ? 6 : 0 }}
          />
        ) : null}
        {text ? <div>{text}</div> : null}
      </div>
      {footer}
    </Flex>
  );
}

interface MessageItemProps {
  message: ChatMessage;
  time: string;
  read: boolean;
  authorName: string | undefined;
}

export function MessageItem({ message, time, read, authorName }: MessageItemProps) {
  const { t } = useTranslation();
  const testId = `message-${message.seq}`;

  if (message.kind === 'event') {
    return (
      <Flex justify="center" data-testid={testId}>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {message.text} · {time}
        </Typography.Text>
      </Flex>
    );
  }

  if (message.kind === 'auto_reply' || message.kind === 'faq_answer') {
    return (
      <Bubble
        side="right"
        internal={false}
        text={message.text}
        attachment={message.attachment}
        testId={testId}
        author={t(message.kind === 'faq_answer' ? 'assist.faqAnswer' : 'workspace.message.autoReply')}
        footer={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {time}
          </Typography.Text>
        }
      />
    );
  }

  const fromAgent = message.authorKind !== 'customer';
  return (
    <Bubble
      side={fromAgent ? 'right' : 'left'}
      internal={message.internal}
      text={message.text}
      attachment={message.attachment}
      testId={testId}
      author={fromAgent ? authorName : undefined}
      footer={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {time}
          {fromAgent && !message.internal ? (
            <span data-testid={`receipt-${message.seq}`} data-read={read} style={{ marginInlineStart: 8 }}>
              {read ? t('workspace.message.read') : t('workspace.message.unread')}
            </span>
          ) : null}
        </Typography.Text>
      }
    />
  );
}

interface PendingItemProps {
  item: OutboxItem;
  onRetry: () => void;
  onDiscard: () => void;
}

export function PendingItem({ item, onRetry, onDiscard }: PendingItemProps) {
  const { t } = useTranslation();
  const failed = item.state === 'failed';
  return (
    <Bubble
      side="right"
      internal={item.internal}
      text={item.text}
      attachment={item.attachment}
      testId={`pending-${item.clientMessageId}`}
      footer={
        <Flex gap={4} align="center">
          <Typography.Text type={failed ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {failed
              ? t('workspace.message.failed', { message: item.error ?? '' })
              : item.state === 'sending'
                ? t('workspace.message.sending')
                : t('workspace.message.waiting')}
          </Typography.Text>
          {item.state !== 'sending' ? (
            <Button size="small" type="link" onClick={onRetry} data-testid="pending-retry">
              {t('workspace.message.resend')}
            </Button>
          ) : null}
          {failed ? (
            <Button size="small" type="link" danger onClick={onDiscard}>
              {t('workspace.message.discard')}
            </Button>
          ) : null}
        </Flex>
      }
    />
  );
}
