// 回访记录表: reached or not, satisfaction (the verdict on the work order), new problems, suggestion, note.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { satisfactionLevels } from '@shared/work-orders.js';
import type { FollowUpTask } from '@shared/schemas/follow-ups.js';
import { completeFollowUp } from '../../api/follow-ups-api';
import { testId } from '../../components/test-id';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface Values {
  reached: boolean;
  satisfaction?: (typeof satisfactionLevels)[number];
  newProblems?: string;
  suggestion?: string;
  note?: string;
}

export function FollowUpFormModal({
  task,
  onClose,
  onDone,
}: {
  task: FollowUpTask;
  onClose: () => void;
  onDone: (task: FollowUpTask) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form);
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['reached', 'satisfaction', 'newProblems', 'suggestion', 'note'],
  });
  const onFinish = (values: Values) =>
    submit(
      () =>
        completeFollowUp(task.id, {
          reached: values.reached,
          ...(values.reached && values.satisfaction ? { satisfaction: values.satisfaction } : {}),
          newProblems: values.newProblems ?? '',
          suggestion: values.suggestion ?? '',
          note: values.note ?? '',
        }),
      onDone,
    );
  return (
    <Modal
      open
      title={`${t('followUps.form.title')} · ${task.title}`}
      okText={t('followUps.form.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={testId('follow-up-submit')}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ reached: true }} onFinish={onFinish}>
        <Form.Item name="reached" label={t('followUps.form.reached')}>
          <Radio.Group
            data-testid="follow-up-reached"
            options={[
              { value: true, label: t('followUps.form.reachedYes') },
              { value: false, label: t('followUps.form.reachedNo') },
            ]}
          />
        </Form.Item>
        {reached !== false ? (
          <Form.Item
            name="satisfaction"
            label={t('followUps.form.satisfaction')}
            extra={task.workOrderId ? t('followUps.form.satisfactionHint') : undefined}
            rules={[{ required: true, message: t('survey.required') }]}
          >
            <Radio.Group data-testid="follow-up-satisfaction">
              {satisfactionLevels.map((level) => (
                <Radio.Button key={level} value={level}>
                  <span data-testid={`satisfaction-${level}`}>{t(`satisfaction.${level}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="newProblems" label={t('followUps.form.newProblems')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="follow-up-new-problems" />
        </Form.Item>
        <Form.Item name="suggestion" label={t('followUps.form.suggestion')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="follow-up-suggestion" />
        </Form.Item>
        <Form.Item name="note" label={t('followUps.form.note')}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('followUps.form.notePlaceholder')}
            data-testid="follow-up-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
