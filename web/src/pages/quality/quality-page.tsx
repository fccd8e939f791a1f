// 质检: the inspectors' queue of the week's sample (with the automatic pre-check marks), my inspections with their
// appeals, the appeals a supervisor decides, and the scorecard editor.
import { App, Button, Card, DatePicker, Flex, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Appeal, Inspection, QaSample } from '@shared/schemas/quality.js';
import { appealInspection, decideAppeal, drawSamples } from '../../api/quality-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../hooks/use-locale';
import { useAction, useAppeals, useMyInspections, useSamples } from '../../hooks/use-quality';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';
import { PrecheckTags } from './precheck-tags';
import { QaSettingsCard } from './qa-settings-card';
import { ScorecardEditor } from './scorecard-editor';

export function QualityPage() {
  const { t } = useTranslation();
  const inspects = useCan('qa.inspect');
  const decides = useCan('discipline.manage');
  const manages = useCan('qa.manage');
  return (
    <>
      <PageHeader title={t('quality.title')} description={t('quality.description')} />
      <Card>
        <Tabs
          items={[
            ...(inspects
              ? [
                  {
                    key: 'queue',
                    label: <span data-testid="qa-tab-queue">{t('quality.tabs.queue')}</span>,
                    children: <SampleQueue />,
                  },
                ]
              : []),
            {
              key: 'mine',
              label: <span data-testid="qa-tab-mine">{t('quality.tabs.mine')}</span>,
              children: <MyInspections />,
            },
            ...(decides
              ? [
                  {
                    key: 'appeals',
                    label: <span data-testid="qa-tab-appeals">{t('quality.tabs.appeals')}</span>,
                    children: <AppealsToDecide />,
                  },
                ]
              : []),
            ...(manages
              ? [
                  {
                    key: 'scorecard',
                    label: <span data-testid="qa-tab-scorecard">{t('quality.tabs.scorecard')}</span>,
                    children: (
                      <>
                        <ScorecardEditor />
                        <QaSettingsCard />
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}

function SampleQueue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const timeZone = useAuthenticatedSession().shop.timezone;
  const [week, setWeek] = useState<string | undefined>(undefined);
  const samples = useSamples(week, 'all', true);
  const onDrawn = useCallback(() => samples.reload(), [samples]);
  const action = useAction(onDrawn, (text) => void message.error(text));
  const draw = () =>
    action.run('draw', async () => {
      const result = await drawSamples(week);
      setWeek(result.week);
      void message.success(t('quality.drawn', { count: result.created, week: result.week }));
    });
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="week"
          value={week ? dayjs(week) : null}
          onChange={(value) =>
            setWeek(value ? value.subtract((value.day() + 6) % 7, 'day').format('YYYY-MM-DD') : undefined)
          }
          placeholder={t('quality.week')}
        />
        <Button type="primary" loading={action.busy === 'draw'} onClick={draw} data-testid="qa-draw">
          {t('quality.draw')}
        </Button>
      </Flex>
      <ErrorAlert error={samples.error} onRetry={samples.reload} />
      <Table<QaSample>
        rowKey="id"
        size="middle"
        loading={samples.loading}
        dataSource={samples.data ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="qa-queue"
        columns={[
          { key: 'agent', title: t('quality.columns.agent'), render: (_v, row) => row.agentName },
          {
            key: 'subject',
            title: t('quality.columns.subject'),
            render: (_v, row) => (
              <Space direction="vertical" size={0}>
                <Tag>{t(`quality.subjectKinds.${row.subjectKind}`)}</Tag>
                <Typography.Text type="secondary">
                  {formatInstant(row.subjectAt, timeZone, locale)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'reasons',
            title: t('quality.columns.reasons'),
            render: (_v, row) =>
              row.reasons.map((reason) => (
                <Tag key={reason} color={reason === 'random' ? 'default' : 'orange'}>
                  {t(`quality.reasons.${reason}`)}
                </Tag>
              )),
          },
          {
            key: 'prechecks',
            title: t('quality.columns.prechecks'),
            render: (_v, row) => <PrecheckTags marks={row.prechecks} />,
          },
          {
            key: 'status',
            title: t('quality.columns.status'),
            render: (_v, row) =>
              row.inspectionId ? (
                <Tag color="green">{t('quality.inspected')}</Tag>
              ) : (
                <Tag color="blue">{t('quality.open')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('quality.columns.actions'),
            render: (_v, row) => (
              <Link to={`/quality/samples/${row.id}`} data-testid={`qa-open-${row.subjectId}`}>
                {row.inspectionId ? t('quality.view') : t('quality.inspect')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}

function MyInspections() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const timeZone = useAuthenticatedSession().shop.timezone;
  const inspections = useMyInspections();
  const [target, setTarget] = useState<Inspection | null>(null);
  const [reason, setReason] = useState('');
  const onDone = useCallback(() => {
    setTarget(null);
    setReason('');
    inspections.reload();
    void message.success(t('quality.appeal.filed'));
  }, [inspections, message, t]);
  const action = useAction(onDone, (text) => void message.error(text));
  return (
    <>
      <ErrorAlert error={inspections.error} onRetry={inspections.reload} />
      <Table<Inspection>
        rowKey="id"
        size="middle"
        loading={inspections.loading}
        dataSource={inspections.data ?? []}
        data-testid="qa-my-inspections"
        columns={[
          { key: 'agent', title: t('quality.columns.agent'), render: (_v, row) => row.agentName },
          {
            key: 'time',
            title: t('quality.columns.inspectedAt'),
            render: (_v, row) => formatInstant(row.inspectedAt, timeZone, locale),
          },
          {
            key: 'score',
            title: t('quality.columns.score'),
            render: (_v, row) => (
              <Typography.Text strong data-testid={`qa-score-${row.id}`}>
                {row.score}
              </Typography.Text>
            ),
          },
          {
            key: 'points',
            title: t('quality.columns.points'),
            render: (_v, row) => (
              <span data-testid={`qa-points-${row.id}`}>
                {row.reversed ? <Typography.Text delete>{row.points}</Typography.Text> : row.points}
              </span>
            ),
          },
          {
            key: 'appeal',
            title: t('quality.columns.appeal'),
            render: (_v, row) =>
              row.appeal ? (
                <Tag
                  color={
                    row.appeal.status === 'upheld'
                      ? 'green'
                      : row.appeal.status === 'rejected'
                        ? 'red'
                        : 'gold'
                  }
                >
                  {t(`quality.appeal.statuses.${row.appeal.status}`)}
                </Tag>
              ) : row.canAppeal ? (
                <Typography.Text type="secondary">
                  {t('quality.appeal.window', { time: formatInstant(row.appealDueAt, timeZone, locale) })}
                </Typography.Text>
              ) : null,
          },
          {
            key: 'actions',
            title: t('quality.columns.actions'),
            render: (_v, row) => (
              <Space>
                <Link to={`/quality/samples/${row.sampleId}`}>{t('quality.view')}</Link>
                {row.canAppeal ? (
                  <Button
                    size="small"
                    onClick={() => setTarget(row)}
                    data-testid={`qa-appeal-button-${row.id}`}
                  >
                    {t('quality.appeal.button')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={t('quality.appeal.button')}
        okText={t('quality.appeal.submit')}
        okButtonProps={{
          disabled: reason.trim() === '',
          loading: action.busy !== null,
          ...{ 'data-testid': 'qa-appeal-submit' },
        }}
        onOk={() => target && action.run(target.id, () => appealInspection(target.id, reason))}
        onCancel={() => setTarget(null)}
      >
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder={t('quality.appeal.reason')}
          data-testid="qa-appeal-reason"
        />
      </Modal>
    </>
  );
}

function AppealsToDecide() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const timeZone = useAuthenticatedSession().shop.timezone;
  const appeals = useAppeals(true);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const onDone = useCallback(() => appeals.reload(), [appeals]);
  const action = useAction(onDone, (text) => void message.error(text));
  return (
    <>
      <ErrorAlert error={appeals.error} onRetry={appeals.reload} />
      <Table<Appeal>
        rowKey="id"
        size="middle"
        loading={appeals.loading}
        dataSource={appeals.data ?? []}
        data-testid="qa-appeals"
        columns={[
          { key: 'who', title: t('quality.columns.agent'), render: (_v, row) => row.userName },
          {
            key: 'subject',
            title: t('quality.columns.subject'),
            render: (_v, row) => t(`quality.appeal.subjects.${row.subjectKind}`),
          },
          {
            key: 'time',
            title: t('quality.columns.filedAt'),
            render: (_v, row) => formatInstant(row.createdAt, timeZone, locale),
          },
          {
            key: 'reason',
            title: t('quality.appeal.reason'),
            render: (_v, row) => <Typography.Text>{row.reason}</Typography.Text>,
          },
          {
            key: 'status',
            title: t('quality.columns.status'),
            render: (_v, row) => (
              <Space direction="vertical" size={0}>
                <Tag>{t(`quality.appeal.statuses.${row.status}`)}</Tag>
                {row.decidedByName ? (
                  <Typography.Text type="secondary">
                    {row.decidedByName}：{row.decisionNote}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('quality.columns.actions'),
            render: (_v, row) =>
              row.status === 'pending' ? (
                <Space direction="vertical">
                  <Input
                    size="small"
                    placeholder={t('quality.decide.note')}
                    value={notes[row.id] ?? ''}
                    onChange={(event) => setNotes({ ...notes, [row.id]: event.target.value })}
                  />
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      loading={action.busy === row.id}
                      onClick={() =>
                        action.run(row.id, () => decideAppeal(row.id, 'upheld', notes[row.id] ?? ''))
                      }
                      data-testid={`appeal-uphold-${row.id}`}
                    >
                      {t('quality.decide.uphold')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      loading={action.busy === row.id}
                      onClick={() =>
                        action.run(row.id, () => decideAppeal(row.id, 'rejected', notes[row.id] ?? ''))
                      }
                    >
                      {t('quality.decide.reject')}
                    </Button>
                  </Space>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
