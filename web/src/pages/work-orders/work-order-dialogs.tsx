// The dialogs of a work order: hand-over (to an agent, a department or the complaint team, with key points, the
// customer's requirement and a deadline) and deadline extension (a reason and a new ETA the customer is told).
import { Alert, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorkOrder, WorkOrderDetail } from '@shared/schemas/work-orders.js';
import { assignWorkOrder, extendWorkOrder } from '../../api/work-orders-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { dayjsToIso } from './deadline';
import {
  AssigneeFields,
  DeadlineField,
  HandOverFields,
  targetOf,
  type WorkOrderFormValues,
} from './work-order-form-modal';

interface DialogProps {
  workOrder: WorkOrder;
  timeZone: string;
  onDone: (detail: WorkOrderDetail) => void;
  onCancel: () => void;
}

interface AssignValues {
  assignKind: WorkOrderFormValues['assignKind'];
  agentId?: string;
  departmentId?: string;
  keyPoints?: string;
  customerRequirement?: string;
  deadline?: Dayjs;
  note?: string;
}

const assignFields = ['keyPoints', 'customerRequirement', 'deadline', 'note'] as const;

export function AssignWorkOrderModal({ workOrder, timeZone, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const { saving, error, submit } = useFormSubmit(form, { fields: assignFields });

  const onSubmit = () => {
    form.validateFields().then(
      (values) => {
        const target = targetOf(values);
        if (!target) return;
        submit(
          () =>
            assignWorkOrder(workOrder.id, {
              target,
              keyPoints: values.keyPoints ?? '',
              customerRequirement: values.customerRequirement ?? '',
              ...(values.deadline ? { deadline: dayjsToIso(values.deadline, timeZone) } : {}),
              ...(values.note ? { note: values.note } : {}),
            }),
          onDone,
        );
      },
      () => undefined,
    );
  };

  return (
    <FormModal
      title={t('workOrders.assignDialog.title')}
      okText={t('workOrders.assignDialog.submit')}
      testIdPrefix="work-order-assign-form"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
      width={600}
    >
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{
          assignKind: workOrder.type === 'complaint' ? 'complaint_team' : 'agent',
          keyPoints: workOrder.keyPoints,
          customerRequirement: workOrder.customerRequirement,
        }}
      >
        <AssigneeFields allowSelf={false} />
        <HandOverFields timeZone={timeZone} />
        <Form.Item name="note" label={t('workOrders.assignDialog.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="work-order-assign-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface ExtendValues {
  reason: string;
  newDueAt: Dayjs;
}

const extendFields = ['reason', 'newDueAt'] as const;

export function ExtendDeadlineModal({ workOrder, timeZone, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExtendValues>();
  const { saving, error, submit } = useFormSubmit(form, {
    fields: extendFields,
    fieldByCode: { extension_reason_required: 'reason', extension_not_later: 'newDueAt' },
  });

  const onSubmit = () => {
    form.validateFields().then(
      (values) =>
        submit(
          () =>
            extendWorkOrder(workOrder.id, {
              reason: values.reason,
              newDueAt: dayjsToIso(values.newDueAt, timeZone),
            }),
          onDone,
        ),
      () => undefined,
    );
  };

  return (
    <FormModal
      title={t('workOrders.extendDialog.title')}
      okText={t('workOrders.extendDialog.submit')}
      testIdPrefix="work-order-extend-form"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <Alert
        type="info"
        showIcon
        title={t('workOrders.extendDialog.tellsCustomer')}
        style={{ marginBottom: 16 }}
      />
      <Form<ExtendValues> form={form} layout="vertical" initialValues={{ newDueAt: dayjs().add(1, 'day') }}>
        <Form.Item
          name="reason"
          label={t('workOrders.extendDialog.reason')}
          rules={[
            { required: true, whitespace: true, message: t('workOrders.extendDialog.reasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="work-order-extend-reason" />
        </Form.Item>
        <DeadlineField
          name="newDueAt"
          label={t('workOrders.extendDialog.newDueAt')}
          timeZone={timeZone}
          required={t('workOrders.extendDialog.newDueAtRequired')}
        />
      </Form>
    </FormModal>
  );
}
