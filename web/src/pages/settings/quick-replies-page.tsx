// 快捷回复: the shop-wide replies everyone uses (kept by supervisors and admins) and each agent's own, typed in
// the reply box after `/`; variables such as {customerName} are filled from the chat.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply, QuickReplyScope } from '@shared/schemas/replies.js';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useQuickReplies } from '../../hooks/use-quick-replies';
import { useCan } from '../../hooks/use-session';
import { quickReplyScopeLabelKey } from '../../i18n/labels';
import {
  QuickReplyFormModal,
  quickReplyVariables,
  type QuickReplyFormTarget,
} from './quick-reply-form-modal';

export function QuickRepliesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canShopWide = useCan('chat.supervise');
  const { replies, loading, error, reload, create, update, remove } = useQuickReplies();
  const [scope, setScope] = useState<QuickReplyScope>('shop');
  const [dialog, setDialog] = useState<QuickReplyFormTarget | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);

  const canChange = (reply: QuickReply) => reply.scope === 'personal' || canShopWide;
  const shown = replies.filter((reply) => reply.scope === scope);

  const onDelete = (reply: QuickReply) => {
    setDeletingId(reply.id);
    remove(reply.id)
      .then(() => void message.success(t('quickReplies.deleted', { shortcut: reply.shortcut })))
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setDeletingId(null));
  };

  const columns: TableProps<QuickReply>['columns'] = [
    {
      key: 'shortcut',
      title: t('quickReplies.columns.shortcut'),
      width: 140,
      render: (_value, reply) => <Typography.Text code>/{reply.shortcut}</Typography.Text>,
    },
    {
      key: 'title',
      title: t('quickReplies.columns.title'),
      dataIndex: 'title',
      width: 200,
      render: (_value, reply) => <Typography.Text strong>{reply.title}</Typography.Text>,
    },
    {
      key: 'text',
      title: t('quickReplies.columns.text'),
      render: (_value, reply) => (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {reply.text}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_value, reply) =>
        canChange(reply) ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="link"
              onClick={() => setDialog({ kind: 'edit', reply })}
              data-testid={`quick-reply-edit-${reply.shortcut}`}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('quickReplies.confirmDelete', { shortcut: reply.shortcut })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ ...testId('confirm-ok'), danger: true }}
              onConfirm={() => onDelete(reply)}
            >
              <Button
                size="small"
                type="link"
                danger
                loading={deletingId === reply.id}
                data-testid={`quick-reply-delete-${reply.shortcut}`}
              >
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common.readOnly')}</Typography.Text>
        ),
    },
  ];

  const canCreateHere = scope === 'personal' || canShopWide;

  return (
    <>
      <PageHeader
        title={t('quickReplies.title')}
        description={t('quickReplies.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!canCreateHere}
            onClick={() => setDialog({ kind: 'create', scope })}
            data-testid="quick-reply-create"
          >
            {t('quickReplies.create')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Segmented<QuickReplyScope>
            value={scope}
            onChange={setScope}
            data-testid="quick-reply-scope"
            options={(['shop', 'personal'] as const).map((value) => ({
              value,
              label: `${t(quickReplyScopeLabelKey(value))} (${replies.filter((reply) => reply.scope === value).length})`,
            }))}
          />
          <Typography.Text type="secondary">
            {t('quickReplies.variablesLine')}{' '}
            {quickReplyVariables.map((name) => (
              <Tag key={name}>
                {`{${name}}`} {t(`quickReplies.variables.${name}`)}
              </Tag>
            ))}
          </Typography.Text>
        </Flex>
        <Table<QuickReply>
          data-testid="quick-reply-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: t(scope === 'shop' ? 'quickReplies.emptyShop' : 'quickReplies.emptyPersonal'),
          }}
          onRow={(reply) => testId(`quick-reply-row-${reply.shortcut}`)}
        />
      </Card>
      {dialog ? (
        <QuickReplyFormModal
          target={dialog}
          canShopWide={canShopWide}
          onCreate={create}
          onUpdate={update}
          onCancel={() => setDialog(null)}
          onDone={(reply) => {
            const key = dialog.kind === 'edit' ? 'quickReplies.updated' : 'quickReplies.created';
            setDialog(null);
            setScope(reply.scope);
            void message.success(t(key, { shortcut: reply.shortcut }));
          }}
        />
      ) : null}
    </>
  );
}
