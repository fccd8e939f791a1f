// From a customer's profile: record a suggestion for a department, or plan a follow-up by hand (due in shop time).
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpKinds, type FollowUpKind } from '@shared/follow-ups.js';
import { toApiError } from '../../api/client';
import { createFollowUp, createSuggestion } from '../../api/follow-ups-api';
import { useDepartments } from '../../hooks/use-departments';
import { dayjsToIso } from '../work-orders/deadline';

export function CustomerActions({
  customerId,
  timeZone,
  onDone,
}: {
  customerId: string;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'suggestion' | 'followUp' | null>(null);
  const [busy, setBusy] = useState(false);
  const departments = useDepartments();
  const [suggestionForm] = Form.useForm<{ text: string; departmentId: string }>();
  const [followUpForm] = Form.useForm<{ kind: FollowUpKind; title?: string; due: Dayjs }>();

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .then(() => {
        setOpen(null);
        void message.success(t('customers.saved'));
        onDone();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button onClick={() => setOpen('suggestion')} data-testid="profile-add-suggestion">
        {t('customers.addSuggestion')}
      </Button>
      <Button onClick={() => setOpen('followUp')} data-testid="profile-add-follow-up">
        {t('customers.addFollowUp')}
      </Button>
      <Modal
        open={open === 'suggestion'}
        title={t('customers.addSuggestion')}
        onCancel={() => setOpen(null)}
        onOk={() => suggestionForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={suggestionForm}
          layout="vertical"
          onFinish={(values) => run(() => createSuggestion({ customerId, sourceKind: 'manual', ...values }))}
        >
          <Form.Item name="text" label={t('suggestions.columns.text')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="departmentId"
            label={t('suggestions.columns.department')}
            rules={[{ required: true }]}
          >
            <Select options={departments.departments.map((each) => ({ value: each.id, label: each.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'followUp'}
        title={t('customers.addFollowUp')}
        onCancel={() => setOpen(null)}
        onOk={() => followUpForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={followUpForm}
          layout="vertical"
          initialValues={{ kind: 'phone' }}
          onFinish={(values) =>
            run(() =>
              createFollowUp({
                kind: values.kind,
                customerId,
                dueAt: dayjsToIso(values.due, timeZone),
                ...(values.title ? { title: values.title } : {}),
              }),
            )
          }
        >
          <Form.Item name="kind" label={t('followUps.columns.kind')}>
            <Select
              options={followUpKinds.map((kind) => ({ value: kind, label: t(`followUps.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('followUps.columns.title')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item
            name="due"
            label={t('followUps.columns.due', { timezone: timeZone })}
            rules={[{ required: true }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
