// Adds a duty group of a kind the shop does not have yet, or renames an existing group.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { createGroupBodySchema, groupKinds, type Group, type GroupKind } from '@shared/schemas/team.js';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { groupKindLabelKey } from '../../i18n/labels';
import { schemaRule } from '../../rules/form-rules';

export type GroupFormTarget =
  { kind: 'create'; availableKinds: GroupKind[] } | { kind: 'rename'; group: Group };

interface GroupFormValues {
  kind?: GroupKind;
  name: string;
}

interface GroupFormModalProps {
  target: GroupFormTarget;
  onCreate: (body: { kind: GroupKind; name: string }) => Promise<Group>;
  onRename: (id: string, name: string) => Promise<Group>;
  onDone: (group: Group) => void;
  onCancel: () => void;
}

export function GroupFormModal({ target, onCreate, onRename, onDone, onCancel }: GroupFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GroupFormValues>();
  const invalidName = t('groups.form.invalidName');
  const required = { required: true, message: t('common.required') };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['kind', 'name'],
    fieldByCode: { group_kind_exists: 'kind' },
    invalidText: { name: invalidName },
  });

  const initial: Partial<GroupFormValues> =
    target.kind === 'rename'
      ? { name: target.group.name }
      : (() => {
          const kind = target.availableKinds[0];
          return kind ? { kind, name: t(groupKindLabelKey(kind)) } : {};
        })();

  const onFinish = (values: GroupFormValues) =>
    submit(
      () =>
        target.kind === 'rename'
          ? onRename(target.group.id, values.name)
          : onCreate({ kind: values.kind ?? 'pre_sale', name: values.name }),
      onDone,
    );

  /** Suggest the kind's label as the name until the user types their own. */
  const onKindChange = (kind: GroupKind) => {
    const name = form.getFieldValue('name') as string | undefined;
    const suggested = groupKinds.map((each) => t(groupKindLabelKey(each)));
    if (!name || suggested.includes(name)) form.setFieldsValue({ name: t(groupKindLabelKey(kind)) });
  };

  return (
    <FormModal
      title={target.kind === 'rename' ? t('groups.renameTitle') : t('groups.createTitle')}
      okText={target.kind === 'rename' ? t('common.save') : t('common.create')}
      testIdPrefix="group-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
    >
      <Form<GroupFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={saving}
      >
        {target.kind === 'create' ? (
          <Form.Item name="kind" label={t('groups.form.kind')} rules={[required]}>
            <Select<GroupKind>
              data-testid="group-form-kind"
              onChange={onKindChange}
              options={target.availableKinds.map((kind) => ({
                value: kind,
                label: t(groupKindLabelKey(kind)),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('groups.form.name')}
          rules={[required, schemaRule(createGroupBodySchema.shape.name, invalidName)]}
        >
          <Input data-testid="group-form-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
