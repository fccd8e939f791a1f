// 知识库: FAQ entries and articles (search in Chinese or English, the review-overdue list, the editor) and the
// unified reply templates with their approval step (seed 002 §3, SPEC §10).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Switch, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeEntry, ReplyTemplate } from '@shared/schemas/knowledge.js';
import { toApiError } from '../../api/client';
import { listEntries, listTemplates, reviewTemplate } from '../../api/knowledge-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useApiQuery } from '../../hooks/use-api-query';
import { useLocale } from '../../hooks/use-locale';
import { useCan } from '../../hooks/use-session';
import { EntryFormModal, TemplateFormModal } from './knowledge-forms';

export function KnowledgePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('knowledge.title')} description={t('knowledge.description')} />
      <Card>
        <Tabs
          items={[
            { key: 'entries', label: t('knowledge.tabs.entries'), children: <EntriesTab /> },
            { key: 'templates', label: t('knowledge.tabs.templates'), children: <TemplatesTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function useDate() {
  const { locale } = useLocale();
  return (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : '—');
}

function EntriesTab() {
  const { t } = useTranslation();
  const canManage = useCan('knowledge.manage');
  const formatDate = useDate();
  const [search, setSearch] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [editing, setEditing] = useState<KnowledgeEntry | 'new' | null>(null);
  const query = useApiQuery(`knowledge:${search}:${overdue}`, () =>
    listEntries({ q: search, reviewOverdue: overdue }),
  );

  const columns: TableProps<KnowledgeEntry>['columns'] = [
    {
      key: 'title',
      title: t('knowledge.columns.title'),
      render: (_value, entry) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{entry.title}</Typography.Text>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
            {entry.body}
          </Typography.Paragraph>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('knowledge.columns.kind'),
      width: 120,
      render: (_value, entry) => (
        <Flex vertical gap={4}>
          <Tag>{t(`knowledge.kinds.${entry.kind}`)}</Tag>
          <Typography.Text type="secondary">{entry.category}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'phrasings',
      title: t('knowledge.columns.phrasings'),
      width: 90,
      render: (_value, entry) => entry.phrasings.length,
    },
    {
      key: 'state',
      title: t('knowledge.columns.state'),
      width: 110,
      render: (_value, entry) =>
        entry.active ? (
          <Tag color="green">{t('knowledge.active')}</Tag>
        ) : (
          <Tag>{t('knowledge.inactive')}</Tag>
        ),
    },
    {
      key: 'review',
      title: t('knowledge.columns.review'),
      width: 170,
      render: (_value, entry) => (
        <Flex vertical gap={2}>
          <Typography.Text type={entry.reviewOverdue ? 'danger' : undefined}>
            {formatDate(entry.nextReviewAt)}
            {entry.reviewOverdue ? ` · ${t('knowledge.overdue')}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">{entry.ownerName ?? '—'}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_value, entry) =>
        canManage ? (
          <Button size="small" type="link" onClick={() => setEditing(entry)} data-testid="knowledge-edit">
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <ErrorAlert error={query.error} onRetry={query.reload} />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('knowledge.search')}
          onSearch={setSearch}
          style={{ maxWidth: 320 }}
          data-testid="knowledge-search"
        />
        <Flex align="center" gap={6}>
          <Switch checked={overdue} onChange={setOverdue} data-testid="knowledge-overdue" />
          <Typography.Text>{t('knowledge.overdueOnly')}</Typography.Text>
        </Flex>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            style={{ marginInlineStart: 'auto' }}
            onClick={() => setEditing('new')}
            data-testid="knowledge-create"
          >
            {t('knowledge.create')}
          </Button>
        ) : null}
      </Flex>
      <Table<KnowledgeEntry>
        rowKey="id"
        size="middle"
        loading={query.loading}
        columns={columns}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="knowledge-table"
      />
      {editing ? (
        <EntryFormModal
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            query.reload();
          }}
        />
      ) : null}
    </>
  );
}

const statusColors: Record<ReplyTemplate['status'], string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
};

function TemplatesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('knowledge.manage');
  const [proposing, setProposing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const query = useApiQuery('knowledge-templates', () => listTemplates());

  const review = (template: ReplyTemplate, decision: 'approved' | 'rejected') => {
    setBusy(template.id);
    reviewTemplate(template.id, { decision })
      .then(() => {
        void message.success(t(`knowledge.templates.${decision}`));
        query.reload();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setBusy(null));
  };

  const columns: TableProps<ReplyTemplate>['columns'] = [
    {
      key: 'title',
      title: t('knowledge.columns.title'),
      render: (_value, template) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>
            {template.title} <Typography.Text code>/{template.shortcut}</Typography.Text>
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {template.text}
          </Typography.Paragraph>
        </Flex>
      ),
    },
    { key: 'category', title: t('knowledge.columns.category'), dataIndex: 'category', width: 120 },
    {
      key: 'status',
      title: t('knowledge.columns.state'),
      width: 110,
      render: (_value, template) => (
        <Tag color={statusColors[template.status]} data-testid={`template-status-${template.shortcut}`}>
          {t(`knowledge.templateStatuses.${template.status}`)}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_value, template) =>
        canManage && template.status === 'pending' ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="primary"
              loading={busy === template.id}
              onClick={() => review(template, 'approved')}
              data-testid={`template-approve-${template.shortcut}`}
            >
              {t('knowledge.templates.approve')}
            </Button>
            <Button size="small" disabled={busy === template.id} onClick={() => review(template, 'rejected')}>
              {t('knowledge.templates.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <>
      <ErrorAlert error={query.error} onRetry={query.reload} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('knowledge.templates.hint')}</Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="template-propose">
          {t('knowledge.templates.propose')}
        </Button>
      </Flex>
      <Table<ReplyTemplate>
        rowKey="id"
        size="middle"
        loading={query.loading}
        columns={columns}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      {proposing ? (
        <TemplateFormModal
          onClose={() => setProposing(false)}
          onSaved={() => {
            setProposing(false);
            query.reload();
          }}
        />
      ) : null}
    </>
  );
}
