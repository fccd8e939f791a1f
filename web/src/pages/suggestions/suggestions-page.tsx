// 客户建议: suggestions routed to departments; the department adopts (what was done) or declines (why), and the
// customer is told either way. Supervisors route the unrouted ones.
import { App, Button, Card, Flex, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Suggestion } from '@shared/schemas/feedback.js';
import { toApiError } from '../../api/client';
import { resolveSuggestion, routeSuggestion } from '../../api/follow-ups-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useDepartments } from '../../hooks/use-departments';
import { useSuggestions } from '../../hooks/use-follow-ups';
import { useCan } from '../../hooks/use-session';

export function SuggestionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const supervises = useCan('followup.supervise');
  const suggestions = useSuggestions({});
  const departments = useDepartments();
  const [deciding, setDeciding] = useState<{
    suggestion: Suggestion;
    decision: 'adopted' | 'declined';
  } | null>(null);
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .then(() => {
        setDeciding(null);
        setResolution('');
        suggestions.reload();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageHeader title={t('suggestions.title')} description={t('suggestions.description')} />
      <Card>
        <ErrorAlert error={suggestions.error} onRetry={suggestions.reload} />
        <Table<Suggestion>
          rowKey="id"
          data-testid="suggestions-table"
          loading={suggestions.loading}
          dataSource={suggestions.data ?? []}
          locale={{ emptyText: t('suggestions.empty') }}
          columns={[
            { key: 'text', title: t('suggestions.columns.text'), dataIndex: 'text' },
            {
              key: 'customer',
              title: t('suggestions.columns.customer'),
              render: (_, row) =>
                row.customer ? (
                  <Link to={`/customers/${row.customer.id}`}>{row.customer.displayName}</Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'department',
              title: t('suggestions.columns.department'),
              render: (_, row) =>
                supervises && row.status === 'open' ? (
                  <Select
                    size="small"
                    style={{ minWidth: 140 }}
                    value={row.departmentId ?? undefined}
                    placeholder={t('suggestions.unrouted')}
                    options={(departments.departments ?? []).map((department) => ({
                      value: department.id,
                      label: department.name,
                    }))}
                    onChange={(departmentId: string) => run(() => routeSuggestion(row.id, departmentId))}
                  />
                ) : (
                  (row.departmentName ?? t('suggestions.unrouted'))
                ),
            },
            {
              key: 'status',
              title: t('suggestions.columns.status'),
              render: (_, row) => (
                <Flex gap={4} wrap>
                  <Tag
                    color={
                      row.status === 'adopted' ? 'green' : row.status === 'declined' ? 'default' : 'gold'
                    }
                  >
                    {t(`suggestions.statuses.${row.status}`)}
                  </Tag>
                  {row.customerTold ? <Tag color="blue">{t('suggestions.told')}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'resolution',
              title: t('suggestions.columns.resolution'),
              render: (_, row) =>
                row.status === 'open' ? (
                  <Flex gap={8}>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding({ suggestion: row, decision: 'adopted' })}
                    >
                      {t('suggestions.adopt')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setDeciding({ suggestion: row, decision: 'declined' })}
                    >
                      {t('suggestions.decline')}
                    </Button>
                  </Flex>
                ) : (
                  <Typography.Text>{row.resolution}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={deciding !== null}
        title={
          deciding ? t(deciding.decision === 'adopted' ? 'suggestions.adopt' : 'suggestions.decline') : ''
        }
        onCancel={() => setDeciding(null)}
        confirmLoading={busy}
        okButtonProps={{ disabled: resolution.trim().length === 0 }}
        onOk={() =>
          deciding &&
          run(() =>
            resolveSuggestion(deciding.suggestion.id, {
              decision: deciding.decision,
              resolution: resolution.trim(),
            }),
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph>{deciding?.suggestion.text}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={resolution}
          onChange={(event) => setResolution(event.target.value)}
          placeholder={t(
            deciding?.decision === 'declined'
              ? 'suggestions.resolutionDecline'
              : 'suggestions.resolutionAdopt',
          )}
        />
      </Modal>
    </>
  );
}
