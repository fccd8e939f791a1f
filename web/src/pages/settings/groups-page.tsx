// 客服组: the pre-sale, in-sale and after-sale groups, who is responsible for each duty, add / rename / delete.
import { ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, GroupKind } from '@shared/schemas/team.js';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useGroups } from '../../hooks/use-groups';
import { useCan } from '../../hooks/use-session';
import { groupKindLabelKey } from '../../i18n/labels';
import {
  groupsWithoutMembers,
  isDeletableGroup,
  missingGroupKinds,
  preSaleTakesAllChats,
} from '../../rules/team';
import { GroupFormModal, type GroupFormTarget } from './group-form-modal';

const kindColors: Record<GroupKind, string> = { pre_sale: 'blue', in_sale: 'gold', after_sale: 'green' };

export function GroupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('team.manage');
  const { groups, loading, error, reload, create, rename, remove } = useGroups();
  const [dialog, setDialog] = useState<GroupFormTarget | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);

  const availableKinds = missingGroupKinds(groups);
  const unstaffed = groupsWithoutMembers(groups);

  const onDelete = (group: Group) => {
    setDeletingId(group.id);
    remove(group.id)
      .then(() => void message.success(t('groups.deleted', { name: group.name })))
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setDeletingId(null));
  };

  const columns: TableProps<Group>['columns'] = [
    {
      key: 'kind',
      title: t('groups.columns.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (_value, group) => <Tag color={kindColors[group.kind]}>{t(groupKindLabelKey(group.kind))}</Tag>,
    },
    { key: 'name', title: t('groups.columns.name'), dataIndex: 'name' },
    {
      key: 'members',
      title: t('groups.columns.members'),
      dataIndex: 'memberCount',
      render: (_value, group) => (
        <Flex gap={8} align="center">
          <span>{group.memberCount}</span>
          {group.memberCount === 0 ? (
            <Tag
              color="warning"
              icon={<ExclamationCircleOutlined />}
              data-testid={`group-unstaffed-${group.kind}`}
            >
              {t('groups.noMembers')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_value, group) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            data-testid={`group-rename-${group.kind}`}
            onClick={() => setDialog({ kind: 'rename', group })}
          >
            {t('common.rename')}
          </Button>
          {isDeletableGroup(group) ? (
            <Popconfirm
              title={t('groups.confirmDelete', { name: group.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ ...testId('confirm-ok'), danger: true }}
              onConfirm={() => onDelete(group)}
            >
              <Button
                size="small"
                type="link"
                danger
                loading={deletingId === group.id}
                data-testid={`group-delete-${group.kind}`}
              >
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : (
            <Tooltip title={t('groups.preSaleRequired')}>
              <Button size="small" type="link" danger disabled data-testid={`group-delete-${group.kind}`}>
                {t('common.delete')}
              </Button>
            </Tooltip>
          )}
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        description={t('groups.description')}
        actions={
          canManage ? (
            <Tooltip title={availableKinds.length === 0 && !loading ? t('groups.allKindsExist') : undefined}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="group-create"
                disabled={loading || availableKinds.length === 0}
                onClick={() => setDialog({ kind: 'create', availableKinds })}
              >
                {t('groups.create')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {preSaleTakesAllChats(groups) ? (
        <Alert
          type="info"
          showIcon
          title={t('groups.onlyPreSale')}
          data-testid="groups-only-pre-sale"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {unstaffed.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="groups-unstaffed-warning"
          title={t('groups.emptyGroupsWarning', {
            names: unstaffed.map((group) => group.name).join(t('common.listSeparator')),
          })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card>
        <Table<Group>
          data-testid="group-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={groups}
          pagination={false}
          locale={{ emptyText: t('groups.empty') }}
          onRow={(group) => testId(`group-row-${group.kind}`)}
        />
      </Card>
      {dialog ? (
        <GroupFormModal
          target={dialog}
          onCreate={create}
          onRename={rename}
          onCancel={() => setDialog(null)}
          onDone={(group) => {
            const text =
              dialog.kind === 'create'
                ? t('groups.created', { name: group.name })
                : t('groups.renamed', { name: group.name });
            setDialog(null);
            void message.success(text);
          }}
        />
      ) : null}
    </>
  );
}
