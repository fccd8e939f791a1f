// One customer's profile: masked contacts with the audited reveal, VIP level and tags, orders, and one timeline
// of every chat, call, work order, verdict, follow-up, rating, questionnaire and suggestion; merge another profile.
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CustomerOrder, TimelineItem } from '@shared/schemas/customers.js';
import { toApiError } from '../../api/client';
import { mergeCustomer, revealCustomerContact, updateCustomer } from '../../api/follow-ups-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { CustomerActions } from './customer-actions';
import { useCustomerProfile } from '../../hooks/use-follow-ups';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

const kindColors: Record<TimelineItem['kind'], string> = {
  chat: 'blue',
  call: 'cyan',
  work_order: 'purple',
  verdict: 'orange',
  follow_up: 'green',
  rating: 'gold',
  suggestion: 'magenta',
  survey: 'geekblue',
  order: 'gray',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function CustomerProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const canMerge = useCan('followup.supervise');
  const profile = useCustomerProfile(id);
  const [contact, setContact] = useState<{ phone: string | null; email: string | null } | null>(null);
  const [mergeId, setMergeId] = useState('');
  const [busy, setBusy] = useState(false);
  const data = profile.data;
  const timeZone = session.shop.timezone;

  if (!data)
    return profile.error ? <ErrorAlert error={profile.error} onRetry={profile.reload} /> : <PageLoading />;
  const { customer } = data;

  const run = (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    action()
      .then(() => {
        void message.success(done);
        profile.reload();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setBusy(false));
  };

  const reveal = () =>
    revealCustomerContact(customer.id).then(
      (shown) => {
        setContact(shown);
        void message.info(t('customers.revealed'));
      },
      (error: unknown) => void message.error(toApiError(error).message),
    );

  const statusLabel = (item: TimelineItem): string | null => {
    if (!item.status) return null;
    const keys: Partial<Record<TimelineItem['kind'], string>> = {
      chat: `chat.statuses.${item.status}`,
      work_order: `workOrders.statuses.${item.status}`,
      verdict: `satisfaction.${item.status}`,
      survey: `satisfaction.${item.status}`,
      follow_up: `followUps.statuses.${item.status}`,
      rating: `workspace.rating.${item.status}`,
      suggestion: `suggestions.statuses.${item.status}`,
      call: item.status === 'missed' ? 'calls.missed' : `calls.states.${item.status}`,
    };
    const key = keys[item.kind];
    return key ? t(key as never, { defaultValue: item.status }) : item.status;
  };

  const itemTitle = (item: TimelineItem) => {
    const key =
      item.kind === 'chat'
        ? `chat.sources.${item.title}`
        : item.kind === 'call'
          ? `calls.directions.${item.title}`
          : item.kind === 'rating'
            ? `workspace.rating.${item.title}`
            : null;
    return key ? t(key as never, { defaultValue: item.title }) : item.title;
  };

  return (
    <>
      <PageHeader
        title={`${t('customers.profile')} · ${customer.displayName}`}
        description={customer.memberId ? `${t('customers.memberId')} ${customer.memberId}` : undefined}
        actions={<CustomerActions customerId={customer.id} timeZone={timeZone} onDone={profile.reload} />}
      />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card title={t('customers.contacts')} style={{ marginBottom: 16 }} data-testid="customer-contacts">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('customers.contactName'), children: customer.contactName ?? '—' },
                {
                  key: 'phone',
                  label: t('customers.phone'),
                  children: (
                    <span data-testid="profile-phone">
                      {contact ? (contact.phone ?? '—') : (customer.phone ?? '—')}
                    </span>
                  ),
                },
                {
                  key: 'email',
                  label: t('customers.email'),
                  children: (
                    <span data-testid="profile-email">
                      {contact ? (contact.email ?? '—') : (customer.email ?? '—')}
                    </span>
                  ),
                },
                {
                  key: 'id',
                  label: 'ID',
                  children: <Typography.Text copyable>{customer.id}</Typography.Text>,
                },
              ]}
            />
            {data.canReveal && !contact && (customer.phone || customer.email) ? (
              <Button size="small" onClick={reveal} data-testid="profile-reveal">
                {t('customers.reveal')}
              </Button>
            ) : null}
          </Card>
          <TagsCard
            key={`${customer.vipLevel}:${customer.tags.join(',')}`}
            vipLevel={customer.vipLevel}
            tags={customer.tags}
            busy={busy}
            onSave={(body) => run(() => updateCustomer(customer.id, body), t('customers.saved'))}
          />
          <Card title={t('customers.orders')} style={{ marginBottom: 16 }}>
            <Table<CustomerOrder>
              rowKey="orderNo"
              size="small"
              pagination={false}
              dataSource={data.orders}
              columns={[
                { key: 'no', title: t('customers.orderColumns.orderNo'), dataIndex: 'orderNo' },
                { key: 'last', title: t('customers.orderColumns.lastEvent'), dataIndex: 'lastEvent' },
                {
                  key: 'paid',
                  title: t('customers.orderColumns.paid'),
                  render: (_, order) => yuan(order.paidFen),
                },
                {
                  key: 'refunded',
                  title: t('customers.orderColumns.refunded'),
                  render: (_, order) => yuan(order.refundedFen),
                },
              ]}
            />
          </Card>
          {canMerge ? (
            <Card title={t('customers.merge')}>
              <Typography.Paragraph type="secondary">{t('customers.mergeHint')}</Typography.Paragraph>
              <Flex gap={8}>
                <Input
                  value={mergeId}
                  onChange={(event) => setMergeId(event.target.value.trim())}
                  placeholder={t('customers.mergeSource')}
                />
                <Button
                  disabled={!mergeId}
                  loading={busy}
                  onClick={() => run(() => mergeCustomer(customer.id, mergeId), t('customers.merged'))}
                >
                  {t('customers.merge')}
                </Button>
              </Flex>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('customers.timeline')} data-testid="customer-timeline">
            {data.timeline.length === 0 ? (
              <Empty description={t('customers.emptyTimeline')} />
            ) : (
              <Timeline
                items={data.timeline.map((item) => ({
                  key: `${item.kind}:${item.id}`,
                  color: kindColors[item.kind],
                  children: (
                    <div data-testid={`timeline-${item.kind}`}>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={kindColors[item.kind]}>{t(`customers.kinds.${item.kind}`)}</Tag>
                        <Typography.Text strong>
                          {item.link ? <Link to={item.link}>{itemTitle(item)}</Link> : itemTitle(item)}
                        </Typography.Text>
                        {statusLabel(item) ? <Tag>{statusLabel(item)}</Tag> : null}
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatInstant(item.at, timeZone, locale)}
                      </Typography.Text>
                      {item.detail ? (
                        <Typography.Paragraph style={{ marginBottom: 0 }}>{item.detail}</Typography.Paragraph>
                      ) : null}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function TagsCard(props: {
  vipLevel: number;
  tags: string[];
  busy: boolean;
  onSave: (body: { vipLevel: number; tags: string[] }) => void;
}) {
  const { t } = useTranslation();
  const [vip, setVip] = useState(props.vipLevel);
  const [tags, setTags] = useState(props.tags);
  return (
    <Card title={`${t('customers.vip')} / ${t('customers.tags')}`} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        <InputNumber min={0} max={9} value={vip} onChange={(value) => setVip(value ?? 0)} addonBefore="VIP" />
        <Select
          mode="tags"
          value={tags}
          onChange={setTags}
          style={{ width: '100%' }}
          data-testid="profile-tags"
        />
        <Button loading={props.busy} onClick={() => props.onSave({ vipLevel: vip, tags })}>
          {t('customers.save')}
        </Button>
      </Flex>
    </Card>
  );
}
