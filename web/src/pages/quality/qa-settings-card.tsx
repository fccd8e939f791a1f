// The sampling and pre-check settings: sample sizes per agent, the first-reply limit, what counts as a long chat,
// the shop's forbidden and greeting words, and the appeal window in workdays.
import { App, Button, Card, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaSettings } from '@shared/schemas/quality.js';
import { getQaSettings, updateQaSettings } from '../../api/quality-api';
import { ErrorAlert } from '../../components/error-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSave } from '../../hooks/use-quality';

export function QaSettingsCard() {
  const settings = useApiQuery('qa-settings', getQaSettings);
  return (
    <>
      <ErrorAlert error={settings.error} onRetry={settings.reload} />
      {settings.data ? <SettingsForm initial={settings.data} onSaved={settings.reload} /> : null}
    </>
  );
}

function SettingsForm({ initial, onSaved }: { initial: QaSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { saving, save: send } = useSave();
  const save = (values: QaSettings) =>
    send(
      () => updateQaSettings(values),
      () => {
        void message.success(t('common.saved'));
        onSaved();
      },
    );
  const number = (name: keyof QaSettings, min: number, max: number) => (
    <Form.Item
      name={name}
      label={t(`quality.settings.${name}`)}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <InputNumber min={min} max={max} />
    </Form.Item>
  );
  return (
    <Card title={t('quality.settings.title')} style={{ marginTop: 16 }}>
      <Form<QaSettings> layout="inline" initialValues={initial} onFinish={save} style={{ rowGap: 12 }}>
        {number('chatsPerAgent', 0, 50)}
        {number('callsPerAgent', 0, 50)}
        {number('firstReplyLimitSeconds', 1, 3600)}
        {number('longChatMessages', 2, 1000)}
        {number('appealWorkdays', 1, 30)}
        <Form.Item
          name="forbiddenWords"
          label={t('quality.settings.forbiddenWords')}
          style={{ minWidth: 420 }}
        >
          <Select mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="greetingWords" label={t('quality.settings.greetingWords')} style={{ minWidth: 420 }}>
          <Select mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
