// The knowledge entry editor (question, phrasings one per line, answer, validity, next review) and the form that
// proposes a reply template.
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeKind } from '@shared/assist.js';
import type { KnowledgeEntry } from '@shared/schemas/knowledge.js';
import { toApiError } from '../../api/client';
import { createEntry, proposeTemplate, updateEntry } from '../../api/knowledge-api';
import { testId } from '../../components/test-id';

interface EntryValues {
  kind: KnowledgeKind;
  category: string;
  title: string;
  phrasings: string;
  body: string;
  validity: [Dayjs | null, Dayjs | null] | null;
  nextReviewAt: Dayjs | null;
}

const isoOf = (value: Dayjs | null | undefined) => (value ? value.toISOString() : null);

export function EntryFormModal(props: {
  entry: KnowledgeEntry | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [saving, setSaving] = useState(false);
  const { entry } = props;

  const submit = (values: EntryValues) => {
    const body = {
      kind: values.kind,
      category: values.category,
      title: values.title,
      body: values.body,
      phrasings: values.phrasings
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      validFrom: isoOf(values.validity?.[0]),
      validUntil: isoOf(values.validity?.[1]),
      nextReviewAt: isoOf(values.nextReviewAt),
    };
    setSaving(true);
    (entry ? updateEntry(entry.id, body) : createEntry(body))
      .then(() => {
        void message.success(t('knowledge.saved'));
        props.onSaved();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setSaving(false));
  };

  return (
    <Modal
      open
      width={640}
      title={entry ? t('knowledge.edit') : t('knowledge.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={testId('knowledge-save')}
    >
      <Form<EntryValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: entry?.kind ?? 'faq',
          category: entry?.category ?? '',
          title: entry?.title ?? '',
          phrasings: entry?.phrasings.join('\n') ?? '',
          body: entry?.body ?? '',
          validity: entry
            ? [
                entry.validFrom ? dayjs(entry.validFrom) : null,
                entry.validUntil ? dayjs(entry.validUntil) : null,
              ]
            : null,
          nextReviewAt: entry?.nextReviewAt ? dayjs(entry.nextReviewAt) : null,
        }}
      >
        <Form.Item name="kind" label={t('knowledge.columns.kind')}>
          <Radio.Group
            options={(['faq', 'article'] as const).map((value) => ({
              value,
              label: t(`knowledge.kinds.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('knowledge.columns.category')}
          rules={[{ required: true, max: 32 }]}
        >
          <Input data-testid="knowledge-category" />
        </Form.Item>
        <Form.Item name="title" label={t('knowledge.fields.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="knowledge-title" />
        </Form.Item>
        <Form.Item
          name="phrasings"
          label={t('knowledge.fields.phrasings')}
          extra={t('knowledge.fields.phrasingsHint')}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="knowledge-phrasings" />
        </Form.Item>
        <Form.Item name="body" label={t('knowledge.fields.body')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="knowledge-body" />
        </Form.Item>
        <Form.Item name="validity" label={t('knowledge.fields.validity')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="nextReviewAt" label={t('knowledge.fields.nextReview')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TemplateValues {
  category: string;
  shortcut: string;
  title: string;
  text: string;
}

export function TemplateFormModal(props: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateValues>();
  const [saving, setSaving] = useState(false);

  const submit = (values: TemplateValues) => {
    setSaving(true);
    proposeTemplate(values)
      .then(() => {
        void message.success(t('knowledge.templates.proposed'));
        props.onSaved();
      })
      .catch((error: unknown) => void message.error(toApiError(error).message))
      .finally(() => setSaving(false));
  };

  return (
    <Modal
      open
      title={t('knowledge.templates.propose')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form<TemplateValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="category"
          label={t('knowledge.columns.category')}
          rules={[{ required: true, max: 32 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="shortcut"
          label={t('knowledge.fields.shortcut')}
          rules={[{ required: true, max: 20 }]}
        >
          <Input prefix="/" />
        </Form.Item>
        <Form.Item name="title" label={t('knowledge.fields.title')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label={t('knowledge.fields.text')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
