// 登记通话: the manual call form with SPEC §5's fields — customer, contact, time to the minute, the matter, the
// handling and the customer's reaction, and whether the call was recorded (only after telling the customer).
import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { callDirections, callMatterKinds, type CallDirection, type CallMatterKind } from '@shared/calls.js';
import type { Call } from '@shared/schemas/calls.js';
import { createCall } from '../../api/calls-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface CallFormValues {
  customerName: string;
  contactPhone?: string;
  contactEmail?: string;
  direction: CallDirection;
  calledAt: Dayjs;
  matterKind: CallMatterKind;
  matter: string;
  handling: string;
  customerReaction?: string;
  recorded: boolean;
  recordingTold: boolean;
}

const fields = [
  'customerName',
  'contactPhone',
  'contactEmail',
  'direction',
  'calledAt',
  'matterKind',
  'matter',
  'handling',
  'customerReaction',
  'recorded',
  'recordingTold',
] as const;

const phonePattern = /^\+?[0-9][0-9 -]*$/;

export function CallFormModal({
  onSaved,
  onCancel,
}: {
  onSaved: (call: Call) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallFormValues>();
  const { saving, error, submit } = useFormSubmit(form, { fields });
  const recorded = Form.useWatch('recorded', form);

  const onSubmit = () => {
    form.validateFields().then(
      (values) =>
        submit(
          () =>
            createCall({
              customerName: values.customerName,
              contactPhone: values.contactPhone || undefined,
              contactEmail: values.contactEmail || undefined,
              direction: values.direction,
              calledAt: values.calledAt.second(0).millisecond(0).toISOString(),
              matterKind: values.matterKind,
              matter: values.matter,
              handling: values.handling,
              customerReaction: values.customerReaction ?? '',
              recorded: values.recorded,
              recordingTold: values.recordingTold,
            }),
          onSaved,
        ),
      () => undefined,
    );
  };

  return (
    <FormModal
      title={t('calls.form.title')}
      okText={t('calls.form.submit')}
      testIdPrefix="call-form"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          direction: 'inbound',
          matterKind: 'question',
          recorded: false,
          recordingTold: false,
          calledAt: dayjs(),
        }}
      >
        <Form.Item
          name="customerName"
          label={t('calls.form.customerName')}
          rules={[{ required: true, whitespace: true, message: t('calls.form.customerNameRequired') }]}
        >
          <Input maxLength={64} data-testid="call-form-name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('calls.form.contactPhone')}
          dependencies={['contactEmail']}
          rules={[
            { pattern: phonePattern, message: t('calls.form.phoneInvalid') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value || getFieldValue('contactEmail')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('calls.form.contactRequired'))),
            }),
          ]}
        >
          <Input maxLength={32} data-testid="call-form-phone" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('calls.form.contactEmail')}
          rules={[{ type: 'email', message: t('calls.form.emailInvalid') }]}
        >
          <Input maxLength={254} data-testid="call-form-email" />
        </Form.Item>
        <Form.Item name="direction" label={t('calls.form.direction')}>
          <Radio.Group
            options={callDirections.map((value) => ({ value, label: t(`calls.directions.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="calledAt"
          label={t('calls.form.calledAt')}
          rules={[{ required: true, message: t('calls.form.calledAtRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="call-form-time" />
        </Form.Item>
        <Form.Item name="matterKind" label={t('calls.form.matterKind')}>
          <Select
            data-testid="call-form-kind"
            options={callMatterKinds.map((value) => ({ value, label: t(`calls.matterKinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="matter"
          label={t('calls.form.matter')}
          rules={[{ required: true, whitespace: true, message: t('calls.form.matterRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="call-form-matter" />
        </Form.Item>
        <Form.Item
          name="handling"
          label={t('calls.form.handling')}
          rules={[{ required: true, whitespace: true, message: t('calls.form.handlingRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="call-form-handling" />
        </Form.Item>
        <Form.Item name="customerReaction" label={t('calls.form.customerReaction')}>
          <Input maxLength={1000} data-testid="call-form-reaction" />
        </Form.Item>
        <Form.Item name="recorded" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox data-testid="call-form-recorded">{t('calls.form.recorded')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="recordingTold"
          valuePropName="checked"
          dependencies={['recorded']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, told: boolean) =>
                !getFieldValue('recorded') || told
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('calls.form.recordingToldRequired'))),
            }),
          ]}
        >
          <Checkbox disabled={!recorded} data-testid="call-form-told">
            {t('calls.form.recordingTold')}
          </Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
