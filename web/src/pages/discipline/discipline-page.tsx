// 纪律积分: the month's ledger. Agents see their own entries and total and appeal an entry; supervisors see every
// person's monthly total, run detection, add entries by hand with evidence. Everyone submits the daily data report.
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '@shared/schemas/quality.js';
import { disciplineRuleKeys } from '@shared/quality.js';
import { formatLocalDate } from '@shared/business-time.js';
import { toZonedParts } from '@shared/zoned-time.js';
import { addManualEntry, appealEntry, runDetection, submitDailyReport } from '../../api/quality-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAgents } from '../../hooks/use-agents';
import { useLocale } from '../../hooks/use-locale';
import { useAction, useLedger, useSave } from '../../hooks/use-quality';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

export function DisciplinePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const session = useAuthenticatedSession();
  const timeZone = session.shop.timezone;
  const manages = useCan('discipline.manage');
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [person, setPerson] = useState<string | undefined>(undefined);
  const ledger = useLedger(month, person);
  const [appealTarget, setAppealTarget] = useState<LedgerEntry | null>(null);
  const [reason, setReason] = useState('');
  const [manualOpen, setManualOpen] = useState(false);
  const reload = useCallback(() => {
    setAppealTarget(null);
    setReason('');
    ledger.reload();
  }, [ledger]);
  const action = useAction(reload, (text) => void message.error(text));
  const myTotal = ledger.data?.totals.find((total) => total.userId === session.user.id)?.points ?? 0;

  return (
    <>
      <PageHeader
        title={t('discipline.title')}
        description={t('discipline.description')}
        actions={
          manages ? (
            <>
              <Button
                loading={action.busy === 'detect'}
                onClick={() =>
                  action.run('detect', async () => {
                    const result = await runDetection();
                    void message.success(t('discipline.detected', { count: result.created }));
                  })
                }
                data-testid="discipline-detect"
              >
                {t('discipline.runDetection')}
              </Button>
              <Button type="primary" onClick={() => setManualOpen(true)} data-testid="discipline-add">
                {t('discipline.addEntry')}
              </Button>
            </>
          ) : null
        }
      />
      <ErrorAlert error={ledger.error} onRetry={ledger.reload} />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Card style={{ minWidth: 260 }}>
          <Space direction="vertical">
            <DatePicker
              picker="month"
              value={dayjs(ledger.data?.month ?? month ?? dayjs().format('YYYY-MM'))}
              onChange={(value: Dayjs | null) => setMonth(value ? value.format('YYYY-MM') : undefined)}
              allowClear={false}
            />
            {!manages ? (
              <Statistic
                title={t('discipline.myTotal')}
                value={myTotal}
                precision={1}
                valueStyle={{ color: myTotal > 0 ? '#cf1322' : undefined }}
                data-testid="discipline-my-total"
              />
            ) : null}
          </Space>
        </Card>
        {manages ? (
          <Card title={t('discipline.totals')} style={{ flex: 1, minWidth: 320 }}>
            <Table
              rowKey="userId"
              size="small"
              pagination={false}
              loading={ledger.loading}
              dataSource={ledger.data?.totals ?? []}
              data-testid="discipline-totals"
              onRow={(row) => ({
                onClick: () => setPerson(person === row.userId ? undefined : row.userId),
                style: { cursor: 'pointer' },
              })}
              columns={[
                {
                  key: 'name',
                  title: t('discipline.columns.person'),
                  render: (_v, row) => (
                    <span data-testid={`discipline-total-name-${row.userId}`}>
                      {row.userName}
                      {person === row.userId ? ' ✓' : ''}
                    </span>
                  ),
                },
                { key: 'entries', title: t('discipline.columns.entries'), dataIndex: 'entries' },
                {
                  key: 'points',
                  title: t('discipline.columns.total'),
                  render: (_v, row) => (
                    <Typography.Text strong data-testid={`discipline-total-${row.userId}`}>
                      {row.points}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
        <DailyReportCard />
      </Flex>
      <Card title={t('discipline.entries')}>
        <Table<LedgerEntry>
          rowKey="id"
          size="middle"
          loading={ledger.loading}
          dataSource={ledger.data?.entries ?? []}
          data-testid="discipline-entries"
          columns={[
            {
              key: 'time',
              title: t('discipline.columns.time'),
              width: 170,
              render: (_v, row) => formatInstant(row.occurredAt, timeZone, locale),
            },
            ...(manages
              ? [
                  {
                    key: 'person',
                    title: t('discipline.columns.person'),
                    render: (_v: unknown, row: LedgerEntry) => row.userName,
                  },
                ]
              : []),
            { key: 'rule', title: t('discipline.columns.rule'), render: (_v, row) => row.ruleName },
            {
              key: 'points',
              title: t('discipline.columns.points'),
              render: (_v, row) => (
                <Space size={4}>
                  {row.reversed ? (
                    <Typography.Text delete>{row.points}</Typography.Text>
                  ) : (
                    <Typography.Text type={row.points < 0 ? 'success' : 'danger'}>
                      {row.points}
                    </Typography.Text>
                  )}
                  {row.doubled ? (
                    <Tag color="volcano">{t('discipline.doubled', { repeat: row.repeatNo })}</Tag>
                  ) : null}
                  {row.kind === 'reversal' ? <Tag color="green">{t('discipline.reversal')}</Tag> : null}
                </Space>
              ),
            },
            {
              key: 'evidence',
              title: t('discipline.columns.evidence'),
              render: (_v, row) => (
                <Space direction="vertical" size={0}>
                  <Tag>{t(`discipline.evidenceKinds.${row.evidenceKind}`)}</Tag>
                  {row.note ? (
                    <Typography.Text type="secondary">
                      {row.ruleKey === 'qa_inspection' && row.kind === 'violation'
                        ? t('discipline.qaScore', { score: row.note })
                        : row.note}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('discipline.columns.status'),
              render: (_v, row) =>
                row.appeal ? (
                  <Tag>{t(`quality.appeal.statuses.${row.appeal.status}`)}</Tag>
                ) : row.reversed ? (
                  <Tag color="green">{t('discipline.reversed')}</Tag>
                ) : null,
            },
            {
              key: 'actions',
              title: t('discipline.columns.actions'),
              render: (_v, row) =>
                row.userId === session.user.id &&
                row.kind === 'violation' &&
                !row.reversed &&
                !row.appeal &&
                row.ruleKey !== 'qa_inspection' ? (
                  <Button
                    size="small"
                    onClick={() => setAppealTarget(row)}
                    data-testid={`discipline-appeal-${row.id}`}
                  >
                    {t('quality.appeal.button')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={appealTarget !== null}
        title={t('quality.appeal.button')}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => appealTarget && action.run(appealTarget.id, () => appealEntry(appealTarget.id, reason))}
        onCancel={() => setAppealTarget(null)}
      >
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder={t('quality.appeal.reason')}
        />
      </Modal>
      {manualOpen ? (
        <ManualEntryModal
          onClose={() => setManualOpen(false)}
          onSaved={() => {
            setManualOpen(false);
            ledger.reload();
          }}
        />
      ) : null}
    </>
  );
}

function ManualEntryModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const agents = useAgents({});
  const [form] = Form.useForm<{
    userId: string;
    ruleKey: (typeof disciplineRuleKeys)[number];
    note: string;
    occurredAt: Dayjs;
  }>();
  const { saving, save } = useSave();
  const submit = (values: {
    userId: string;
    ruleKey: (typeof disciplineRuleKeys)[number];
    note: string;
    occurredAt: Dayjs;
  }) => {
    save(
      () =>
        addManualEntry({
          userId: values.userId,
          ruleKey: values.ruleKey,
          note: values.note,
          occurredAt: values.occurredAt.toISOString(),
        }),
      onSaved,
    );
  };
  return (
    <Modal
      open
      title={t('discipline.addEntry')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ occurredAt: dayjs() }}>
        <Form.Item
          name="userId"
          label={t('discipline.columns.person')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={agents.agents.map((agent) => ({ value: agent.id, label: agent.displayName }))}
          />
        </Form.Item>
        <Form.Item
          name="ruleKey"
          label={t('discipline.columns.rule')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={disciplineRuleKeys
              .filter((key) => key !== 'qa_inspection')
              .map((key) => ({ value: key, label: t(`discipline.rules.${key}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('discipline.columns.time')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker showTime />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('discipline.evidenceNote')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DailyReportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const timeZone = useAuthenticatedSession().shop.timezone;
  // Yesterday as the shop reads it (the report is due the next workday), whatever the browser's zone.
  const [day, setDay] = useState<Dayjs>(() =>
    dayjs(formatLocalDate(toZonedParts(Date.now() - 86_400_000, timeZone))),
  );
  const [content, setContent] = useState('');
  const { saving, save } = useSave();
  const submit = () =>
    save(
      () => submitDailyReport(day.format('YYYY-MM-DD'), content),
      (report) => {
        setContent('');
        void message.success(
          report.late ? t('discipline.dailyReport.late') : t('discipline.dailyReport.submitted'),
        );
      },
    );
  return (
    <Card title={t('discipline.dailyReport.title')} style={{ minWidth: 300 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <DatePicker
          value={day}
          onChange={(value: Dayjs | null) => value && setDay(value)}
          allowClear={false}
        />
        <Input.TextArea
          rows={2}
          value={content}
          onChange={(event) => setContent(event.target.value)}
          placeholder={t('discipline.dailyReport.content')}
        />
        <Button onClick={submit} loading={saving} disabled={content.trim() === ''}>
          {t('discipline.dailyReport.submit')}
        </Button>
      </Space>
    </Card>
  );
}
