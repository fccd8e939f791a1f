// 回访规则: each follow-up rule on or off, its delay on the business calendar, and who gets the task.
import { App, Card, InputNumber, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpRule } from '@shared/schemas/follow-ups.js';
import { toApiError } from '../../api/client';
import { updateFollowUpRule } from '../../api/follow-ups-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAgents } from '../../hooks/use-agents';
import { useFollowUpRules } from '../../hooks/use-follow-ups';
import { useCan } from '../../hooks/use-session';

export function FollowUpRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = useCan('followup.supervise');
  const rules = useFollowUpRules();
  const agents = useAgents({ status: 'active' });
  const [saving, setSaving] = useState<string | null>(null);

  const save = (rule: FollowUpRule, patch: Parameters<typeof updateFollowUpRule>[1]) => {
    setSaving(rule.kind);
    updateFollowUpRule(rule.kind, patch)
      .then(() => {
        void message.success(t('followUpRules.saved'));
        rules.reload();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setSaving(null));
  };

  return (
    <>
      <PageHeader title={t('followUpRules.title')} description={t('followUpRules.description')} />
      <Card>
        <ErrorAlert error={rules.error} onRetry={rules.reload} />
        <Table<FollowUpRule>
          rowKey="kind"
          data-testid="follow-up-rules"
          loading={rules.loading}
          dataSource={rules.data ?? []}
          pagination={false}
          columns={[
            {
              key: 'kind',
              title: t('followUpRules.columns.kind'),
              render: (_, rule) => t(`followUps.kinds.${rule.kind}`),
            },
            {
              key: 'enabled',
              title: t('followUpRules.columns.enabled'),
              render: (_, rule) => (
                <Switch
                  checked={rule.enabled}
                  disabled={!editable}
                  loading={saving === rule.kind}
                  data-testid={`rule-enabled-${rule.kind}`}
                  onChange={(enabled) => save(rule, { enabled })}
                />
              ),
            },
            {
              key: 'delay',
              title: t('followUpRules.columns.delay'),
              render: (_, rule) => (
                <>
                  <InputNumber
                    min={0}
                    max={60}
                    size="small"
                    disabled={!editable}
                    defaultValue={rule.delayAmount}
                    onBlur={(event) => {
                      const value = Number(event.target.value);
                      if (Number.isInteger(value) && value !== rule.delayAmount)
                        save(rule, { delayAmount: value });
                    }}
                  />{' '}
                  <Typography.Text type="secondary">
                    {t(`followUpRules.delayUnits.${rule.kind}`)}
                  </Typography.Text>
                </>
              ),
            },
            {
              key: 'owner',
              title: t('followUpRules.columns.owner'),
              render: (_, rule) => (
                <Select
                  size="small"
                  style={{ minWidth: 220 }}
                  disabled={!editable}
                  value={rule.ownerMode === 'user' && rule.ownerUserId ? rule.ownerUserId : 'handler'}
                  options={[
                    { value: 'handler', label: t('followUpRules.ownerModes.handler') },
                    ...agents.agents.map((agent) => ({ value: agent.id, label: agent.displayName })),
                  ]}
                  onChange={(value: string) =>
                    save(
                      rule,
                      value === 'handler'
                        ? { ownerMode: 'handler' }
                        : { ownerMode: 'user', ownerUserId: value },
                    )
                  }
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
