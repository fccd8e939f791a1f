// 交接班与培训: shift hand-overs (a note with my open chats, work orders and due follow-ups attached, acknowledged by
// the next agent) and training sessions with attendance, assessment scores and the new-agent flag.
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { trainingKinds, type TrainingKind } from '@shared/quality.js';
import type { Handover, TrainingSession } from '@shared/schemas/quality.js';
import {
  acknowledgeHandover,
  createHandover,
  createTraining,
  listHandovers,
  listQualityResults,
  listTraining,
  recordAttendance,
} from '../../api/handover-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAgents } from '../../hooks/use-agents';
import { useApiQuery } from '../../hooks/use-api-query';
import { useLocale } from '../../hooks/use-locale';
import { useAction } from '../../hooks/use-quality';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

export function HandoverPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('handover.title')} description={t('handover.description')} />
      <Card>
        <Tabs
          items={[
            { key: 'handover', label: t('handover.tabs.handover'), children: <Handovers /> },
            {
              key: 'training',
              label: <span data-testid="tab-training">{t('handover.tabs.training')}</span>,
              children: <Training />,
            },
          ]}
        />
      </Card>
    </>
  );
}

function Handovers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const session = useAuthenticatedSession();
  const handovers = useApiQuery('handovers', listHandovers);
  const [note, setNote] = useState('');
  const onDone = useCallback(() => {
    setNote('');
    handovers.reload();
  }, [handovers]);
  const action = useAction(onDone, (text) => void message.error(text));
  return (
    <>
      <ErrorAlert error={handovers.error} onRetry={handovers.reload} />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Input.TextArea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={t('handover.notePlaceholder')}
          data-testid="handover-note"
        />
        <Button
          type="primary"
          disabled={note.trim() === ''}
          loading={action.busy === 'new'}
          onClick={() => action.run('new', () => createHandover(note))}
          data-testid="handover-submit"
        >
          {t('handover.submit')}
        </Button>
      </Flex>
      <List<Handover>
        loading={handovers.loading}
        dataSource={handovers.data ?? []}
        renderItem={(item) => (
          <List.Item
            actions={
              !item.acknowledgedAt && item.fromUserId !== session.user.id
                ? [
                    <Button
                      key="ack"
                      size="small"
                      loading={action.busy === item.id}
                      onClick={() => action.run(item.id, () => acknowledgeHandover(item.id))}
                    >
                      {t('handover.acknowledge')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={2}>
              <Space>
                <Typography.Text strong>{item.fromName}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatInstant(item.createdAt, session.shop.timezone, locale)}
                </Typography.Text>
                {item.acknowledgedAt ? (
                  <Tag color="green">{t('handover.acknowledgedBy', { name: item.acknowledgedByName })}</Tag>
                ) : (
                  <Tag color="gold">{t('handover.waiting')}</Tag>
                )}
              </Space>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.note}</Typography.Text>
              <Typography.Text type="secondary">
                {t('handover.items', {
                  chats: item.chats.length,
                  workOrders: item.workOrders.length,
                  followUps: item.followUps.length,
                })}
              </Typography.Text>
              {item.workOrders.map((order) => (
                <Link key={order.id} to={`/work-orders/${order.id}`}>
                  #{order.number} {order.title}
                </Link>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

function Training() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const manages = useCan('training.manage');
  const sessions = useApiQuery('training', listTraining);
  const results = useApiQuery('quality-results', listQualityResults);
  const [creating, setCreating] = useState(false);
  const [attendanceOf, setAttendanceOf] = useState<TrainingSession | null>(null);
  const reload = useCallback(() => {
    sessions.reload();
    results.reload();
  }, [sessions, results]);
  return (
    <>
      <ErrorAlert error={sessions.error ?? results.error} onRetry={reload} />
      <Typography.Title level={5}>{t('handover.training.results')}</Typography.Title>
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        loading={results.loading}
        dataSource={results.data ?? []}
        style={{ marginBottom: 24 }}
        columns={[
          {
            key: 'name',
            title: t('handover.training.agent'),
            render: (_v, row) => (
              <Space>
                {row.userName}
                {row.newAgent ? <Tag color="blue">{t('handover.training.newAgent')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'inspections', title: t('handover.training.inspections'), dataIndex: 'inspections' },
          {
            key: 'avg',
            title: t('handover.training.averageScore'),
            render: (_v, row) => row.averageScore ?? '—',
          },
          { key: 'points', title: t('handover.training.points'), dataIndex: 'disciplinePointsThisMonth' },
          { key: 'trainings', title: t('handover.training.trainings'), dataIndex: 'trainings' },
          {
            key: 'score',
            title: t('handover.training.lastScore'),
            render: (_v, row) => row.lastAssessmentScore ?? '—',
          },
        ]}
      />
      <Flex justify="space-between" align="center">
        <Typography.Title level={5}>{t('handover.training.sessions')}</Typography.Title>
        {manages ? <Button onClick={() => setCreating(true)}>{t('handover.training.create')}</Button> : null}
      </Flex>
      <Table<TrainingSession>
        rowKey="id"
        size="small"
        loading={sessions.loading}
        dataSource={sessions.data ?? []}
        columns={[
          { key: 'day', title: t('handover.training.heldOn'), dataIndex: 'heldOn' },
          {
            key: 'kind',
            title: t('handover.training.kind'),
            render: (_v, row) => <Tag>{t(`handover.training.kinds.${row.kind}`)}</Tag>,
          },
          { key: 'title', title: t('handover.training.sessionTitle'), dataIndex: 'title' },
          { key: 'trainer', title: t('handover.training.trainer'), dataIndex: 'trainer' },
          {
            key: 'attendees',
            title: t('handover.training.attendees'),
            render: (_v, row) =>
              row.attendees.map((a) => (
                <Tag key={a.userId} color={a.passed ? 'green' : a.attended ? 'default' : 'red'}>
                  {a.userName}
                  {a.score !== null ? ` ${a.score}` : ''}
                </Tag>
              )),
          },
          ...(manages
            ? [
                {
                  key: 'actions',
                  render: (_v: unknown, row: TrainingSession) => (
                    <Button size="small" onClick={() => setAttendanceOf(row)}>
                      {t('handover.training.attendance')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating ? (
        <CreateTrainingModal
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            reload();
          }}
          onError={(text) => void message.error(text)}
        />
      ) : null}
      {attendanceOf ? (
        <AttendanceModal
          session={attendanceOf}
          onClose={() => setAttendanceOf(null)}
          onSaved={() => {
            setAttendanceOf(null);
            reload();
          }}
          onError={(text) => void message.error(text)}
        />
      ) : null}
    </>
  );
}

interface ModalProps {
  onClose: () => void;
  onSaved: () => void;
  onError: (message: string) => void;
}

function CreateTrainingModal({ onClose, onSaved, onError }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: TrainingKind; title: string; heldOn: Dayjs; trainer: string }>();
  return (
    <Modal
      open
      title={t('handover.training.create')}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (values) =>
            createTraining({ ...values, heldOn: values.heldOn.format('YYYY-MM-DD') }).then(
              onSaved,
              (error: unknown) => onError(error instanceof Error ? error.message : String(error)),
            ),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'new_hire', heldOn: dayjs(), trainer: '' }}>
        <Form.Item name="kind" label={t('handover.training.kind')}>
          <Select
            options={trainingKinds.map((kind) => ({
              value: kind,
              label: t(`handover.training.kinds.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('handover.training.sessionTitle')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label={t('handover.training.heldOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="trainer" label={t('handover.training.trainer')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AttendanceModal({ session, onClose, onSaved, onError }: ModalProps & { session: TrainingSession }) {
  const { t } = useTranslation();
  const agents = useAgents({});
  const [rows, setRows] = useState<
    Record<string, { attended: boolean; score: number | null; passed: boolean }>
  >(() =>
    Object.fromEntries(
      session.attendees.map((a) => [a.userId, { attended: a.attended, score: a.score, passed: a.passed }]),
    ),
  );
  const save = () =>
    recordAttendance(session.id, {
      attendees: Object.entries(rows).map(([userId, row]) => ({ userId, ...row })),
    }).then(onSaved, (error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  return (
    <Modal open width={640} title={session.title} onCancel={onClose} onOk={save}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={agents.loading}
        dataSource={agents.agents}
        columns={[
          { key: 'name', title: t('handover.training.agent'), dataIndex: 'displayName' },
          {
            key: 'attended',
            title: t('handover.training.attended'),
            render: (_v, agent) => (
              <Switch
                checked={rows[agent.id]?.attended ?? false}
                onChange={(attended) =>
                  setRows({
                    ...rows,
                    [agent.id]: { score: null, passed: false, ...rows[agent.id], attended },
                  })
                }
              />
            ),
          },
          {
            key: 'score',
            title: t('handover.training.score'),
            render: (_v, agent) => (
              <InputNumber
                min={0}
                max={100}
                value={rows[agent.id]?.score ?? null}
                onChange={(score) =>
                  setRows({
                    ...rows,
                    [agent.id]: { attended: true, passed: false, ...rows[agent.id], score },
                  })
                }
              />
            ),
          },
          {
            key: 'passed',
            title: t('handover.training.passed'),
            render: (_v, agent) => (
              <Switch
                checked={rows[agent.id]?.passed ?? false}
                onChange={(passed) =>
                  setRows({ ...rows, [agent.id]: { attended: true, score: null, ...rows[agent.id], passed } })
                }
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
