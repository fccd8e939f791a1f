// Adds a holiday or 调休 make-up workday to the calendar, or changes one.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  calendarDayKinds,
  createCalendarDayBodySchema,
  type CalendarDay,
  type CalendarDayKind,
} from '@shared/schemas/calendar.js';
import type { CreateCalendarDayBody } from '../../api/calendar-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { schemaRule } from '../../rules/form-rules';

export type CalendarDayFormTarget = { kind: 'create' } | { kind: 'edit'; day: CalendarDay };

interface CalendarDayFormValues {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

interface CalendarDayFormModalProps {
  target: CalendarDayFormTarget;
  onSave: (body: CreateCalendarDayBody) => Promise<CalendarDay>;
  onSaved: () => void;
  onCancel: () => void;
}

export function CalendarDayFormModal({ target, onSave, onSaved, onCancel }: CalendarDayFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CalendarDayFormValues>();
  const invalid = { date: t('calendar.days.form.invalidDate'), name: t('calendar.days.form.invalidName') };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['date', 'kind', 'name'],
    fieldByCode: { calendar_day_exists: 'date' },
    invalidText: invalid,
  });
  const required = { required: true, message: t('common.required') };

  return (
    <FormModal
      title={
        target.kind === 'edit'
          ? t('calendar.days.editTitle', { date: target.day.date })
          : t('calendar.days.createTitle')
      }
      okText={target.kind === 'edit' ? t('common.save') : t('common.create')}
      testIdPrefix="calendar-day-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
    >
      <Form<CalendarDayFormValues>
        form={form}
        layout="vertical"
        initialValues={
          target.kind === 'edit'
            ? { date: target.day.date, kind: target.day.kind, name: target.day.name }
            : { kind: 'holiday' }
        }
        onFinish={(values) => submit(() => onSave(values), onSaved)}
        disabled={saving}
      >
        <Form.Item
          name="date"
          label={t('calendar.days.form.date')}
          rules={[required, schemaRule(createCalendarDayBodySchema.shape.date, invalid.date)]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="calendar-day-form-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.days.form.kind')} rules={[required]}>
          <Select<CalendarDayKind>
            data-testid="calendar-day-form-kind"
            options={calendarDayKinds.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.days.form.name')}
          rules={[required, schemaRule(createCalendarDayBodySchema.shape.name, invalid.name)]}
        >
          <Input data-testid="calendar-day-form-name" maxLength={64} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
