// Sets a new password for an agent who forgot theirs.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { resetPasswordBodySchema, type Agent } from '@shared/schemas/team.js';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { schemaRule } from '../../rules/form-rules';

interface ResetPasswordModalProps {
  agent: Agent;
  onReset: (id: string, password: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

export function ResetPasswordModal({ agent, onReset, onDone, onCancel }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const invalid = t('agents.form.invalidPassword');
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['password'],
    invalidText: { password: invalid },
  });

  const onFinish = ({ password }: { password: string }) => submit(() => onReset(agent.id, password), onDone);

  return (
    <FormModal
      title={t('agents.resetPasswordTitle', { name: agent.displayName })}
      okText={t('common.save')}
      testIdPrefix="agent-password"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={saving}>
        <Form.Item
          name="password"
          label={t('agents.newPassword')}
          extra={t('agents.form.passwordHelp')}
          rules={[
            { required: true, message: t('common.required') },
            schemaRule(resetPasswordBodySchema.shape.password, invalid),
          ]}
        >
          <Input.Password data-testid="agent-password-input" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
