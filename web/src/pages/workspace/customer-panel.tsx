// The customer beside the chat: who they are (member or visitor, masked phone), where this chat came from
// (page, product, order), and their past conversations, each of which can be opened.
import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Conversation } from '@shared/schemas/chat.js';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { useCustomerPanel } from '../../hooks/use-customer-panel';
import { useLocale } from '../../hooks/use-locale';
import { conversationStatusLabelKey, sourceLabelKey } from '../../i18n/labels';
import { formatInstant, formatRecent } from '../../rules/time';

interface CustomerPanelProps {
  conversation: Conversation;
  timeZone: string;
  now: number;
  onOpen: (conversationId: string) => void;
}

export function CustomerPanel({ conversation, timeZone, now, onOpen }: CustomerPanelProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const customer = conversation.customer;
  // Reloaded when this chat ends or a new one starts, so the past list stays current.
  const { panel, loading, error, reload } = useCustomerPanel(customer.id, conversation.status);
  const current = panel?.id === customer.id ? panel : undefined;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const past = current?.conversations.filter((each) => each.id !== conversation.id) ?? [];

  return (
    <Flex vertical gap={16} data-testid="customer-panel">
      <Flex align="center" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {customer.displayName}
        </Typography.Title>
        <Tag color={customer.member ? 'blue' : 'default'} data-testid="customer-kind">
          {customer.member ? t('workspace.customer.member') : t('workspace.customer.visitor')}
        </Tag>
        <Link to={`/customers/${customer.id}`} data-testid="customer-profile-link">
          {t('customers.openProfile')}
        </Link>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'source',
            label: t('workspace.customer.source'),
            children: <Tag style={{ marginInlineEnd: 0 }}>{t(sourceLabelKey(conversation.source))}</Tag>,
          },
          {
            key: 'product',
            label: t('workspace.customer.product'),
            children: conversation.productId ? (
              <Typography.Text copyable>{conversation.productId}</Typography.Text>
            ) : (
              none
            ),
          },
          {
            key: 'order',
            label: t('workspace.customer.order'),
            children: conversation.orderId ? (
              <Typography.Text copyable>{conversation.orderId}</Typography.Text>
            ) : (
              none
            ),
          },
          {
            key: 'memberId',
            label: t('workspace.customer.memberId'),
            children: current?.memberId ?? none,
          },
          {
            key: 'phone',
            label: t('workspace.customer.phone'),
            children: current?.phone ? <span data-testid="customer-phone">{current.phone}</span> : none,
          },
          {
            key: 'since',
            label: t('workspace.customer.since'),
            children: current ? formatInstant(current.createdAt, timeZone, locale) : none,
          },
        ]}
      />
      <div>
        <Typography.Text strong>{t('workspace.customer.history')}</Typography.Text>
        {loading && !current ? (
          <PageLoading />
        ) : past.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.customer.noHistory')} />
        ) : (
          <Flex vertical gap={6} style={{ marginTop: 8 }} data-testid="customer-history">
            {past.map((each) => (
              <button
                type="button"
                key={each.id}
                className="kefu-history-item"
                onClick={() => onOpen(each.id)}
                data-testid={`customer-history-${each.id}`}
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text style={{ fontSize: 13 }}>
                    {formatRecent(each.lastMessageAt ?? each.createdAt, timeZone, locale, now)}
                  </Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(conversationStatusLabelKey(each.status))}</Tag>
                </Flex>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                  {t(sourceLabelKey(each.source))}
                  {each.lastMessagePreview ? ` · ${each.lastMessagePreview}` : ''}
                </Typography.Text>
              </button>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}
