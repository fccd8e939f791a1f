// SLA 时限: the shop's SLA policies (SPEC §4 defaults and seed 003 cut-offs), each editable by an administrator.
import {
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Select,
  Switch,
  Table,
  Tag,
  TimePicker,
  type TableProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '@shared/schemas/sla.js';
import { slaWarnKinds, workOrderStatuses, workOrderTypes, type SlaTargetUnit } from '@shared/work-orders.js';
import { listSlaPolicies, updateSlaPolicy } from '../../api/work-orders-api';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { FormModal } from '../../components/form-modal';
import { PageHeader } from '../../components/page-header';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';

function useTargetText() {
  const { t } = useTranslation();
  return (policy: SlaPolicy) =>
    policy.target.unit === 'daily_cutoff'
      ? t('sla.policies.units.daily_cutoff', { cutoff: policy.target.cutoff, dueBy: policy.target.dueBy })
      : t(`sla.policies.units.${policy.target.unit}`, { amount: policy.target.amount });
}

interface PolicyValues {
  unit: SlaTargetUnit;
  amount?: number;
  cutoff?: Dayjs;
  dueBy?: Dayjs;
  warnKind: SlaPolicy['warning']['kind'];
  warnValue: number;
  pauseStatuses: SlaPolicy['pauseStatuses'];
  workOrderTypes: SlaPolicy['workOrderTypes'];
}

const fields = ['warnValue', 'pauseStatuses', 'workOrderTypes'] as const;

function PolicyModal({
  policy,
  onDone,
  onCancel,
}: {
  policy: SlaPolicy;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyValues>();
  const { saving, error, submit } = useFormSubmit(form, { fields });
  const unit = Form.useWatch('unit', form);
  const cutoffTarget = policy.target.unit === 'daily_cutoff' ? policy.target : null;

  const onSubmit = () => {
    form.validateFields().then(
      (values) =>
        submit(
          () =>
            updateSlaPolicy(policy.id, {
              target:
                values.unit === 'daily_cutoff'
                  ? {
                      unit: 'daily_cutoff',
                      cutoff: (values.cutoff ?? dayjs('18:00', 'HH:mm')).format('HH:mm'),
                      dueBy: (values.dueBy ?? dayjs('12:00', 'HH:mm')).format('HH:mm'),
                    }
                  : { unit: values.unit, amount: values.amount ?? 1 },
              warning: { kind: values.warnKind, value: values.warnValue },
              ...(policy.subject === 'work_order'
                ? { pauseStatuses: values.pauseStatuses, workOrderTypes: values.workOrderTypes }
                : {}),
            }),
          onDone,
        ),
      () => undefined,
    );
  };

  return (
    <FormModal
      title={`${t('sla.policies.edit')}：${policy.name}`}
      okText={t('common.save')}
      testIdPrefix="sla-policy-form"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
      width={600}
    >
      <Form<PolicyValues>
        form={form}
        layout="vertical"
        initialValues={{
          unit: policy.target.unit,
          amount: policy.target.unit === 'daily_cutoff' ? undefined : policy.target.amount,
          cutoff: dayjs(cutoffTarget?.cutoff ?? '18:00', 'HH:mm'),
          dueBy: dayjs(cutoffTarget?.dueBy ?? '12:00', 'HH:mm'),
          warnKind: policy.warning.kind,
          warnValue: policy.warning.value,
          pauseStatuses: policy.pauseStatuses,
          workOrderTypes: policy.workOrderTypes,
        }}
      >
        <Form.Item name="unit" label={t('sla.policies.unit')}>
          <Select
            options={(['calendar_minutes', 'business_minutes', 'workdays', 'daily_cutoff'] as const).map(
              (value) => ({
                value,
                label: t(`sla.policies.unitNames.${value}`),
              }),
            )}
          />
        </Form.Item>
        {unit === 'daily_cutoff' ? (
          <>
            <Form.Item name="cutoff" label={t('sla.policies.cutoff')}>
              <TimePicker format="HH:mm" />
            </Form.Item>
            <Form.Item name="dueBy" label={t('sla.policies.dueBy')}>
              <TimePicker format="HH:mm" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="amount" label={t('sla.policies.amount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={525600} data-testid="sla-policy-amount" />
          </Form.Item>
        )}
        <Form.Item name="warnKind" label={t('sla.policies.warnKind')}>
          <Select
            options={slaWarnKinds.map((value) => ({ value, label: t(`sla.policies.warnKinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="warnValue" label={t('sla.policies.warnValue')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
        {policy.subject === 'work_order' ? (
          <>
            <Form.Item name="pauseStatuses" label={t('sla.policies.pauseStatuses')}>
              <Select
                mode="multiple"
                options={workOrderStatuses.map((value) => ({
                  value,
                  label: t(`workOrders.statuses.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="workOrderTypes" label={t('sla.policies.workOrderTypes')}>
              <Select
                mode="multiple"
                options={workOrderTypes.map((value) => ({ value, label: t(`workOrders.types.${value}`) }))}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery('sla-policies', listSlaPolicies);
  const targetText = useTargetText();
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const toggle = (policy: SlaPolicy, enabled: boolean) => {
    setToggling(policy.id);
    updateSlaPolicy(policy.id, { enabled })
      .then(() => query.reload())
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setToggling(null));
  };

  const columns: TableProps<SlaPolicy>['columns'] = [
    { key: 'name', title: t('sla.policies.columns.name'), dataIndex: 'name' },
    {
      key: 'subject',
      title: t('sla.policies.columns.subject'),
      width: 130,
      render: (_value, policy) => <Tag>{t(`sla.policies.subjects.${policy.subject}`)}</Tag>,
    },
    {
      key: 'events',
      title: t('sla.policies.columns.events'),
      render: (_value, policy) => `${policy.startEvent} → ${policy.stopEvents.join(' / ')}`,
    },
    {
      key: 'target',
      title: t('sla.policies.columns.target'),
      render: (_value, policy) => <span data-testid={`sla-target-${policy.key}`}>{targetText(policy)}</span>,
    },
    {
      key: 'pause',
      title: t('sla.policies.columns.pause'),
      render: (_value, policy) =>
        policy.pauseStatuses.map((status) => <Tag key={status}>{t(`workOrders.statuses.${status}`)}</Tag>),
    },
    {
      key: 'warning',
      title: t('sla.policies.columns.warning'),
      render: (_value, policy) =>
        t(`sla.policies.warnings.${policy.warning.kind}`, { value: policy.warning.value }),
    },
    {
      key: 'enabled',
      title: t('sla.policies.columns.enabled'),
      width: 80,
      render: (_value, policy) => (
        <Switch
          checked={policy.enabled}
          loading={toggling === policy.id}
          onChange={(on) => toggle(policy, on)}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_value, policy) => (
        <Button
          size="small"
          type="link"
          onClick={() => setEditing(policy)}
          data-testid={`sla-edit-${policy.key}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('sla.policies.title')} description={t('sla.policies.description')} />
      <Card>
        <ErrorAlert error={query.error} onRetry={query.reload} />
        <Table<SlaPolicy>
          rowKey="id"
          size="middle"
          loading={query.loading}
          columns={columns}
          dataSource={query.data ?? []}
          pagination={false}
          data-testid="sla-policy-table"
        />
      </Card>
      {editing ? (
        <PolicyModal
          policy={editing}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            query.reload();
            void message.success(t('sla.policies.saved'));
          }}
        />
      ) : null}
    </>
  );
}
