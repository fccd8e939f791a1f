// One work order: details, hand-over fields, SLA clocks counting down, status actions, replies to the customer and
// internal notes, the history timeline, and the hand-over and extend-deadline dialogs.
import { ArrowLeftOutlined, ClockCircleOutlined, SendOutlined, UserSwitchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Row,
  Segmented,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { WorkOrderDetail, WorkOrderEntry } from '@shared/schemas/work-orders.js';
import type { WorkOrderStatus } from '@shared/work-orders.js';
import { replyToWorkOrder, transitionWorkOrder } from '../../api/work-orders-api';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { SlaCountdown } from '../../components/sla-countdown';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { useWorkOrder } from '../../hooks/use-work-orders';
import { formatInstant } from '../../rules/time';
import { AssignWorkOrderModal, ExtendDeadlineModal } from './work-order-dialogs';
import { SupervisorCloseButton } from './supervisor-close-button';
import { VerdictLinkButton } from './verdict-link-button';
import { HolderText, StatusTag } from './work-order-tags';

const pageStyle = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

function EntryText({ entry, timeZone }: { entry: WorkOrderEntry; timeZone: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const data = entry.data as Record<string, string | boolean | null | { kind?: string } | undefined>;
  const statusLabel = (value: unknown) =>
    typeof value === 'string' ? t(`workOrders.statuses.${value as WorkOrderStatus}`) : '';
  const target = data.target as { kind?: 'agent' | 'department' | 'complaint_team' } | undefined;
  const headline = (() => {
    switch (entry.kind) {
      case 'status':
        return [
          t('workOrders.entry.status', { from: statusLabel(data.from), to: statusLabel(data.to) }),
          typeof data.satisfaction === 'string'
            ? t(`satisfaction.${data.satisfaction as 'satisfied' | 'basically_satisfied' | 'unsatisfied'}`)
            : null,
          data.via === 'customer' ? t('workOrderVerdict.byCustomer') : null,
        ]
          .filter(Boolean)
          .join(' · ');
      case 'assigned':
        return data.claimed
          ? t('workOrders.entry.claimed')
          : t('workOrders.entry.assigned', {
              target: target?.kind ? t(`workOrders.assignment.${target.kind}`) : '',
            });
      case 'reply':
        return data.delivered ? t('workOrders.entry.reply') : t('workOrders.entry.replyUndelivered');
      case 'extended':
        return t('workOrders.entry.extended', {
          to: typeof data.to === 'string' ? formatInstant(data.to, timeZone, locale) : '',
          reason: entry.body,
        });
      default:
        return t(`workOrders.entry.${entry.kind}`);
    }
  })();
  return (
    <div data-testid={`history-${entry.kind}`}>
      <Typography.Text strong>{entry.actorName ?? t('workOrders.entry.system')}</Typography.Text>{' '}
      <Typography.Text>{headline}</Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatInstant(entry.at, timeZone, locale)}
      </Typography.Text>
      {entry.body && entry.kind !== 'extended' ? (
        <Typography.Paragraph
          type={entry.kind === 'note' ? 'secondary' : undefined}
          style={{ ...pageStyle, marginTop: 4 }}
        >
          {entry.body}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function DialogOf({
  kind,
  ...props
}: { kind: 'assign' | 'extend' } & Parameters<typeof AssignWorkOrderModal>[0]) {
  return kind === 'assign' ? <AssignWorkOrderModal {...props} /> : <ExtendDeadlineModal {...props} />;
}

export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const timeZone = session.shop.timezone;
  const { detail, loading, error, reload, accept } = useWorkOrder(id);
  const [mode, setMode] = useState<'customer' | 'internal'>('customer');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'assign' | 'extend' | null>(null);
  const supervises = useCan('workorder.supervise');

  if (loading) return <PageLoading />;
  if (!detail) return <ErrorAlert error={error} onRetry={reload} />;
  const { workOrder, history, allowedStatuses, apologyText } = detail;

  const run = (key: string, action: () => Promise<WorkOrderDetail>, done: string) => {
    setBusy(key);
    action()
      .then((next) => {
        accept(next);
        reload();
        void message.success(done);
      })
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setBusy(null));
  };

  const move = (status: WorkOrderStatus) =>
    run(
      `status-${status}`,
      () => transitionWorkOrder(workOrder.id, { status }),
      t('workOrders.transitionDone', { status: t(`workOrders.statuses.${status}`) }),
    );

  const send = (body: string, internal: boolean, done = t('workOrders.reply.sent')) =>
    run(
      internal ? 'note' : 'reply',
      async () => {
        const next = await replyToWorkOrder(workOrder.id, { text: body, internal });
        setText('');
        return next;
      },
      done,
    );

  const closed = allowedStatuses.length === 0 || workOrder.status === 'closed';

  return (
    <div data-testid="work-order-page" data-number={workOrder.number}>
      <Link to="/work-orders">
        <ArrowLeftOutlined /> {t('workOrders.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '12px 0 16px' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="work-order-title-text">
            {workOrder.number} · {workOrder.title}
          </Typography.Title>
          <StatusTag status={workOrder.status} />
          <Tag color={workOrder.type === 'complaint' ? 'magenta' : undefined}>
            {t(`workOrders.types.${workOrder.type}`)}
          </Tag>
          {workOrder.complaintCategory ? (
            <Tag>{t(`workOrders.complaintCategories.${workOrder.complaintCategory}`)}</Tag>
          ) : null}
          <Tag>{t(`workOrders.priorities.${workOrder.priority}`)}</Tag>
        </Flex>
        <Space>
          <Button
            icon={<UserSwitchOutlined />}
            onClick={() => setDialog('assign')}
            disabled={closed}
            data-testid="work-order-assign"
          >
            {t('workOrders.detail.assign')}
          </Button>
          <Button
            icon={<ClockCircleOutlined />}
            onClick={() => setDialog('extend')}
            disabled={closed}
            data-testid="work-order-extend"
          >
            {t('workOrders.detail.extend')}
          </Button>
        </Space>
      </Flex>

      {apologyText ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('workOrders.apology.title')}
          description={<Typography.Paragraph style={pageStyle}>{apologyText}</Typography.Paragraph>}
          action={
            <Button
              type="primary"
              loading={busy === 'reply'}
              onClick={() => send(apologyText, false, t('workOrders.apology.sent'))}
              data-testid="work-order-send-apology"
            >
              {t('workOrders.apology.send')}
            </Button>
          }
          data-testid="work-order-apology"
        />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={t('workOrders.detail.details')} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('workOrders.detail.customer')}>
                {workOrder.customer?.displayName ??
                  workOrder.contactName ??
                  t('workOrders.detail.noCustomer')}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.columns.holder')}>
                <span data-testid="work-order-holder">
                  <HolderText order={workOrder} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.detail.source')}>
                {t(`workOrders.sources.${workOrder.sourceKind}`)}
                {workOrder.conversationId ? (
                  <Link to={`/workspace?conversation=${workOrder.conversationId}`} style={{ marginLeft: 8 }}>
                    {t('workOrders.detail.openChat')}
                  </Link>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.detail.orderNo')}>
                {workOrder.orderNo ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.detail.createdAt')}>
                {formatInstant(workOrder.createdAt, timeZone, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.detail.deadline')}>
                <span data-testid="work-order-deadline">
                  {workOrder.deadline
                    ? formatInstant(workOrder.deadline, timeZone, locale)
                    : t('common.none')}
                </span>
              </Descriptions.Item>
              {workOrder.satisfaction ? (
                <Descriptions.Item label={t('workOrders.detail.satisfaction')}>
                  {t(`workOrders.satisfaction.${workOrder.satisfaction}`)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {workOrder.description ? (
              <Typography.Paragraph style={{ ...pageStyle, marginTop: 12 }}>
                {workOrder.description}
              </Typography.Paragraph>
            ) : null}
          </Card>

          <Card title={t('workOrders.detail.handOver')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('workOrders.form.keyPoints')}>
                <Typography.Paragraph style={pageStyle} data-testid="work-order-key-points-text">
                  {workOrder.keyPoints || t('common.none')}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.form.customerRequirement')}>
                <Typography.Paragraph style={pageStyle}>
                  {workOrder.customerRequirement || t('common.none')}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title={t('workOrders.detail.history')}>
            <Timeline
              data-testid="work-order-history"
              items={history.map((entry) => ({
                key: entry.id,
                color: entry.kind === 'note' ? 'gray' : entry.kind === 'extended' ? 'orange' : 'blue',
                content: <EntryText entry={entry} timeZone={timeZone} />,
              }))}
            />
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              <Segmented<'customer' | 'internal'>
                value={mode}
                onChange={setMode}
                options={[
                  { value: 'customer', label: t('workOrders.reply.customer') },
                  { value: 'internal', label: t('workOrders.reply.internal') },
                ]}
                data-testid="work-order-reply-mode"
              />
              <Input.TextArea
                value={text}
                onChange={(event) => setText(event.target.value)}
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={
                  mode === 'customer'
                    ? t('workOrders.reply.placeholderCustomer')
                    : t('workOrders.reply.placeholderInternal')
                }
                data-testid="work-order-reply-text"
              />
              <Flex justify="flex-end">
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  disabled={text.trim().length === 0}
                  loading={busy === 'reply' || busy === 'note'}
                  onClick={() => send(text.trim(), mode === 'internal')}
                  data-testid="work-order-reply-send"
                >
                  {t('workOrders.reply.send')}
                </Button>
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('workOrders.detail.clocks')} style={{ marginBottom: 16 }}>
            {workOrder.clocks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Flex vertical gap={8} data-testid="work-order-clocks">
                {workOrder.clocks.map((clock) => (
                  <Flex key={clock.id} justify="space-between" align="center" gap={8}>
                    <Typography.Text>{clock.policyName}</Typography.Text>
                    <SlaCountdown clock={clock} />
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
          <Card title={t('workOrders.detail.actions')}>
            {closed && allowedStatuses.length === 0 ? (
              <Typography.Text type="secondary">{t('workOrders.detail.noActions')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {allowedStatuses.map((status) => (
                  <Button
                    key={status}
                    block
                    danger={status === 'reopened'}
                    type={status === 'resolved' ? 'primary' : 'default'}
                    loading={busy === `status-${status}`}
                    onClick={() => move(status)}
                    data-testid={`work-order-move-${status}`}
                  >
                    {t(`workOrders.moveTo.${status}`)}
                  </Button>
                ))}
              </Flex>
            )}
            {workOrder.customer && ['resolved', 'awaiting_verdict', 'closed'].includes(workOrder.status) ? (
              <VerdictLinkButton workOrderId={workOrder.id} />
            ) : null}
            {supervises && workOrder.status === 'reopened' ? (
              <SupervisorCloseButton
                workOrderId={workOrder.id}
                onDone={(next) => {
                  accept(next);
                  reload();
                }}
              />
            ) : null}
          </Card>
        </Col>
      </Row>

      {dialog ? (
        <DialogOf
          kind={dialog}
          workOrder={workOrder}
          timeZone={timeZone}
          onCancel={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            accept(next);
            reload();
            void message.success(
              t(dialog === 'assign' ? 'workOrders.assignDialog.done' : 'workOrders.extendDialog.done'),
            );
          }}
        />
      ) : null}
    </div>
  );
}
