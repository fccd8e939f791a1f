// Adds or changes a promotion reply: its text and the period it is sent in (times in the shop's time zone);
// after the end it switches itself off (seed 003 counts an expired promotion left on).
import { DatePicker, Form, Input, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutoReply } from '@shared/schemas/replies.js';
import type { CreatePromotionBody, UpdateAutoReplyBody } from '../../api/replies-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { fromZonedParts, toZonedParts } from '@shared/zoned-time.js';

export type PromotionFormTarget = { kind: 'create' } | { kind: 'edit'; reply: AutoReply };

interface PromotionFormValues {
  text: string;
  period: [Dayjs, Dayjs];
  enabled: boolean;
}

/** The picker shows the shop's wall clock: its digits are the shop-zone reading of the instant. */
function toPicker(iso: string, timeZone: string): Dayjs {
  const wall = toZonedParts(Date.parse(iso), timeZone);
  return dayjs(new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
}

function fromPicker(value: Dayjs, timeZone: string): string {
  const wall = {
    year: value.year(),
    month: value.month() + 1,
    day: value.date(),
    hour: value.hour(),
    minute: value.minute(),
    second: 0,
  };
  return new Date(fromZonedParts(wall, timeZone)).toISOString();
}

interface PromotionFormModalProps {
  target: PromotionFormTarget;
  timeZone: string;
  onCreate: (body: CreatePromotionBody) => Promise<AutoReply>;
  onUpdate: (id: string, body: UpdateAutoReplyBody) => Promise<AutoReply>;
  onDone: (reply: AutoReply) => void;
  onCancel: () => void;
}

export function PromotionFormModal(props: PromotionFormModalProps) {
  const { target, timeZone, onCreate, onUpdate, onDone, onCancel } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<PromotionFormValues>();
  const required = { required: true, message: t('common.required') };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['text', 'period', 'enabled'],
    invalidText: { text: t('autoReplies.form.invalidText') },
  });

  const initial: Partial<PromotionFormValues> =
    target.kind === 'edit' && target.reply.startsAt && target.reply.endsAt
      ? {
          text: target.reply.text,
          enabled: target.reply.enabled,
          period: [toPicker(target.reply.startsAt, timeZone), toPicker(target.reply.endsAt, timeZone)],
        }
      : { enabled: true };

  const onFinish = (values: PromotionFormValues) => {
    const body = {
      text: values.text,
      startsAt: fromPicker(values.period[0], timeZone),
      endsAt: fromPicker(values.period[1], timeZone),
      enabled: values.enabled,
    };
    submit(() => (target.kind === 'edit' ? onUpdate(target.reply.id, body) : onCreate(body)), onDone);
  };

  return (
    <FormModal
      title={
        target.kind === 'edit'
          ? t('autoReplies.promotions.editTitle')
          : t('autoReplies.promotions.createTitle')
      }
      okText={target.kind === 'edit' ? t('common.save') : t('common.create')}
      testIdPrefix="promotion-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
      width={600}
    >
      <Form<PromotionFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item
          name="text"
          label={t('autoReplies.form.text')}
          rules={[required, { max: 1000, message: t('autoReplies.form.invalidText') }]}
        >
          <Input.TextArea data-testid="promotion-form-text" rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('autoReplies.form.period', { timezone: timeZone })}
          extra={t('autoReplies.form.periodHelp')}
          rules={[
            required,
            {
              validator: async (_rule, value: [Dayjs, Dayjs] | undefined) => {
                if (value && !value[1].isAfter(value[0]))
                  throw new Error(t('autoReplies.form.invalidPeriod'));
              },
            },
          ]}
        >
          <DatePicker.RangePicker
            data-testid="promotion-form-period"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('autoReplies.form.enabled')} valuePropName="checked">
          <Switch data-testid="promotion-form-enabled" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
