// 审计日志: who changed what and when, newest first, times in the shop's time zone, changes shown as plain text.
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/schemas/audit.js';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useAuditLog } from '../../hooks/use-audit-log';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { auditChangeLines, auditEntityTypes, isKnownEntityType } from '../../rules/audit';
import { formatInstant } from '../../rules/time';

export function AuditPage() {
  const { t } = useTranslation();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const timeZone = session.shop.timezone;
  const [entityType, setEntityType] = useState<string | undefined>(undefined);
  const filter = useMemo(() => ({ entityType }), [entityType]);
  const { entries, loading, error, hasMore, loadingMore, loadMore, reload } = useAuditLog(filter);

  const entityLabel = (type: string) => (isKnownEntityType(type) ? t(`audit.entityTypes.${type}`) : type);

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'time',
      title: t('audit.columns.time', { timezone: timeZone }),
      dataIndex: 'createdAt',
      width: 190,
      render: (_value, entry) => (
        <time dateTime={entry.createdAt}>{formatInstant(entry.createdAt, timeZone, locale)}</time>
      ),
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      render: (_value, entry) =>
        entry.actor ? (
          entry.actor.displayName
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (_value, entry) => <Typography.Text code>{entry.action}</Typography.Text>,
    },
    {
      key: 'entity',
      title: t('audit.columns.entity'),
      render: (_value, entry) => (
        <Flex vertical gap={2}>
          <span>
            <Tag>{entityLabel(entry.entityType)}</Tag>
          </span>
          {entry.entityId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
              {entry.entityId}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'changes',
      title: t('audit.columns.changes'),
      render: (_value, entry) => {
        const lines = auditChangeLines(entry, { timeZone, locale });
        return lines.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {lines.join('\n')}
          </Typography.Paragraph>
        );
      },
    },
    {
      key: 'ip',
      title: t('audit.columns.ip'),
      dataIndex: 'ip',
      render: (_value, entry) =>
        entry.ip ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description', { timezone: timeZone })} />
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Select<string>
            data-testid="audit-filter-entity"
            allowClear
            placeholder={t('audit.filterEntity')}
            style={{ minWidth: 200 }}
            value={entityType}
            onChange={(value) => setEntityType(value)}
            options={auditEntityTypes.map((type) => ({ value: type, label: entityLabel(type) }))}
          />
        </Flex>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
          onRow={(entry) => testId(`audit-row-${entry.id}`)}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="center" style={{ marginTop: 16 }}>
          {hasMore ? (
            <Button data-testid="audit-load-more" loading={loadingMore} onClick={() => void loadMore()}>
              {t('common.loadMore')}
            </Button>
          ) : !loading && entries.length > 0 ? (
            <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
