// The inspection workspace: the transcript (or call record) with the pre-check marks beside the scorecard; the
// inspector gives points per item, anchors comments to messages and sees the score and the deduction it makes.
import { CommentOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { deductionPoints, scoreInspection } from '@shared/quality-score.js';
import type { InspectionWorkspace } from '@shared/schemas/quality.js';
import { inspectSample } from '../../api/quality-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { useLocale } from '../../hooks/use-locale';
import { useSave, useWorkspace } from '../../hooks/use-quality';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';
import { PrecheckTags } from './precheck-tags';

export function InspectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const workspace = useWorkspace(id);
  return (
    <>
      <PageHeader
        title={t('quality.workspace.title')}
        actions={<Link to="/quality">{t('quality.workspace.back')}</Link>}
      />
      <ErrorAlert error={workspace.error} onRetry={workspace.reload} />
      {workspace.data ? (
        <Workspace data={workspace.data} onSaved={workspace.reload} />
      ) : workspace.loading ? (
        <PageLoading />
      ) : null}
    </>
  );
}

interface Comment {
  messageId: string | null;
  text: string;
}

function Workspace({ data, onSaved }: { data: InspectionWorkspace; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const timeZone = useAuthenticatedSession().shop.timezone;
  const inspects = useCan('qa.inspect');
  const done = data.inspection;
  const items = data.scorecard.items;
  const [scores, setScores] = useState<Record<string, number>>(
    () => done?.scores ?? Object.fromEntries(items.map((item) => [item.key, item.points])),
  );
  const [comments, setComments] = useState<Comment[]>(() => done?.comments ?? []);
  const [draft, setDraft] = useState<Comment | null>(null);
  const [summary, setSummary] = useState(done?.summary ?? '');
  const { saving, save } = useSave();
  const { score } = useMemo(() => scoreInspection(items, scores), [items, scores]);
  const readOnly = done !== null || !inspects;
  const marksOf = (messageId: string) => data.sample.prechecks.filter((mark) => mark.messageId === messageId);

  const submit = () =>
    save(
      () => inspectSample(data.sample.id, { scores, comments, summary }),
      (inspection) => {
        void message.success(
          t('quality.workspace.submitted', { score: inspection.score, points: inspection.points }),
        );
        onSaved();
        void navigate(`/quality/samples/${data.sample.id}`, { replace: true });
      },
    );

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Space>
              {data.sample.agentName}
              <Tag>{t(`quality.subjectKinds.${data.sample.subjectKind}`)}</Tag>
              {data.sample.reasons.map((reason) => (
                <Tag key={reason} color={reason === 'random' ? 'default' : 'orange'}>
                  {t(`quality.reasons.${reason}`)}
                </Tag>
              ))}
            </Space>
          }
          data-testid="qa-transcript"
        >
          <div style={{ marginBottom: 12 }} data-testid="qa-prechecks">
            <Typography.Text strong>{t('quality.columns.prechecks')}：</Typography.Text>
            <PrecheckTags marks={data.sample.prechecks} />
          </div>
          {data.call ? (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('quality.call.startedAt')}>
                {formatInstant(data.call.startedAt, timeZone, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.call.rings')}>
                {data.call.ringsBeforeAnswer ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.call.matter')}>{data.call.matter ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('quality.call.handling')}>
                {data.call.handling ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.call.reaction')}>
                {data.call.customerReaction ?? ''}
              </Descriptions.Item>
            </Descriptions>
          ) : data.transcript.length === 0 ? (
            <Empty />
          ) : (
            <List
              dataSource={data.transcript}
              renderItem={(line) => {
                const anchored = comments.filter((comment) => comment.messageId === line.id);
                return (
                  <List.Item
                    data-testid={`qa-line-${line.seq}`}
                    style={{
                      alignItems: 'flex-start',
                      background: marksOf(line.id).length > 0 ? '#fff1f0' : undefined,
                      paddingInline: 8,
                    }}
                    actions={
                      readOnly
                        ? []
                        : [
                            <Button
                              key="comment"
                              size="small"
                              type="link"
                              onClick={() => setDraft({ messageId: line.id, text: '' })}
                              data-testid={`qa-comment-on-${line.seq}`}
                            >
                              {t('quality.workspace.addComment')}
                            </Button>,
                          ]
                    }
                  >
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <Space size={8}>
                        <Tag
                          color={
                            line.authorKind === 'agent'
                              ? 'blue'
                              : line.authorKind === 'customer'
                                ? 'default'
                                : 'purple'
                          }
                        >
                          {t(`quality.workspace.authors.${line.authorKind}`)}
                        </Tag>
                        <Typography.Text type="secondary">
                          {formatInstant(line.at, timeZone, locale)}
                        </Typography.Text>
                        {line.internal ? <Tag>{t('quality.workspace.internal')}</Tag> : null}
                      </Space>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{line.text}</Typography.Text>
                      {marksOf(line.id).length > 0 ? <PrecheckTags marks={marksOf(line.id)} /> : null}
                      {anchored.map((comment, index) => (
                        <Typography.Text key={index} type="warning" data-testid="qa-anchored-comment">
                          <CommentOutlined /> {comment.text}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
          {draft ? (
            <Flex gap={8} style={{ marginTop: 12 }}>
              <Input
                autoFocus
                value={draft.text}
                placeholder={t('quality.workspace.commentPlaceholder')}
                onChange={(event) => setDraft({ ...draft, text: event.target.value })}
                data-testid="qa-comment-text"
              />
              <Button
                type="primary"
                disabled={draft.text.trim() === ''}
                onClick={() => {
                  setComments([...comments, { messageId: draft.messageId, text: draft.text.trim() }]);
                  setDraft(null);
                }}
                data-testid="qa-comment-add"
              >
                {t('common.confirm')}
              </Button>
            </Flex>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card
          title={`${data.scorecard.name} · ${t('quality.scorecard.version', { version: data.scorecard.version })}`}
          extra={
            <Space>
              <Typography.Text strong data-testid="qa-live-score">
                {t('quality.workspace.total', { score: done?.score ?? score })}
              </Typography.Text>
              <Tag
                color={deductionPoints(done?.score ?? score) > 0 ? 'red' : 'green'}
                data-testid="qa-live-deduction"
              >
                {t('quality.workspace.deduction', { points: deductionPoints(done?.score ?? score) })}
              </Tag>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {items.map((item) => (
              <Flex key={item.key} justify="space-between" align="center" gap={8}>
                <Tooltip
                  title={
                    <>
                      {item.guidance}
                      <br />
                      {t('quality.scorecard.zeroCases')}：{item.zeroCases}
                    </>
                  }
                >
                  <Typography.Text>
                    {item.title}{' '}
                    {item.critical ? <Tag color="red">{t('quality.scorecard.critical')}</Tag> : null}
                  </Typography.Text>
                </Tooltip>
                <Space>
                  <InputNumber
                    min={0}
                    max={item.points}
                    value={scores[item.key]}
                    disabled={readOnly}
                    onChange={(value) => setScores({ ...scores, [item.key]: value ?? 0 })}
                    data-testid={`qa-item-${item.key}`}
                  />
                  <Typography.Text type="secondary">/ {item.points}</Typography.Text>
                </Space>
              </Flex>
            ))}
            <Input.TextArea
              rows={3}
              value={summary}
              disabled={readOnly}
              onChange={(event) => setSummary(event.target.value)}
              placeholder={t('quality.workspace.summary')}
            />
            <Typography.Text type="secondary">{t('quality.workspace.capNote')}</Typography.Text>
            {done ? (
              <Descriptions size="small" column={1} bordered data-testid="qa-result">
                <Descriptions.Item label={t('quality.columns.inspector')}>
                  {done.inspectorName}
                </Descriptions.Item>
                <Descriptions.Item label={t('quality.columns.points')}>
                  {done.reversed ? <Typography.Text delete>{done.points}</Typography.Text> : done.points}
                </Descriptions.Item>
                {done.appeal ? (
                  <Descriptions.Item label={t('quality.columns.appeal')}>
                    {t(`quality.appeal.statuses.${done.appeal.status}`)}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            ) : inspects ? (
              <Button type="primary" block loading={saving} onClick={submit} data-testid="qa-submit">
                {t('quality.workspace.submit')}
              </Button>
            ) : null}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
