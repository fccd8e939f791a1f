// Adds a department or changes its name and description.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { createDepartmentBodySchema, type Department } from '@shared/schemas/team.js';
import type { CreateDepartmentBody, UpdateDepartmentBody } from '../../api/team-api';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { schemaRule } from '../../rules/form-rules';

export type DepartmentFormTarget = { kind: 'create' } | { kind: 'edit'; department: Department };

interface DepartmentFormValues {
  name: string;
  description?: string;
}

interface DepartmentFormModalProps {
  target: DepartmentFormTarget;
  onCreate: (body: CreateDepartmentBody) => Promise<Department>;
  onUpdate: (id: string, body: UpdateDepartmentBody) => Promise<Department>;
  onDone: (department: Department) => void;
  onCancel: () => void;
}

export function DepartmentFormModal({
  target,
  onCreate,
  onUpdate,
  onDone,
  onCancel,
}: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DepartmentFormValues>();
  const invalid = {
    name: t('departments.form.invalidName'),
    description: t('departments.form.invalidDescription'),
  };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['name', 'description'],
    fieldByCode: { department_name_taken: 'name' },
    invalidText: invalid,
  });

  const onFinish = (values: DepartmentFormValues) => {
    const body = { name: values.name, description: values.description ?? '' };
    submit(() => (target.kind === 'edit' ? onUpdate(target.department.id, body) : onCreate(body)), onDone);
  };

  return (
    <FormModal
      title={
        target.kind === 'edit'
          ? t('departments.editTitle', { name: target.department.name })
          : t('departments.createTitle')
      }
      okText={target.kind === 'edit' ? t('common.save') : t('common.create')}
      testIdPrefix="department-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
    >
      <Form<DepartmentFormValues>
        form={form}
        layout="vertical"
        initialValues={
          target.kind === 'edit'
            ? { name: target.department.name, description: target.department.description }
            : { description: '' }
        }
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item
          name="name"
          label={t('departments.form.name')}
          rules={[
            { required: true, message: t('common.required') },
            schemaRule(createDepartmentBodySchema.shape.name, invalid.name),
          ]}
        >
          <Input data-testid="department-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('departments.form.description')}
          rules={[schemaRule(createDepartmentBodySchema.shape.description, invalid.description)]}
        >
          <Input.TextArea data-testid="department-form-description" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
