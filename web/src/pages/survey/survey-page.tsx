// The page behind a survey link (no login): the shop's name and the questions, or the verdict on a work order; a
// forged, expired or already answered link gets a clear page instead. Nothing else of the shop is reachable here.
import { Button, Card, Flex, Form, Input, Radio, Rate, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { satisfactionLevels } from '@shared/work-orders.js';
import type { Question } from '@shared/schemas/feedback.js';
import { toApiError } from '../../api/client';
import { answerPublicSurvey } from '../../api/follow-ups-api';
import { LangSwitch } from '../../components/lang-switch';
import { PageLoading } from '../../components/page-loading';
import { usePublicSurvey } from '../../hooks/use-follow-ups';

type Values = Record<string, string | number | undefined>;

export function SurveyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const survey = usePublicSurvey(token);
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const frame = (content: React.ReactNode) => (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5' }}>
      <div style={{ width: '100%', maxWidth: 640 }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LangSwitch />
        </Flex>
        {content}
      </div>
    </Flex>
  );

  if (survey.error)
    return frame(
      <Result
        status={survey.error.status === 410 ? 'warning' : 'error'}
        title={t('survey.invalidTitle')}
        subTitle={<span data-testid="survey-refused">{survey.error.message}</span>}
      />,
    );
  if (!survey.data) return frame(<PageLoading />);
  const data = survey.data;
  if (done || data.answered)
    return frame(
      <Result
        status="success"
        title={<span data-testid="survey-done">{done ? t('survey.thanks') : t('survey.answered')}</span>}
        subTitle={done ? t('survey.thanksDetail') : undefined}
      />,
    );

  const onFinish = (values: Values) => {
    setBusy(true);
    setFailure(null);
    const answers = Object.fromEntries(
      data.questions.flatMap((question) => {
        const value = values[question.id];
        return value === undefined || value === '' ? [] : [[question.id, value]];
      }),
    );
    answerPublicSurvey(token, {
      answers,
      comment: typeof values.comment === 'string' ? values.comment : '',
      ...(data.kind === 'verdict'
        ? { satisfaction: values.satisfaction as (typeof satisfactionLevels)[number] }
        : {}),
    })
      .then(
        () => setDone(true),
        (error: unknown) => setFailure(toApiError(error).message),
      )
      .finally(() => setBusy(false));
  };

  const field = (question: Question) => {
    switch (question.kind) {
      case 'single_choice':
        return <Radio.Group options={question.options.map((option) => ({ value: option, label: option }))} />;
      case 'scale':
        return <Rate count={question.max} />;
      case 'text':
        return <Input.TextArea rows={3} maxLength={2000} />;
    }
  };

  return frame(
    <Card>
      <Typography.Text type="secondary">{data.shopName}</Typography.Text>
      <Typography.Title level={3} data-testid="survey-title">
        {data.title}
      </Typography.Title>
      {data.intro ? <Typography.Paragraph>{data.intro}</Typography.Paragraph> : null}
      {failure ? <Typography.Paragraph type="danger">{failure}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {data.kind === 'verdict' ? (
          <Form.Item
            name="satisfaction"
            label={t('survey.verdictHint')}
            rules={[{ required: true, message: t('survey.required') }]}
          >
            <Radio.Group data-testid="survey-verdict">
              {satisfactionLevels.map((level) => (
                <Radio.Button key={level} value={level}>
                  <span data-testid={`verdict-${level}`}>{t(`satisfaction.${level}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : (
          data.questions.map((question) => (
            <Form.Item
              key={question.id}
              name={question.id}
              label={question.text}
              rules={question.required ? [{ required: true, message: t('survey.required') }] : []}
            >
              {field(question)}
            </Form.Item>
          ))
        )}
        <Form.Item name="comment" label={t('survey.comment')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="survey-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="survey-submit">
          {t('survey.submit')}
        </Button>
      </Form>
    </Card>,
  );
}
