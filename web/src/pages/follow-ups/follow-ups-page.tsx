// 回访任务: my follow-up tasks (everyone's for supervisors) by status, overdue ones marked, and the result form.
import { App, Button, Card, Flex, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FollowUpTask } from '@shared/schemas/follow-ups.js';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useFollowUps } from '../../hooks/use-follow-ups';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';
import { FollowUpFormModal } from './follow-up-form-modal';

type TabKey = 'open' | 'overdue' | 'done' | 'all';

export function FollowUpsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const supervises = useCan('followup.supervise');
  const [tab, setTab] = useState<TabKey>('open');
  const [scope, setScope] = useState<'mine' | 'all'>(supervises ? 'all' : 'mine');
  const [editing, setEditing] = useState<FollowUpTask | null>(null);
  const query = useMemo(
    () => ({ ...(tab === 'all' ? {} : { status: tab }), ...(scope === 'mine' ? { owner: 'me' } : {}) }),
    [tab, scope],
  );
  const tasks = useFollowUps(query);
  const timeZone = session.shop.timezone;

  return (
    <>
      <PageHeader
        title={t('followUps.title')}
        description={t('followUps.description')}
        actions={
          supervises ? (
            <Segmented
              value={scope}
              onChange={(value) => setScope(value as 'mine' | 'all')}
              options={[
                { value: 'mine', label: t('followUps.scope.mine') },
                { value: 'all', label: t('followUps.scope.all') },
              ]}
            />
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={(['open', 'overdue', 'done', 'all'] as const).map((key) => ({
            key,
            label: <span data-testid={`follow-ups-tab-${key}`}>{t(`followUps.tabs.${key}`)}</span>,
          }))}
        />
        <ErrorAlert error={tasks.error} onRetry={tasks.reload} />
        <Table<FollowUpTask>
          rowKey="id"
          size="middle"
          data-testid="follow-ups-table"
          loading={tasks.loading}
          dataSource={tasks.data ?? []}
          locale={{ emptyText: t('followUps.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(task) => ({ 'data-testid': `follow-up-${task.id}` }) as never}
          columns={[
            {
              key: 'kind',
              title: t('followUps.columns.kind'),
              render: (_, task) => <Tag color="blue">{t(`followUps.kinds.${task.kind}`)}</Tag>,
            },
            {
              key: 'title',
              title: t('followUps.columns.title'),
              render: (_, task) =>
                task.workOrderId ? (
                  <Link to={`/work-orders/${task.workOrderId}`}>{task.title}</Link>
                ) : (
                  task.title
                ),
            },
            {
              key: 'customer',
              title: t('followUps.columns.customer'),
              render: (_, task) =>
                task.customer ? (
                  <Link to={`/customers/${task.customer.id}`}>{task.customer.displayName}</Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'owner',
              title: t('followUps.columns.owner'),
              render: (_, task) => task.owner?.displayName ?? '—',
            },
            {
              key: 'due',
              title: t('followUps.columns.due', { timezone: timeZone }),
              render: (_, task) => (
                <Typography.Text type={task.overdue ? 'danger' : undefined}>
                  {formatInstant(task.dueAt, timeZone, locale)}
                </Typography.Text>
              ),
            },
            {
              key: 'status',
              title: t('followUps.columns.status'),
              render: (_, task) => (
                <Flex gap={4} wrap>
                  <Tag color={task.status === 'done' ? 'green' : task.overdue ? 'red' : 'gold'}>
                    {t(
                      `followUps.statuses.${task.status === 'open' && task.overdue ? 'overdue' : task.status}`,
                    )}
                  </Tag>
                  {task.late ? <Tag color="orange">{t('followUps.late')}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'result',
              title: t('followUps.columns.result'),
              render: (_, task) =>
                task.status === 'open' ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`follow-up-complete-${task.id}`}
                    onClick={() => setEditing(task)}
                  >
                    {t('followUps.complete')}
                  </Button>
                ) : task.result ? (
                  <Typography.Text>
                    {task.result.satisfaction
                      ? t(`satisfaction.${task.result.satisfaction}`)
                      : t('followUps.form.reachedNo')}
                    {task.result.newProblems ? ` · ${task.result.newProblems}` : ''}
                  </Typography.Text>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing ? (
        <FollowUpFormModal
          task={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void message.success(t('followUps.form.done'));
            tasks.reload();
          }}
        />
      ) : null}
    </>
  );
}
