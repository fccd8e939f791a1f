// 指派: a supervisor gives a queued chat to an agent, or moves an assigned one; caps still hold on the server.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignBodySchema, type Conversation } from '@shared/schemas/chat.js';
import { assignConversation } from '../../api/chat-api';
import { listAgentBoard } from '../../api/presence-api';
import { FormModal } from '../../components/form-modal';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { AgentTargetSelect } from './agent-target-select';

interface AssignValues {
  agentId: string;
  note?: string;
}

const noteMax = assignBodySchema.shape.note.unwrap().maxLength ?? 500;

interface AssignModalProps {
  conversation: Conversation;
  onDone: (conversation: Conversation) => void;
  onCancel: () => void;
}

export function AssignModal({ conversation, onDone, onCancel }: AssignModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const board = useApiQuery('agent-board', listAgentBoard);
  const { saving, error, submit } = useFormSubmit(form, { fields: ['agentId', 'note'] });
  const reassign = conversation.status === 'assigned';

  const onFinish = (values: AssignValues) =>
    submit(
      () => assignConversation(conversation.id, { agentId: values.agentId, note: values.note ?? '' }),
      onDone,
    );

  return (
    <FormModal
      title={t(reassign ? 'workspace.assign.reassignTitle' : 'workspace.assign.title', {
        name: conversation.customer.displayName,
      })}
      okText={t('workspace.assign.submit')}
      testIdPrefix="assign-form"
      saving={saving}
      error={error ?? board.error?.message ?? null}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
      width={560}
    >
      <Form<AssignValues> form={form} layout="vertical" onFinish={onFinish} disabled={saving}>
        <Form.Item
          name="agentId"
          label={t('workspace.transfer.agent')}
          extra={t('workspace.transfer.agentHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <AgentTargetSelect
            board={board.data ?? []}
            loading={board.loading}
            myUserId=""
            currentAgentId={conversation.agentId}
            testId="assign-form-agent"
          />
        </Form.Item>
        <Form.Item name="note" label={t('workspace.transfer.note')}>
          <Input.TextArea data-testid="assign-form-note" rows={3} maxLength={noteMax} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
