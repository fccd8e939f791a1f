// 通话记录: the call log (filters, masked numbers, ring time, missed calls with their call-back task, self-check
// and spot-check marks), the manual call form, and for supervisors the week's random spot-check sample.
import { PhoneOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  callbackStatuses,
  callSources,
  callStates,
  spotCheckResults,
  type CallbackStatus,
  type CallSource,
  type CallState,
  type SpotCheckResult,
} from '@shared/calls.js';
import type { Call } from '@shared/schemas/calls.js';
import { completeCallback, revealCallContact, selfCheckCall, spotCheckCall } from '../../api/calls-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useCallAction, useCallLog, useSpotCheckSample } from '../../hooks/use-calls';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';
import { CallFormModal } from './call-form-modal';

interface Filter {
  source?: CallSource;
  state?: CallState;
  missed?: 'true';
  callback?: CallbackStatus;
}

export function CallsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const supervises = useCan('calls.supervise');
  const [filter, setFilter] = useState<Filter>({});
  const [formOpen, setFormOpen] = useState(false);
  const [spotTarget, setSpotTarget] = useState<Call | null>(null);
  const log = useCallLog(useMemo(() => ({ ...filter, limit: 100 }), [filter]));
  const sample = useSpotCheckSample(supervises);
  const reloadAll = useCallback(() => {
    log.reload();
    sample.reload();
  }, [log, sample]);
  const action = useCallAction(reloadAll, (text) => void message.error(text));

  const table = (calls: readonly Call[] | undefined, loading: boolean, id: string) => (
    <CallTable
      id={id}
      calls={calls ?? []}
      loading={loading}
      busy={action.busy}
      onSelfCheck={(call) => action.run(call.id, () => selfCheckCall(call.id))}
      onSpotCheck={supervises ? setSpotTarget : undefined}
      onCallbackDone={(call) =>
        call.callback && action.run(call.id, () => completeCallback(call.callback!.id))
      }
    />
  );

  const filters = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('calls.filters.source')}
        style={{ width: 150 }}
        value={filter.source}
        onChange={(source?: CallSource) => setFilter({ ...filter, source })}
        options={callSources.map((value) => ({ value, label: t(`calls.sources.${value}`) }))}
        data-testid="calls-filter-source"
      />
      <Select
        allowClear
        placeholder={t('calls.filters.state')}
        style={{ width: 150 }}
        value={filter.state}
        onChange={(state?: CallState) => setFilter({ ...filter, state })}
        options={callStates.map((value) => ({ value, label: t(`calls.states.${value}`) }))}
      />
      <Select
        allowClear
        placeholder={t('calls.filters.callback')}
        style={{ width: 150 }}
        value={filter.callback}
        onChange={(callback?: CallbackStatus) => setFilter({ ...filter, callback })}
        options={callbackStatuses.map((value) => ({ value, label: t(`calls.callbackStatuses.${value}`) }))}
      />
      <Checkbox
        checked={filter.missed === 'true'}
        onChange={(event) => setFilter({ ...filter, missed: event.target.checked ? 'true' : undefined })}
        data-testid="calls-filter-missed"
      >
        {t('calls.filters.missed')}
      </Checkbox>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('calls.title')}
        description={t('calls.description')}
        actions={
          <Button
            type="primary"
            icon={<PhoneOutlined />}
            onClick={() => setFormOpen(true)}
            data-testid="calls-log-call"
          >
            {t('calls.logCall')}
          </Button>
        }
      />
      <ErrorAlert error={log.error ?? sample.error} onRetry={reloadAll} />
      <Card>
        <Tabs
          items={[
            {
              key: 'log',
              label: t('calls.tabs.log'),
              children: (
                <>
                  {filters}
                  {table(log.data?.items, log.loading, 'calls-table')}
                </>
              ),
            },
            ...(supervises
              ? [
                  {
                    key: 'sample',
                    label: <span data-testid="calls-tab-sample">{t('calls.tabs.sample')}</span>,
                    children: (
                      <>
                        {sample.data ? (
                          <Typography.Paragraph type="secondary">
                            {t('calls.sampleSize', {
                              week: sample.data.week,
                              count: sample.data.items.length,
                              size: sample.data.size,
                            })}
                          </Typography.Paragraph>
                        ) : null}
                        {table(sample.data?.items, sample.loading, 'calls-sample-table')}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {formOpen ? (
        <CallFormModal
          onCancel={() => setFormOpen(false)}
          onSaved={() => {
            setFormOpen(false);
            reloadAll();
          }}
        />
      ) : null}
      {spotTarget ? (
        <SpotCheckModal
          call={spotTarget}
          onClose={() => setSpotTarget(null)}
          onSaved={() => {
            setSpotTarget(null);
            reloadAll();
          }}
        />
      ) : null}
    </>
  );
}

interface CallTableProps {
  id: string;
  calls: readonly Call[];
  loading: boolean;
  busy: string | null;
  onSelfCheck: (call: Call) => void;
  onSpotCheck: ((call: Call) => void) | undefined;
  onCallbackDone: (call: Call) => void;
}

function CallTable({ id, calls, loading, busy, onSelfCheck, onSpotCheck, onCallbackDone }: CallTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const canReveal = useCan('customer.reveal_contact');
  const { locale } = useLocale();
  const timeZone = session.shop.timezone;
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const reveal = (call: Call) =>
    revealCallContact(call.id).then(
      (contact) =>
        setRevealed((all) => ({ ...all, [call.id]: contact.fromNumber ?? contact.contactPhone ?? '' })),
      (error: unknown) => void message.error(error instanceof Error ? error.message : String(error)),
    );

  const columns: TableProps<Call>['columns'] = [
    {
      key: 'time',
      title: t('calls.columns.time', { timezone: timeZone }),
      width: 170,
      render: (_v, call) => (
        <Flex vertical gap={2}>
          <time dateTime={call.startedAt}>{formatInstant(call.startedAt, timeZone, locale)}</time>
          <span>
            <Tag>{t(`calls.sources.${call.source}`)}</Tag>
            <Tag>{t(`calls.directions.${call.direction}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    {
      key: 'numbers',
      title: t('calls.columns.numbers'),
      render: (_v, call) => (
        <Flex vertical gap={2}>
          <span data-testid={`call-number-${call.id}`}>
            {revealed[call.id] ?? call.fromNumber ?? call.contactPhone ?? '—'}
          </span>
          {call.customerName ? <Typography.Text type="secondary">{call.customerName}</Typography.Text> : null}
          {canReveal && !revealed[call.id] && (call.fromNumber || call.contactPhone) ? (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void reveal(call)}>
              {t('calls.reveal')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'agent',
      title: t('calls.columns.agent'),
      render: (_v, call) =>
        call.agent ? (
          <span>
            {call.agent.displayName}
            {call.agentExtension ? (
              <Typography.Text type="secondary"> · {call.agentExtension}</Typography.Text>
            ) : null}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('calls.noAgent')}</Typography.Text>
        ),
    },
    {
      key: 'answer',
      title: t('calls.columns.answer'),
      render: (_v, call) => (
        <Flex vertical gap={2}>
          <span>
            {call.missed ? (
              <Tag color="red">{t('calls.missed')}</Tag>
            ) : (
              <Tag>{t(`calls.states.${call.state}`)}</Tag>
            )}
            {call.answeredInTime === false ? <Tag color="orange">{t('calls.lateAnswer')}</Tag> : null}
          </span>
          {call.ringsBeforeAnswer !== null && call.ringSeconds !== null ? (
            <Typography.Text type="secondary">
              {t('calls.rings', { rings: call.ringsBeforeAnswer, seconds: call.ringSeconds })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'matter',
      title: t('calls.columns.matter'),
      render: (_v, call) =>
        call.matterKind ? (
          <Flex vertical gap={2}>
            <span>
              <Tag color={call.matterKind === 'complaint' ? 'volcano' : 'blue'}>
                {t(`calls.matterKinds.${call.matterKind}`)}
              </Tag>
              {call.matter}
            </span>
            <Typography.Text type="secondary">{call.handling}</Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'checks',
      title: t('calls.columns.checks'),
      render: (_v, call) => (
        <Flex vertical gap={4} align="flex-start">
          {call.selfCheckedAt ? (
            <Tag color="green">{t('calls.selfChecked')}</Tag>
          ) : call.agent?.id === session.user.id ? (
            <Button
              size="small"
              loading={busy === call.id}
              onClick={() => onSelfCheck(call)}
              data-testid={`call-self-check-${call.id}`}
            >
              {t('calls.selfCheck')}
            </Button>
          ) : null}
          {call.spotCheck ? (
            <Tag color={call.spotCheck.result === 'ok' ? 'green' : 'orange'}>
              {call.spotCheck.result === 'ok'
                ? t('calls.spotOk')
                : `${t('calls.spotCorrection')}: ${call.spotCheck.comment}`}
            </Tag>
          ) : null}
          {onSpotCheck ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              onClick={() => onSpotCheck(call)}
              data-testid={`call-spot-check-${call.id}`}
            >
              {t('calls.spotCheck')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'callback',
      title: t('calls.columns.callback'),
      render: (_v, call) =>
        call.callback ? (
          <Flex vertical gap={4} align="flex-start">
            <Tag color={call.callback.status === 'open' ? 'red' : 'default'}>
              {t(`calls.callbackStatuses.${call.callback.status}`)}
            </Tag>
            {call.callback.status === 'open' ? (
              <>
                <Typography.Text type="secondary">
                  {t('calls.due', { time: formatInstant(call.callback.dueAt, timeZone, locale) })}
                </Typography.Text>
                <Button size="small" loading={busy === call.id} onClick={() => onCallbackDone(call)}>
                  {t('calls.callbackDone')}
                </Button>
              </>
            ) : null}
          </Flex>
        ) : null,
    },
  ];

  return (
    <Table<Call>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={[...calls]}
      pagination={false}
      data-testid={id}
      onRow={(call) => ({ ...testId(`call-row-${call.id}`) })}
      locale={{ emptyText: t('calls.sampleEmpty') }}
    />
  );
}

function SpotCheckModal({
  call,
  onClose,
  onSaved,
}: {
  call: Call;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ result: SpotCheckResult; comment: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onOk = () =>
    form.validateFields().then(
      (values) => {
        setSaving(true);
        spotCheckCall(call.id, values).then(onSaved, (failure: unknown) => {
          setSaving(false);
          setError(failure instanceof Error ? failure.message : String(failure));
        });
      },
      () => undefined,
    );
  return (
    <Modal
      open
      title={t('calls.spotCheckTitle')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ ...testId('spot-check-submit') }}
    >
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: call.spotCheck?.result ?? 'ok', comment: call.spotCheck?.comment ?? '' }}
      >
        <Form.Item name="result" label={t('calls.spotResult')}>
          <Radio.Group
            options={spotCheckResults.map((value) => ({ value, label: t(`calls.spotResults.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('calls.spotComment')}
          dependencies={['result']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, comment: string | undefined) =>
                getFieldValue('result') === 'ok' || comment?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('calls.spotCommentRequired'))),
            }),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="spot-check-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
