// Small labels of a work order shared by the list and the detail page: its status and who holds it.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@shared/schemas/work-orders.js';
import type { WorkOrderStatus } from '@shared/work-orders.js';

const statusColors: Record<WorkOrderStatus, string> = {
  analysing: 'blue',
  solution: 'geekblue',
  in_progress: 'processing',
  waiting_customer: 'gold',
  resolved: 'green',
  awaiting_verdict: 'cyan',
  closed: 'default',
  reopened: 'volcano',
};

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="work-order-status" data-status={status}>
      {t(`workOrders.statuses.${status}`)}
    </Tag>
  );
}

export function HolderText({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { assignment } = order;
  if (!assignment.kind)
    return <Typography.Text type="secondary">{t('workOrders.assignment.none')}</Typography.Text>;
  if (assignment.kind === 'agent') return <Typography.Text>{assignment.agentName}</Typography.Text>;
  return <Typography.Text>{t(`workOrders.assignment.${assignment.kind}`)}</Typography.Text>;
}
