// 客服账号: every agent of the shop with their groups, department and chat cap; add, edit, disable, reset password.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles.js';
import type { Agent, AgentStatus } from '@shared/schemas/team.js';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useAgents } from '../../hooks/use-agents';
import { useDepartments } from '../../hooks/use-departments';
import { useGroups } from '../../hooks/use-groups';
import { useCan } from '../../hooks/use-session';
import { agentStatusLabelKey, groupKindLabelKey, roleLabelKey } from '../../i18n/labels';
import { namesById, toggledStatus } from '../../rules/team';
import { AgentFormModal, type AgentFormTarget } from './agent-form-modal';
import { ResetPasswordModal } from './reset-password-modal';

const roleColors: Record<Role, string> = {
  admin: 'red',
  supervisor: 'volcano',
  agent: 'blue',
  qa_inspector: 'purple',
  complaint_team: 'magenta',
  department_member: 'cyan',
};

const statusColors: Record<AgentStatus, string> = { active: 'green', disabled: 'default' };

type Dialog = AgentFormTarget | { kind: 'password'; agent: Agent } | null;

export function AgentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('team.manage');
  const [groupId, setGroupId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const filter = useMemo(() => ({ groupId, q: search || undefined }), [groupId, search]);
  const { agents, loading, error, reload, create, update, resetPassword } = useAgents(filter);
  const { groups, loading: groupsLoading } = useGroups();
  const { departments } = useDepartments();
  const groupNames = useMemo(() => namesById(groups), [groups]);
  const departmentNames = useMemo(() => namesById(departments), [departments]);

  const toggleStatus = (agent: Agent) => {
    const status = toggledStatus(agent.status);
    setBusyId(agent.id);
    update(agent.id, { status })
      .then(() => {
        const key = status === 'active' ? 'agents.enabled' : 'agents.disabled';
        void message.success(t(key, { name: agent.displayName }));
      })
      .catch((failure: unknown) => {
        void message.error(toApiError(failure).message);
      })
      .finally(() => setBusyId(null));
  };

  const columns: TableProps<Agent>['columns'] = [
    { key: 'employeeNo', title: t('agents.columns.employeeNo'), dataIndex: 'employeeNo', width: 110 },
    {
      key: 'displayName',
      title: t('agents.columns.name'),
      dataIndex: 'displayName',
      render: (_value, agent) => <Typography.Text strong>{agent.displayName}</Typography.Text>,
    },
    { key: 'login', title: t('agents.columns.login'), dataIndex: 'login' },
    {
      key: 'role',
      title: t('agents.columns.role'),
      dataIndex: 'role',
      render: (_value, agent) => <Tag color={roleColors[agent.role]}>{t(roleLabelKey(agent.role))}</Tag>,
    },
    {
      key: 'groups',
      title: t('agents.columns.groups'),
      dataIndex: 'groupIds',
      render: (_value, agent) =>
        agent.groupIds.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {agent.groupIds.map((id) => (
              <Tag key={id}>{groupNames.get(id) ?? id}</Tag>
            ))}
          </Flex>
        ),
    },
    {
      key: 'department',
      title: t('agents.columns.department'),
      dataIndex: 'departmentId',
      render: (_value, agent) =>
        agent.departmentId ? (
          (departmentNames.get(agent.departmentId) ?? agent.departmentId)
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'cap',
      title: t('agents.columns.cap'),
      dataIndex: 'maxConcurrentChats',
      width: 100,
      align: 'right',
    },
    {
      key: 'status',
      title: t('agents.columns.status'),
      dataIndex: 'status',
      render: (_value, agent) => (
        <Tag color={statusColors[agent.status]}>{t(agentStatusLabelKey(agent.status))}</Tag>
      ),
    },
  ];

  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_value, agent) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            type="link"
            data-testid={`agent-edit-${agent.login}`}
            onClick={() => setDialog({ kind: 'edit', agent })}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(agent.status === 'active' ? 'agents.confirmDisable' : 'agents.confirmEnable', {
              name: agent.displayName,
            })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...testId('confirm-ok') }}
            onConfirm={() => toggleStatus(agent)}
          >
            <Button
              size="small"
              type="link"
              danger={agent.status === 'active'}
              loading={busyId === agent.id}
              data-testid={`agent-toggle-${agent.login}`}
            >
              {agent.status === 'active' ? t('agents.disable') : t('agents.enable')}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            type="link"
            data-testid={`agent-password-${agent.login}`}
            onClick={() => setDialog({ kind: 'password', agent })}
          >
            {t('agents.resetPassword')}
          </Button>
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('agents.title')}
        description={t('agents.description')}
        actions={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="agent-create"
              disabled={groupsLoading}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('agents.create')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<string>
            data-testid="agent-filter-group"
            allowClear
            placeholder={t('agents.filterGroup')}
            style={{ minWidth: 200 }}
            value={groupId}
            onChange={(value) => setGroupId(value)}
            options={groups.map((group) => ({
              value: group.id,
              label: t('groups.optionLabel', { name: group.name, kind: t(groupKindLabelKey(group.kind)) }),
            }))}
          />
          <Input.Search
            data-testid="agent-search"
            allowClear
            placeholder={t('agents.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ maxWidth: 360 }}
            onSearch={(value) => setSearch(value.trim())}
          />
        </Flex>
        <Table<Agent>
          data-testid="agent-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={agents}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('agents.empty') }}
          onRow={(agent) => testId(`agent-row-${agent.login}`)}
        />
      </Card>
      {dialog && (dialog.kind === 'create' || dialog.kind === 'edit') ? (
        <AgentFormModal
          target={dialog}
          groups={groups}
          departments={departments}
          onCreate={create}
          onUpdate={update}
          onCancel={() => setDialog(null)}
          onDone={(agent) => {
            setDialog(null);
            const key = dialog.kind === 'create' ? 'agents.created' : 'agents.updated';
            void message.success(t(key, { name: agent.displayName }));
          }}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <ResetPasswordModal
          agent={dialog.agent}
          onReset={resetPassword}
          onCancel={() => setDialog(null)}
          onDone={() => {
            void message.success(t('agents.passwordReset', { name: dialog.agent.displayName }));
            setDialog(null);
          }}
        />
      ) : null}
    </>
  );
}
