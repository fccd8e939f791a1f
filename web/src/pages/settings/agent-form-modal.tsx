// The add / edit agent dialog; creating asks for login and initial password, editing does not.
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { roles, type Role } from '@shared/roles.js';
import {
  createAgentBodySchema,
  defaultMaxConcurrentChats,
  maxConcurrentChatsLimit,
  type Agent,
  type CreateAgentBody,
  type Department,
  type Group,
  type UpdateAgentBody,
} from '@shared/schemas/team.js';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { groupKindLabelKey, roleLabelKey } from '../../i18n/labels';
import { schemaRule } from '../../rules/form-rules';
import { defaultGroupIds } from '@shared/team-rules.js';

export type AgentFormTarget = { kind: 'create' } | { kind: 'edit'; agent: Agent };

interface AgentFormValues {
  login?: string;
  password?: string;
  displayName: string;
  employeeNo: string;
  role: Role;
  groupIds: string[];
  departmentId?: string | null;
  maxConcurrentChats: number;
}

interface AgentFormModalProps {
  target: AgentFormTarget;
  groups: readonly Group[];
  departments: readonly Department[];
  onCreate: (body: CreateAgentBody) => Promise<Agent>;
  onUpdate: (id: string, body: UpdateAgentBody) => Promise<Agent>;
  onDone: (agent: Agent) => void;
  onCancel: () => void;
}

const fields = {
  login: createAgentBodySchema.shape.login,
  displayName: createAgentBodySchema.shape.displayName,
  employeeNo: createAgentBodySchema.shape.employeeNo,
  password: createAgentBodySchema.shape.password,
};

type AgentField = keyof AgentFormValues;
const editFields: readonly AgentField[] = [
  'displayName',
  'employeeNo',
  'role',
  'groupIds',
  'departmentId',
  'maxConcurrentChats',
];
const createFields: readonly AgentField[] = ['login', 'password', ...editFields];
const fieldByCode = {
  login_taken: 'login',
  employee_no_taken: 'employeeNo',
  agent_needs_group: 'groupIds',
} as const;

function initialValues(target: AgentFormTarget, groups: readonly Group[]): Partial<AgentFormValues> {
  if (target.kind === 'edit') {
    const { agent } = target;
    return {
      displayName: agent.displayName,
      employeeNo: agent.employeeNo,
      role: agent.role,
      groupIds: agent.groupIds,
      departmentId: agent.departmentId,
      maxConcurrentChats: agent.maxConcurrentChats,
    };
  }
  return { role: 'agent', groupIds: defaultGroupIds(groups), maxConcurrentChats: defaultMaxConcurrentChats };
}

export function AgentFormModal(props: AgentFormModalProps) {
  const { target, groups, departments, onCreate, onUpdate, onDone, onCancel } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<AgentFormValues>();
  const creating = target.kind === 'create';

  const invalid = {
    login: t('agents.form.invalidLogin'),
    displayName: t('agents.form.invalidName'),
    employeeNo: t('agents.form.invalidEmployeeNo'),
    password: t('agents.form.invalidPassword'),
    maxConcurrentChats: t('agents.form.invalidCap', { max: maxConcurrentChatsLimit }),
  };
  const required = { required: true, message: t('common.required') };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: creating ? createFields : editFields,
    fieldByCode,
    invalidText: invalid,
  });

  const save = (values: AgentFormValues): Promise<Agent> => {
    const shared = {
      displayName: values.displayName,
      employeeNo: values.employeeNo,
      role: values.role,
      groupIds: values.groupIds,
      departmentId: values.departmentId ?? null,
      maxConcurrentChats: values.maxConcurrentChats,
    };
    if (target.kind === 'edit') return onUpdate(target.agent.id, shared);
    return onCreate({ ...shared, login: values.login ?? '', password: values.password ?? '' });
  };

  const onFinish = (values: AgentFormValues) => submit(() => save(values), onDone);

  return (
    <FormModal
      title={
        target.kind === 'edit'
          ? t('agents.editTitle', { name: target.agent.displayName })
          : t('agents.createTitle')
      }
      okText={creating ? t('common.create') : t('common.save')}
      testIdPrefix="agent-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
      width={560}
    >
      <Form<AgentFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(target, groups)}
        onFinish={onFinish}
        disabled={saving}
      >
        {creating ? (
          <Form.Item
            name="login"
            label={t('agents.form.login')}
            extra={t('agents.form.loginHelp')}
            rules={[required, schemaRule(fields.login, invalid.login)]}
          >
            <Input data-testid="agent-form-login" autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="displayName"
          label={t('agents.form.displayName')}
          rules={[required, schemaRule(fields.displayName, invalid.displayName)]}
        >
          <Input data-testid="agent-form-name" />
        </Form.Item>
        <Form.Item
          name="employeeNo"
          label={t('agents.form.employeeNo')}
          extra={t('agents.form.employeeNoHelp')}
          rules={[required, schemaRule(fields.employeeNo, invalid.employeeNo)]}
        >
          <Input data-testid="agent-form-employee-no" />
        </Form.Item>
        {creating ? (
          <Form.Item
            name="password"
            label={t('agents.form.password')}
            extra={t('agents.form.passwordHelp')}
            rules={[required, schemaRule(fields.password, invalid.password)]}
          >
            <Input.Password data-testid="agent-form-password" autoComplete="new-password" />
          </Form.Item>
        ) : null}
        <Form.Item name="role" label={t('agents.form.role')} rules={[required]}>
          <Select<Role>
            data-testid="agent-form-role"
            options={roles.map((role) => ({ value: role, label: t(roleLabelKey(role)) }))}
          />
        </Form.Item>
        <Form.Item name="groupIds" label={t('agents.form.groups')} extra={t('agents.form.groupsHelp')}>
          <Select<string[]>
            data-testid="agent-form-groups"
            mode="multiple"
            options={groups.map((group) => ({
              value: group.id,
              label: t('groups.optionLabel', { name: group.name, kind: t(groupKindLabelKey(group.kind)) }),
            }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('agents.form.department')}>
          <Select<string>
            data-testid="agent-form-department"
            allowClear
            placeholder={t('agents.form.departmentPlaceholder')}
            options={departments.map((department) => ({ value: department.id, label: department.name }))}
          />
        </Form.Item>
        <Form.Item
          name="maxConcurrentChats"
          label={t('agents.form.cap')}
          extra={t('agents.form.capHelp')}
          rules={[
            required,
            { type: 'integer', min: 1, max: maxConcurrentChatsLimit, message: invalid.maxConcurrentChats },
          ]}
        >
          <InputNumber data-testid="agent-form-cap" min={1} max={maxConcurrentChatsLimit} precision={0} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
