// 工作日历: the shop's business calendar — time zone, weekly working hours, the holidays and 调休 make-up days every
// deadline is computed on (add, edit, delete, import an .ics file). Everyone may look; shop managers may change it.
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocalDate, type DaySpan } from '@shared/business-time.js';
import { weekdayOf } from '@shared/zoned-time.js';
import {
  daySpanSchema,
  type BusinessCalendarView,
  type CalendarDay,
  type IcsImportResult,
} from '@shared/schemas/calendar.js';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { testId } from '../../components/test-id';
import { useCalendar } from '../../hooks/use-calendar';
import { useCan } from '../../hooks/use-session';
import { timeZoneChoices } from '../../rules/time';
import { CalendarDayFormModal, type CalendarDayFormTarget } from './calendar-day-form-modal';

/** Weekday indexes (0 = Sunday) in the order a Chinese week is read: Monday first. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;
const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function WorkingHoursCard({
  calendar,
  editable,
  onSave,
}: {
  calendar: BusinessCalendarView;
  editable: boolean;
  onSave: ReturnType<typeof useCalendar>['save'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [week, setWeek] = useState<DaySpan[][]>(() => calendar.workingHours.map((spans) => [...spans]));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneChoices(calendar.timeZone), [calendar.timeZone]);

  const setSpan = (weekday: number, index: number, patch: Partial<DaySpan>) =>
    setWeek((current) =>
      current.map((spans, day) =>
        day === weekday ? spans.map((span, i) => (i === index ? { ...span, ...patch } : span)) : spans,
      ),
    );
  const addSpan = (weekday: number) =>
    setWeek((current) =>
      current.map((spans, day) => (day === weekday ? [...spans, { start: '09:00', end: '18:00' }] : spans)),
    );
  const removeSpan = (weekday: number, index: number) =>
    setWeek((current) =>
      current.map((spans, day) => (day === weekday ? spans.filter((_, i) => i !== index) : spans)),
    );

  const save = () => {
    if (week.some((spans) => spans.some((span) => !daySpanSchema.safeParse(span).success))) {
      setError(t('calendar.hours.invalidSpan'));
      return;
    }
    if (week.every((spans) => spans.length === 0)) {
      setError(t('calendar.hours.noWorkingTime'));
      return;
    }
    setSaving(true);
    setError(null);
    onSave({ timeZone, workingHours: week })
      .then(() => void message.success(t('calendar.hours.saved')))
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setSaving(false));
  };

  const daily = calendar.dailyServiceHours;
  return (
    <Card title={t('calendar.hours.title')} style={{ marginBottom: 16 }} data-testid="calendar-hours">
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          data-testid="calendar-hours-error"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('calendar.hours.timeZone')}>
          <Select<string>
            data-testid="calendar-timezone"
            style={{ minWidth: 240 }}
            showSearch
            disabled={!editable}
            value={timeZone}
            onChange={setTimeZone}
            options={zones.map((zone) => ({ value: zone, label: zone }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('calendar.hours.service')}>
          <span data-testid="calendar-service-hours">
            {t('calendar.hours.serviceDaily', {
              opensAt: daily.opensAt,
              closesAt: daily.closesAt,
              replyBy: daily.offHoursReplyBy,
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('calendar.hours.workingHelp')}</Typography.Paragraph>
      {weekOrder.map((weekday) => (
        <Flex
          key={weekday}
          gap={8}
          align="center"
          wrap
          style={{ marginBottom: 8 }}
          {...testId(`calendar-weekday-${weekday}`)}
        >
          <Typography.Text strong style={{ width: 72 }}>
            {t(`calendar.weekdays.${weekdayKeys[weekday]}`)}
          </Typography.Text>
          {week[weekday]?.length ? null : <Tag>{t('calendar.hours.dayOff')}</Tag>}
          {week[weekday]?.map((span, index) => (
            <Flex key={index} gap={4} align="center">
              <Input
                size="small"
                style={{ width: 72 }}
                value={span.start}
                disabled={!editable}
                aria-label={t('calendar.hours.start')}
                onChange={(event) => setSpan(weekday, index, { start: event.target.value })}
                {...testId(`calendar-span-${weekday}-${index}-start`)}
              />
              –
              <Input
                size="small"
                style={{ width: 72 }}
                value={span.end}
                disabled={!editable}
                aria-label={t('calendar.hours.end')}
                onChange={(event) => setSpan(weekday, index, { end: event.target.value })}
                {...testId(`calendar-span-${weekday}-${index}-end`)}
              />
              {editable ? (
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('calendar.hours.removeSpan')}
                  onClick={() => removeSpan(weekday, index)}
                />
              ) : null}
            </Flex>
          ))}
          {editable ? (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => addSpan(weekday)}>
              {t('calendar.hours.addSpan')}
            </Button>
          ) : null}
        </Flex>
      ))}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('calendar.hours.crossMidnight')}
      </Typography.Paragraph>
      {editable ? (
        <Button type="primary" loading={saving} onClick={save} data-testid="calendar-hours-save">
          {t('common.save')}
        </Button>
      ) : null}
    </Card>
  );
}

function ImportReport({ result }: { result: IcsImportResult }) {
  const { t } = useTranslation();
  const columns: TableProps<IcsImportResult['errors'][number]>['columns'] = [
    { key: 'event', title: t('calendar.import.columns.event'), dataIndex: 'event', width: 80 },
    { key: 'line', title: t('calendar.import.columns.line'), dataIndex: 'line', width: 80 },
    {
      key: 'summary',
      title: t('calendar.import.columns.summary'),
      render: (_value, error) => error.summary ?? error.uid ?? t('common.none'),
    },
    {
      key: 'code',
      title: t('calendar.import.columns.problem'),
      render: (_value, error) => t(`calendar.icsError.${error.code}`),
    },
  ];
  return (
    <div data-testid="calendar-import-report" style={{ marginBottom: 16 }}>
      <Alert
        type={result.errors.length ? 'warning' : 'success'}
        showIcon
        title={t('calendar.import.summary', {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.errors.length,
        })}
        style={{ marginBottom: result.errors.length ? 8 : 0 }}
      />
      {result.errors.length ? (
        <Table
          size="small"
          rowKey={(error) => `${error.event}`}
          columns={columns}
          dataSource={result.errors}
          pagination={false}
          data-testid="calendar-import-errors"
        />
      ) : null}
    </div>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = useCan('shop.manage');
  const { calendar, loading, error, reload, save, addDay, editDay, removeDay, importIcs } = useCalendar();
  const [year, setYear] = useState<string | null>(null);
  const [dialog, setDialog] = useState<CalendarDayFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<IcsImportResult | null>(null);

  const years = useMemo(
    () => [...new Set((calendar?.days ?? []).map((day) => day.date.slice(0, 4)))].sort(),
    [calendar?.days],
  );
  const shownYear =
    year ?? years.find((y) => y >= new Date().toISOString().slice(0, 4)) ?? years.at(-1) ?? null;
  const days = (calendar?.days ?? []).filter((day) => shownYear === null || day.date.startsWith(shownYear));

  if (!calendar) return loading ? <PageLoading /> : <ErrorAlert error={error} onRetry={reload} />;

  const onImport = (file: File) => {
    setImporting(true);
    setReport(null);
    file
      .text()
      .then((content) => importIcs(content))
      .then((result) => {
        setReport(result);
        const firstYear = result.calendar.days.find((day) => day.source === 'ics')?.date.slice(0, 4);
        if (firstYear) setYear(firstYear);
      })
      .catch((failure: unknown) => void message.error(toApiError(failure).message))
      .finally(() => setImporting(false));
    return false;
  };

  const onDelete = (day: CalendarDay) =>
    removeDay(day.id)
      .then(() => void message.success(t('calendar.days.deleted', { date: day.date })))
      .catch((failure: unknown) => void message.error(toApiError(failure).message));

  const columns: TableProps<CalendarDay>['columns'] = [
    { key: 'date', title: t('calendar.days.columns.date'), dataIndex: 'date', width: 140 },
    {
      key: 'weekday',
      title: t('calendar.days.columns.weekday'),
      width: 100,
      render: (_value, day) =>
        t(`calendar.weekdays.${weekdayKeys[weekdayOf(parseLocalDate(day.date)) % 7]!}`),
    },
    {
      key: 'kind',
      title: t('calendar.days.columns.kind'),
      width: 140,
      render: (_value, day) => (
        <Tag color={day.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${day.kind}`)}</Tag>
      ),
    },
    { key: 'name', title: t('calendar.days.columns.name'), dataIndex: 'name' },
    {
      key: 'source',
      title: t('calendar.days.columns.source'),
      width: 140,
      render: (_value, day) => (
        <Typography.Text type="secondary">{t(`calendar.sources.${day.source}`)}</Typography.Text>
      ),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_value, day) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            onClick={() => setDialog({ kind: 'edit', day })}
            {...testId(`calendar-day-edit-${day.date}`)}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.days.confirmDelete', { date: day.date, name: day.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...testId('confirm-ok'), danger: true }}
            onConfirm={() => onDelete(day)}
          >
            <Button size="small" type="link" danger {...testId(`calendar-day-delete-${day.date}`)}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} />
      <ErrorAlert error={error} onRetry={reload} />
      <WorkingHoursCard key={calendar.version} calendar={calendar} editable={editable} onSave={save} />
      <Card
        title={t('calendar.days.title')}
        extra={
          <Flex gap={8} wrap>
            <Select<string>
              data-testid="calendar-year"
              style={{ width: 110 }}
              value={shownYear ?? undefined}
              placeholder={t('calendar.days.year')}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: y }))}
            />
            {editable ? (
              <>
                <Upload accept=".ics,text/calendar" showUploadList={false} beforeUpload={onImport}>
                  <Button icon={<UploadOutlined />} loading={importing} data-testid="calendar-import">
                    {importing ? t('calendar.import.running') : t('calendar.import.button')}
                  </Button>
                </Upload>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: 'create' })}
                  data-testid="calendar-day-create"
                >
                  {t('calendar.days.create')}
                </Button>
              </>
            ) : null}
          </Flex>
        }
      >
        {editable ? (
          <Typography.Paragraph type="secondary">{t('calendar.import.help')}</Typography.Paragraph>
        ) : null}
        {report ? <ImportReport result={report} /> : null}
        <Table<CalendarDay>
          data-testid="calendar-day-table"
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={days}
          pagination={{ pageSize: 100, hideOnSinglePage: true }}
          locale={{ emptyText: t('calendar.days.empty') }}
          onRow={(day) => testId(`calendar-day-${day.date}`)}
        />
      </Card>
      {dialog ? (
        <CalendarDayFormModal
          target={dialog}
          onCancel={() => setDialog(null)}
          onSave={(body) => (dialog.kind === 'edit' ? editDay(dialog.day.id, body) : addDay(body))}
          onSaved={() => {
            setDialog(null);
            void message.success(t('common.saved'));
          }}
        />
      ) : null}
    </>
  );
}
