// 满意度问卷: compose a questionnaire (single choice, scale, text) and send customers one-time links (no login).
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionKinds, type QuestionKind } from '@shared/follow-ups.js';
import type { Question, Questionnaire } from '@shared/schemas/feedback.js';
import { createQuestionnaire, sendQuestionnaire } from '../../api/follow-ups-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useQuestionnaires } from '../../hooks/use-follow-ups';

interface DraftQuestion {
  kind: QuestionKind;
  text: string;
  options?: string;
  max?: number;
  required?: boolean;
}
interface Draft {
  title: string;
  intro?: string;
  questions: DraftQuestion[];
}

function toQuestions(drafts: DraftQuestion[]): Question[] {
  return drafts.map((draft, index) => {
    const id = `q${index + 1}`;
    const required = draft.required ?? draft.kind !== 'text';
    if (draft.kind === 'single_choice') {
      const options = (draft.options ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return { id, kind: 'single_choice', text: draft.text, options, required };
    }
    if (draft.kind === 'scale') return { id, kind: 'scale', text: draft.text, max: draft.max ?? 5, required };
    return { id, kind: 'text', text: draft.text, required };
  });
}

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useQuestionnaires();
  const [composing, setComposing] = useState(false);
  const [sending, setSending] = useState<Questionnaire | null>(null);
  return (
    <>
      <PageHeader
        title={t('questionnaires.title')}
        description={t('questionnaires.description')}
        actions={
          <Button type="primary" onClick={() => setComposing(true)} data-testid="questionnaire-create">
            {t('questionnaires.create')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <List<Questionnaire>
          loading={list.loading}
          dataSource={list.data ?? []}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button
                  key="send"
                  onClick={() => setSending(item)}
                  data-testid={`questionnaire-send-${item.id}`}
                >
                  {t('questionnaires.send')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={item.title}
                description={`${item.questions.length} · ${t('questionnaires.counts', { sent: item.sent, answered: item.answered })}`}
              />
            </List.Item>
          )}
        />
      </Card>
      {composing ? (
        <ComposeModal
          onClose={() => setComposing(false)}
          onSaved={() => {
            setComposing(false);
            void message.success(t('questionnaires.saved'));
            list.reload();
          }}
        />
      ) : null}
      {sending ? (
        <SendModal
          questionnaire={sending}
          onClose={() => {
            setSending(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function ComposeModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Draft>();
  const { saving, error, submit } = useFormSubmit(form, { fields: ['title', 'intro', 'questions'] });
  const kindOptions = questionKinds.map((kind) => ({
    value: kind,
    label: t(`questionnaires.kinds.${kind}`),
  }));
  return (
    <Modal
      open
      width={720}
      title={t('questionnaires.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={testId('questionnaire-save')}
      destroyOnHidden
    >
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ questions: [{ kind: 'scale', text: '', max: 5 }] }}
        onFinish={(values) =>
          submit(
            () =>
              createQuestionnaire({
                title: values.title,
                intro: values.intro ?? '',
                questions: toQuestions(values.questions),
              }),
            onSaved,
          )
        }
      >
        <Form.Item name="title" label={t('questionnaires.name')} rules={[{ required: true }]}>
          <Input maxLength={120} data-testid="questionnaire-title" />
        </Form.Item>
        <Form.Item name="intro" label={t('questionnaires.intro')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button size="small" type="text" onClick={() => remove(field.name)}>
                      ✕
                    </Button>
                  }
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[field.name, 'kind']}
                      label={t('questionnaires.questionKind')}
                      style={{ minWidth: 120 }}
                    >
                      <Select options={kindOptions} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      label={t('questionnaires.questionText')}
                      rules={[{ required: true }]}
                      style={{ flex: 1, minWidth: 240 }}
                    >
                      <Input maxLength={200} data-testid={`question-text-${field.name}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'required']}
                      valuePropName="checked"
                      label={t('questionnaires.required')}
                    >
                      <Checkbox />
                    </Form.Item>
                  </Flex>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['questions', field.name, 'kind']) as QuestionKind;
                      if (kind === 'single_choice')
                        return (
                          <Form.Item
                            name={[field.name, 'options']}
                            label={t('questionnaires.options')}
                            rules={[{ required: true }]}
                          >
                            <Input.TextArea rows={3} />
                          </Form.Item>
                        );
                      if (kind === 'scale')
                        return (
                          <Form.Item name={[field.name, 'max']} label={t('questionnaires.scaleMax')}>
                            <InputNumber min={3} max={10} />
                          </Form.Item>
                        );
                      return null;
                    }}
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ kind: 'single_choice', text: '' })}>
                {t('questionnaires.addQuestion')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function SendModal({ questionnaire, onClose }: { questionnaire: Questionnaire; onClose: () => void }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState('');
  const [days, setDays] = useState(14);
  const [result, setResult] = useState<{
    links: Array<{ url: string | null; customerId: string | null }>;
    skipped: string[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = () => {
    setBusy(true);
    setError(null);
    sendQuestionnaire(questionnaire.id, {
      customerIds: ids
        .split(/\s+/)
        .map((id) => id.trim())
        .filter(Boolean),
      validDays: days,
    })
      .then(setResult, (failure: { message?: string }) => setError(failure.message ?? ''))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      title={`${t('questionnaires.sendTitle')} · ${questionnaire.title}`}
      onCancel={onClose}
      onOk={result ? onClose : send}
      confirmLoading={busy}
      okText={result ? undefined : t('questionnaires.send')}
      destroyOnHidden
    >
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      {result ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('questionnaires.links')}</Typography.Text>
          {result.links.map((link) => (
            <Typography.Text key={link.url} copyable>
              {`${window.location.origin}${link.url ?? ''}`}
            </Typography.Text>
          ))}
          {result.skipped.length > 0 ? (
            <Typography.Text type="secondary">
              {t('questionnaires.skipped', { count: result.skipped.length })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text>{t('questionnaires.customerIds')}</Typography.Text>
          <Input.TextArea rows={4} value={ids} onChange={(event) => setIds(event.target.value)} />
          <Typography.Text>{t('questionnaires.validDays')}</Typography.Text>
          <InputNumber min={1} max={60} value={days} onChange={(value) => setDays(value ?? 14)} />
        </Flex>
      )}
    </Modal>
  );
}
