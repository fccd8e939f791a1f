// 工单列表: the work orders I may see, filtered by status, type, holder and overdue, with live SLA countdowns.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { WorkOrder } from '@shared/schemas/work-orders.js';
import {
  workOrderStatuses,
  workOrderTypes,
  type WorkOrderStatus,
  type WorkOrderType,
} from '@shared/work-orders.js';
import type { WorkOrderQuery } from '../../api/work-orders-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { SlaCountdown } from '../../components/sla-countdown';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { useWorkOrders } from '../../hooks/use-work-orders';
import { formatRecent } from '../../rules/time';
import { leadingClock } from '../../rules/work-orders';
import { useNow } from '../../hooks/use-now';
import { WorkOrderFormModal } from './work-order-form-modal';
import { HolderText, StatusTag } from './work-order-tags';

type AssigneeFilter = 'me' | 'complaint_team' | 'unassigned';

export function WorkOrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const now = useNow(30_000);
  const timeZone = session.shop.timezone;
  const [status, setStatus] = useState<WorkOrderStatus | 'open' | undefined>('open');
  const [type, setType] = useState<WorkOrderType | undefined>(undefined);
  const [assignee, setAssignee] = useState<AssigneeFilter | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const query: WorkOrderQuery = {
    ...(status ? { status } : {}),
    ...(type ? { type } : {}),
    ...(assignee ? { assignee } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
  };
  const { workOrders, loading, error, reload } = useWorkOrders(query);

  const columns: TableProps<WorkOrder>['columns'] = [
    {
      key: 'number',
      title: t('workOrders.columns.number'),
      width: 120,
      render: (_value, order) => (
        <Link to={`/work-orders/${order.id}`} data-testid={`work-order-link-${order.number}`}>
          {order.number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('workOrders.columns.title'),
      render: (_value, order) => <Typography.Text>{order.title}</Typography.Text>,
    },
    {
      key: 'type',
      title: t('workOrders.columns.type'),
      width: 110,
      render: (_value, order) => (
        <Tag color={order.type === 'complaint' ? 'magenta' : undefined}>
          {t(`workOrders.types.${order.type}`)}
        </Tag>
      ),
    },
    {
      key: 'priority',
      title: t('workOrders.columns.priority'),
      width: 90,
      render: (_value, order) => t(`workOrders.priorities.${order.priority}`),
    },
    {
      key: 'status',
      title: t('workOrders.columns.status'),
      width: 130,
      render: (_value, order) => <StatusTag status={order.status} />,
    },
    {
      key: 'holder',
      title: t('workOrders.columns.holder'),
      width: 150,
      render: (_value, order) => <HolderText order={order} />,
    },
    {
      key: 'customer',
      title: t('workOrders.columns.customer'),
      width: 140,
      render: (_value, order) => order.customer?.displayName ?? order.contactName ?? t('common.none'),
    },
    {
      key: 'countdown',
      title: t('workOrders.columns.countdown'),
      width: 190,
      render: (_value, order) => <SlaCountdown clock={leadingClock(order)} />,
    },
    {
      key: 'updatedAt',
      title: t('workOrders.columns.updatedAt'),
      width: 120,
      render: (_value, order) => formatRecent(order.updatedAt, timeZone, locale, now),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('workOrders.title')}
        description={t('workOrders.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="work-order-new"
          >
            {t('workOrders.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<WorkOrderStatus | 'open'>
            allowClear
            style={{ width: 170 }}
            placeholder={t('workOrders.filters.status')}
            value={status}
            onChange={setStatus}
            data-testid="work-order-filter-status"
            options={[
              { value: 'open', label: t('workOrders.filters.open') },
              ...workOrderStatuses.map((value) => ({ value, label: t(`workOrders.statuses.${value}`) })),
            ]}
          />
          <Select<WorkOrderType>
            allowClear
            style={{ width: 150 }}
            placeholder={t('workOrders.filters.type')}
            value={type}
            onChange={setType}
            data-testid="work-order-filter-type"
            options={workOrderTypes.map((value) => ({ value, label: t(`workOrders.types.${value}`) }))}
          />
          <Select<AssigneeFilter>
            allowClear
            style={{ width: 150 }}
            placeholder={t('workOrders.filters.assignee')}
            value={assignee}
            onChange={setAssignee}
            data-testid="work-order-filter-assignee"
            options={[
              { value: 'me', label: t('workOrders.filters.me') },
              { value: 'complaint_team', label: t('workOrders.filters.complaintTeam') },
              { value: 'unassigned', label: t('workOrders.filters.unassigned') },
            ]}
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => setOverdue(event.target.checked)}
            data-testid="work-order-filter-overdue"
          >
            {t('workOrders.filters.overdue')}
          </Checkbox>
        </Flex>
        <ErrorAlert error={error} onRetry={reload} />
        <Table<WorkOrder>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={workOrders}
          locale={{ emptyText: t('workOrders.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="work-order-table"
          onRow={(order) => ({ 'data-testid': `work-order-row-${order.number}` }) as object}
        />
      </Card>
      {creating ? (
        <WorkOrderFormModal
          timeZone={timeZone}
          onCancel={() => setCreating(false)}
          onDone={(detail) => {
            setCreating(false);
            void message.success(t('workOrders.created', { number: detail.workOrder.number }));
            navigate(`/work-orders/${detail.workOrder.id}`);
          }}
        />
      ) : null}
    </>
  );
}
