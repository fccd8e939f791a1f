// The performance score's metrics, weights and targets (docs/metrics.md §5), for holders of metrics.manage.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { metricKeys, metricLabels, type MetricKey } from '@shared/metrics.js';
import { getScoreSettings, saveScoreSettings } from '../../api/metrics-api';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLocale } from '../../hooks/use-locale';

interface Values {
  items: { metric: MetricKey; weight: number; target: number }[];
}

export function ScoreSettingsModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useFormSubmit(form, { fields: ['items'] });

  useEffect(() => {
    void getScoreSettings().then((settings) => form.setFieldsValue({ items: settings.items }));
  }, [form]);

  const onSubmit = () => {
    void form.validateFields().then((values) =>
      submit(
        () => saveScoreSettings(values.items ?? []),
        () => onClose(true),
      ),
    );
  };

  return (
    <FormModal
      title={t('metrics.scoreSettings')}
      okText={t('common.save')}
      testIdPrefix="score-settings"
      saving={saving}
      error={error}
      onSubmit={onSubmit}
      onCancel={() => onClose(false)}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ items: [] }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={[field.name, 'metric']}
                    label={t('metrics.settings.metric')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      style={{ width: 220 }}
                      options={metricKeys.map((key) => ({ value: key, label: metricLabels[locale][key] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weight']}
                    label={t('metrics.settings.weight')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={100} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'target']}
                    label={t('metrics.settings.target')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 1, target: 1 })}>
                {t('metrics.settings.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
