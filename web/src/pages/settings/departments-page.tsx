// 部门: departments that receive transferred work (warehouse, logistics, product…); add, edit, delete.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/schemas/team.js';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useDepartments } from '../../hooks/use-departments';
import { useCan } from '../../hooks/use-session';
import { DepartmentFormModal, type DepartmentFormTarget } from './department-form-modal';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('team.manage');
  const { departments, loading, error, reload, create, update, remove } = useDepartments();
  const [dialog, setDialog] = useState<DepartmentFormTarget | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);

  const onDelete = (department: Department) => {
    setDeletingId(department.id);
    remove(department.id)
      .then(() => void message.success(t('departments.deleted', { name: department.name })))
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setDeletingId(null));
  };

  const columns: TableProps<Department>['columns'] = [
    {
      key: 'name',
      title: t('departments.columns.name'),
      dataIndex: 'name',
      render: (_value, department) => <Typography.Text strong>{department.name}</Typography.Text>,
    },
    {
      key: 'description',
      title: t('departments.columns.description'),
      dataIndex: 'description',
      render: (_value, department) =>
        department.description ? (
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {department.description}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { key: 'members', title: t('departments.columns.members'), dataIndex: 'memberCount', width: 120 },
  ];

  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_value, department) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            data-testid={`department-edit-${department.name}`}
            onClick={() => setDialog({ kind: 'edit', department })}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('departments.confirmDelete', { name: department.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...testId('confirm-ok'), danger: true }}
            onConfirm={() => onDelete(department)}
          >
            <Button
              size="small"
              type="link"
              danger
              loading={deletingId === department.id}
              data-testid={`department-delete-${department.name}`}
            >
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        description={t('departments.description')}
        actions={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="department-create"
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('departments.create')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <Table<Department>
          data-testid="department-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={departments}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('departments.empty') }}
          onRow={(department) => testId(`department-row-${department.name}`)}
        />
      </Card>
      {dialog ? (
        <DepartmentFormModal
          target={dialog}
          onCreate={create}
          onUpdate={update}
          onCancel={() => setDialog(null)}
          onDone={(department) => {
            const text =
              dialog.kind === 'edit'
                ? t('departments.updated', { name: department.name })
                : t('departments.created', { name: department.name });
            setDialog(null);
            void message.success(text);
          }}
        />
      ) : null}
    </>
  );
}
