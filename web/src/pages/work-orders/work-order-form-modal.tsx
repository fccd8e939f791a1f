// The "new work order" form: by hand from the list, or from a chat (the customer and conversation come with it),
// with the hand-over to an agent, a department or the complaint team, key points, requirement and deadline.
import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AssignmentTarget, WorkOrderDetail } from '@shared/schemas/work-orders.js';
import {
  complaintCategories,
  workOrderPriorities,
  workOrderTypes,
  type ComplaintCategory,
  type WorkOrderPriority,
  type WorkOrderType,
} from '@shared/work-orders.js';
import { createWorkOrder } from '../../api/work-orders-api';
import { FormModal } from '../../components/form-modal';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { fetchAssigneeChoices } from '../../api/work-orders-api';
import { dayjsToIso } from './deadline';

export interface WorkOrderFormValues {
  type: WorkOrderType;
  priority: WorkOrderPriority;
  title: string;
  description?: string;
  complaintCategory?: ComplaintCategory;
  assignKind: 'self' | AssignmentTarget['kind'];
  agentId?: string;
  departmentId?: string;
  keyPoints?: string;
  customerRequirement?: string;
  deadline?: Dayjs;
}

const fields = [
  'type',
  'priority',
  'title',
  'description',
  'keyPoints',
  'customerRequirement',
  'deadline',
] as const;

export function targetOf(values: {
  assignKind: WorkOrderFormValues['assignKind'];
  agentId?: string | undefined;
  departmentId?: string | undefined;
}): AssignmentTarget | undefined {
  if (values.assignKind === 'agent' && values.agentId) return { kind: 'agent', agentId: values.agentId };
  if (values.assignKind === 'department' && values.departmentId) {
    return { kind: 'department', departmentId: values.departmentId };
  }
  if (values.assignKind === 'complaint_team') return { kind: 'complaint_team' };
  return undefined;
}

/** Agent / department pickers shared by the create form and the hand-over dialog. */
export function AssigneeFields({
  kindField = 'assignKind',
  allowSelf,
}: {
  kindField?: string;
  allowSelf: boolean;
}) {
  const { t } = useTranslation();
  const choices = useApiQuery('work-order-assignees', fetchAssigneeChoices);
  return (
    <>
      <Form.Item name={kindField} label={t('workOrders.form.assignKind')}>
        <Radio.Group data-testid="work-order-assign-kind">
          {allowSelf ? <Radio value="self">{t('workOrders.form.mine')}</Radio> : null}
          <Radio value="agent">{t('workOrders.assignment.agent')}</Radio>
          <Radio value="department">{t('workOrders.assignment.department')}</Radio>
          <Radio value="complaint_team" data-testid="assign-kind-complaint-team">
            {t('workOrders.assignment.complaint_team')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item noStyle dependencies={[kindField]}>
        {({ getFieldValue }) =>
          getFieldValue(kindField) === 'agent' ? (
            <Form.Item name="agentId" label={t('workOrders.form.assignAgent')} rules={[{ required: true }]}>
              <Select
                data-testid="work-order-agent"
                showSearch={{ optionFilterProp: 'label' }}
                loading={choices.loading}
                options={(choices.data?.staff ?? []).map((staff) => ({
                  value: staff.id,
                  label: `${staff.displayName}（${t(`roles.${staff.role}`)}）`,
                }))}
              />
            </Form.Item>
          ) : getFieldValue(kindField) === 'department' ? (
            <Form.Item
              name="departmentId"
              label={t('workOrders.form.assignDepartment')}
              rules={[{ required: true }]}
            >
              <Select
                data-testid="work-order-department"
                loading={choices.loading}
                options={(choices.data?.departments ?? []).map((department) => ({
                  value: department.id,
                  label: department.name,
                }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}

export function DeadlineField({
  name,
  label,
  timeZone,
  required,
}: {
  name: string;
  label: string;
  timeZone: string;
  required?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('workOrders.form.deadlineHelp', { timezone: timeZone })}
      rules={required ? [{ required: true, message: required }] : []}
    >
      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid={`${name}-picker`} />
    </Form.Item>
  );
}

/** SPEC §4 hand-over fields: key points, the customer's requirement and a deadline. */
export function HandOverFields({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="keyPoints" label={t('workOrders.form.keyPoints')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="work-order-key-points" />
      </Form.Item>
      <Form.Item
        name="customerRequirement"
        label={t('workOrders.form.customerRequirement')}
        rules={[{ max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="work-order-requirement" />
      </Form.Item>
      <DeadlineField name="deadline" label={t('workOrders.form.deadline')} timeZone={timeZone} />
    </>
  );
}

interface WorkOrderFormModalProps {
  timeZone: string;
  /** From a chat: the conversation and the customer's name */
  chat?: { conversationId: string; customerName: string; orderId: string | null } | undefined;
  onDone: (detail: WorkOrderDetail) => void;
  onCancel: () => void;
}

export function WorkOrderFormModal({ timeZone, chat, onDone, onCancel }: WorkOrderFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WorkOrderFormValues>();
  const { saving, error, submit } = useFormSubmit(form, { fields });
  const type = Form.useWatch('type', form);

  const onSubmit = () => {
    form.validateFields().then(
      (values) => {
        const target = targetOf(values);
        submit(
          () =>
            createWorkOrder({
              type: values.type,
              priority: values.priority,
              title: values.title,
              description: values.description ?? '',
              ...(chat ? { conversationId: chat.conversationId } : {}),
              ...(values.type === 'complaint' && values.complaintCategory
                ? { complaintCategory: values.complaintCategory }
                : {}),
              ...(target ? { assignTo: target } : {}),
              ...(values.keyPoints ? { keyPoints: values.keyPoints } : {}),
              ...(values.customerRequirement ? { customerRequirement: values.customerRequirement } : {}),
              ...(values.deadline ? { deadline: dayjsToIso(values.deadline, timeZone) } : {}),
            }),
          onDone,
        );
      },
      () => undefined,
    );
  };

  return (
    <FormModal
      title={t('workOrders.form.title')}
      okText={t('workOrders.form.submit')}
      testIdPrefix="work-order-form"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
      width={640}
    >
      {chat ? (
        <Typography.Paragraph type="secondary">
          {t('workOrders.form.fromChat', { name: chat.customerName })}
        </Typography.Paragraph>
      ) : null}
      <Form<WorkOrderFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          type: 'common_question',
          priority: 'normal',
          assignKind: 'self',
          complaintCategory: 'other',
        }}
      >
        <Form.Item name="type" label={t('workOrders.form.type')} rules={[{ required: true }]}>
          <Select
            data-testid="work-order-type"
            options={workOrderTypes.map((value) => ({ value, label: t(`workOrders.types.${value}`) }))}
          />
        </Form.Item>
        {type === 'complaint' ? (
          <Form.Item name="complaintCategory" label={t('workOrders.form.complaintCategory')}>
            <Select
              data-testid="work-order-category"
              options={complaintCategories.map((value) => ({
                value,
                label: t(`workOrders.complaintCategories.${value}`),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="priority" label={t('workOrders.form.priority')}>
          <Radio.Group
            options={workOrderPriorities.map((value) => ({
              value,
              label: t(`workOrders.priorities.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('workOrders.form.subject')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 120 }]}
        >
          <Input placeholder={t('workOrders.form.subjectPlaceholder')} data-testid="work-order-title" />
        </Form.Item>
        <Form.Item name="description" label={t('workOrders.form.descriptionLabel')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="work-order-description" />
        </Form.Item>
        <AssigneeFields allowSelf />
        <HandOverFields timeZone={timeZone} />
      </Form>
    </FormModal>
  );
}
