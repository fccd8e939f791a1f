// 转接: hand the chat to another agent (online or busy, below their cap) or back to a group's queue, with a note
// for whoever takes it; the history goes with the chat.
import { Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingGroup } from '@shared/chat.js';
import { transferBodySchema, type Conversation } from '@shared/schemas/chat.js';
import { transferConversation } from '../../api/chat-api';
import { FormModal } from '../../components/form-modal';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { listAgentBoard } from '../../api/presence-api';
import { routingGroupLabelKey } from '../../i18n/labels';
import { AgentTargetSelect } from './agent-target-select';

type TargetKind = 'agent' | 'group';

interface TransferValues {
  kind: TargetKind;
  agentId?: string;
  group?: RoutingGroup;
  note?: string;
}

const routingGroups: RoutingGroup[] = ['pre_sale', 'after_sale'];
const noteMax = transferBodySchema.shape.note.unwrap().maxLength ?? 500;

interface TransferModalProps {
  conversation: Conversation;
  myUserId: string;
  onDone: (conversation: Conversation) => void;
  onCancel: () => void;
}

export function TransferModal({ conversation, myUserId, onDone, onCancel }: TransferModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const [kind, setKind] = useState<TargetKind>('agent');
  const board = useApiQuery('agent-board', listAgentBoard);
  const { saving, error, submit } = useFormSubmit(form, { fields: ['agentId', 'group', 'note'] });
  const required = { required: true, message: t('common.required') };

  const onFinish = (values: TransferValues) =>
    submit(
      () =>
        transferConversation(conversation.id, {
          to:
            values.kind === 'agent'
              ? { kind: 'agent', agentId: values.agentId ?? '' }
              : { kind: 'group', group: values.group ?? conversation.targetGroup },
          note: values.note ?? '',
        }),
      onDone,
    );

  return (
    <FormModal
      title={t('workspace.transfer.title', { name: conversation.customer.displayName })}
      okText={t('workspace.transfer.submit')}
      testIdPrefix="transfer-form"
      saving={saving}
      error={error ?? board.error?.message ?? null}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
      width={560}
    >
      <Form<TransferValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'agent', group: conversation.targetGroup }}
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item name="kind" label={t('workspace.transfer.to')}>
          <Radio.Group
            data-testid="transfer-form-kind"
            onChange={(event) => setKind(event.target.value as TargetKind)}
            options={[
              { value: 'agent', label: t('workspace.transfer.toAgent') },
              { value: 'group', label: t('workspace.transfer.toGroup') },
            ]}
          />
        </Form.Item>
        {kind === 'agent' ? (
          <Form.Item
            name="agentId"
            label={t('workspace.transfer.agent')}
            extra={t('workspace.transfer.agentHelp')}
            rules={[required]}
          >
            <AgentTargetSelect
              board={board.data ?? []}
              loading={board.loading}
              myUserId={myUserId}
              currentAgentId={conversation.agentId}
              testId="transfer-form-agent"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="group"
            label={t('workspace.transfer.group')}
            extra={t('workspace.transfer.groupHelp')}
            rules={[required]}
          >
            <Select<RoutingGroup>
              data-testid="transfer-form-group"
              options={routingGroups.map((group) => ({
                value: group,
                label: t(routingGroupLabelKey(group)),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('workspace.transfer.note')} extra={t('workspace.transfer.noteHelp')}>
          <Input.TextArea
            data-testid="transfer-form-note"
            rows={3}
            maxLength={noteMax}
            showCount
            placeholder={t('workspace.transfer.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
