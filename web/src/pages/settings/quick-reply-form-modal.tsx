// Adds or changes a quick reply: where it applies (shop-wide needs chat.supervise), the `/` shortcut, the title
// and the text with template variables.
import { Form, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  createQuickReplySchema,
  quickReplyScopes,
  type QuickReply,
  type QuickReplyScope,
} from '@shared/schemas/replies.js';
import type { TemplateVariable } from '@shared/templates.js';
import type { CreateQuickReplyBody, UpdateQuickReplyBody } from '../../api/replies-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { quickReplyScopeLabelKey } from '../../i18n/labels';
import { schemaRule } from '../../rules/form-rules';

export type QuickReplyFormTarget =
  { kind: 'create'; scope: QuickReplyScope } | { kind: 'edit'; reply: QuickReply };

interface QuickReplyFormValues {
  scope: QuickReplyScope;
  shortcut: string;
  title: string;
  text: string;
}

/** The variables a quick reply can use; the others ({position}, {opensAt}…) belong to auto-replies. */
export const quickReplyVariables = [
  'customerName',
  'orderNumber',
  'agentName',
  'shopName',
] as const satisfies readonly TemplateVariable[];

const fields = createQuickReplySchema.shape;

interface QuickReplyFormModalProps {
  target: QuickReplyFormTarget;
  canShopWide: boolean;
  onCreate: (body: CreateQuickReplyBody) => Promise<QuickReply>;
  onUpdate: (id: string, body: UpdateQuickReplyBody) => Promise<QuickReply>;
  onDone: (reply: QuickReply) => void;
  onCancel: () => void;
}

export function QuickReplyFormModal(props: QuickReplyFormModalProps) {
  const { target, canShopWide, onCreate, onUpdate, onDone, onCancel } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<QuickReplyFormValues>();
  const invalid = {
    shortcut: t('quickReplies.form.invalidShortcut'),
    title: t('quickReplies.form.invalidTitle'),
    text: t('quickReplies.form.invalidText'),
  };
  const required = { required: true, message: t('common.required') };
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['scope', 'shortcut', 'title', 'text'],
    fieldByCode: { shortcut_taken: 'shortcut' },
    invalidText: invalid,
  });

  const initial: Partial<QuickReplyFormValues> =
    target.kind === 'edit'
      ? {
          scope: target.reply.scope,
          shortcut: target.reply.shortcut,
          title: target.reply.title,
          text: target.reply.text,
        }
      : { scope: target.scope };

  const onFinish = (values: QuickReplyFormValues) =>
    submit(
      () =>
        target.kind === 'edit'
          ? onUpdate(target.reply.id, { shortcut: values.shortcut, title: values.title, text: values.text })
          : onCreate(values),
      onDone,
    );

  const insertVariable = (name: string) => {
    const text = (form.getFieldValue('text') as string | undefined) ?? '';
    form.setFieldsValue({ text: `${text}{${name}}` });
  };

  return (
    <FormModal
      title={target.kind === 'edit' ? t('quickReplies.editTitle') : t('quickReplies.createTitle')}
      okText={target.kind === 'edit' ? t('common.save') : t('common.create')}
      testIdPrefix="quick-reply-form"
      saving={saving}
      error={error}
      onSubmit={() => form.submit()}
      onCancel={onCancel}
      width={600}
    >
      <Form<QuickReplyFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item name="scope" label={t('quickReplies.form.scope')} extra={t('quickReplies.form.scopeHelp')}>
          <Select<QuickReplyScope>
            data-testid="quick-reply-form-scope"
            disabled={target.kind === 'edit'}
            options={quickReplyScopes.map((scope) => ({
              value: scope,
              label: t(quickReplyScopeLabelKey(scope)),
              disabled: scope === 'shop' && !canShopWide,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="shortcut"
          label={t('quickReplies.form.shortcut')}
          extra={t('quickReplies.form.shortcutHelp')}
          rules={[required, schemaRule(fields.shortcut, invalid.shortcut)]}
        >
          <Input data-testid="quick-reply-form-shortcut" prefix="/" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('quickReplies.form.title')}
          rules={[required, schemaRule(fields.title, invalid.title)]}
        >
          <Input data-testid="quick-reply-form-title" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('quickReplies.form.text')}
          rules={[required, schemaRule(fields.text, invalid.text)]}
          extra={
            <Typography.Text type="secondary">
              {t('quickReplies.form.variablesHelp')}{' '}
              {quickReplyVariables.map((name) => (
                <Tag
                  key={name}
                  style={{ cursor: 'pointer' }}
                  onClick={() => insertVariable(name)}
                  data-testid={`quick-reply-variable-${name}`}
                >
                  {`{${name}}`} {t(`quickReplies.variables.${name}`)}
                </Tag>
              ))}
            </Typography.Text>
          }
        >
          <Input.TextArea data-testid="quick-reply-form-text" rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
