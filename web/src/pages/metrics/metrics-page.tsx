// 绩效指标: the metrics of SPEC §7 for every agent, group and the shop over a natural day, week, month or a custom
// range; the agent ranking by the shop's weighted performance score; XLSX / CSV export (definitions: docs/metrics.md).
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Statistic, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { displayValue, metricKeys, metricLabels, metricUnits, type MetricKey } from '@shared/metrics.js';
import type { MetricsRow } from '@shared/schemas/metrics.js';
import { listQualityResults } from '../../api/handover-api';
import { addZonedDays, fromZonedParts } from '@shared/zoned-time.js';
import { parseLocalDate } from '@shared/business-time.js';
import { exportUrl, getAutoAnswerRates, getMetrics } from '../../api/metrics-api';
import { EChart, type ChartOption } from '../../components/echart';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PeriodPicker, usePeriodState } from '../../components/period-picker';
import { useApiQuery } from '../../hooks/use-api-query';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession, useCan } from '../../hooks/use-session';
import { ScoreSettingsModal } from './score-settings-modal';

type Period = 'day' | 'week' | 'month' | 'range';
const periods: Period[] = ['day', 'week', 'month', 'range'];

export function formatMetric(metric: MetricKey, value: number | null | undefined): string {
  const shown = displayValue(metric, value ?? null);
  if (shown === null) return '—';
  return metricUnits[metric] === 'rate' ? `${shown}%` : String(shown);
}

/**
 * The FAQ auto-answer rates of the shown period (local days in the shop's zone), for those who supervise chats;
 * null until loaded or without the permission.
 */
function useAutoAnswerRates(period: { from: string; to: string } | undefined) {
  const allowed = useCan('chat.supervise');
  const timeZone = useAuthenticatedSession().shop.timezone;
  const from = period ? fromZonedParts(parseLocalDate(period.from), timeZone) : 0;
  const to = period ? fromZonedParts(addZonedDays(parseLocalDate(period.to), 1), timeZone) : 0;
  const rates = useApiQuery(`auto-answer-rates#${from}-${to}-${String(allowed)}`, () =>
    allowed && period ? getAutoAnswerRates(from, to) : Promise.resolve(null),
  );
  return rates.data ?? null;
}

export function MetricsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const canManage = useCan('metrics.manage');
  // ?period=range&from=2026-11-01&to=2026-11-07 opens a given period (links from reports and the wallboard)
  const [search] = useSearchParams();
  const { query, picker } = usePeriodState({
    periods,
    initial: periods.find((value) => value === search.get('period')) ?? 'day',
    rangeDays: 7,
    from: search.get('from'),
    to: search.get('to'),
  });
  const [editing, setEditing] = useState(false);

  const result = useApiQuery(`metrics#${JSON.stringify(query)}`, () => getMetrics(query));
  const rows = useMemo(() => result.data?.rows ?? [], [result.data]);
  const autoAnswers = useAutoAnswerRates(result.data?.period);
  const labels = metricLabels[locale];

  // QA and training results next to each agent's metrics (this month's, as the QA pages count them)
  const quality = useApiQuery('quality-results', listQualityResults);
  const qualityOf = useMemo(
    () => new Map((quality.data ?? []).map((result) => [result.userId, result])),
    [quality.data],
  );
  const nameColumn: NonNullable<TableProps<MetricsRow>['columns']>[number] = {
    key: 'name',
    title: t('metrics.columns.name'),
    fixed: 'left',
    width: 160,
    render: (_v, row) =>
      row.scope === 'shop' ? (
        t('metrics.scopes.shop')
      ) : (
        <Space size={4}>
          {row.name}
          {row.scope === 'agent' && qualityOf.get(row.id)?.newAgent ? (
            <Tag color="blue" data-testid={`metrics-new-agent-${row.id}`}>
              {t('metrics.quality.newAgent')}
            </Tag>
          ) : null}
        </Space>
      ),
  };
  const qualityColumns: TableProps<MetricsRow>['columns'] = [
    {
      key: 'quality',
      title: t('metrics.quality.title'),
      children: [
        {
          key: 'qa-average',
          title: t('handover.training.averageScore'),
          width: 100,
          render: (_v: unknown, row: MetricsRow) => {
            const result = qualityOf.get(row.id);
            return (
              <span data-testid={`metrics-qa-average-${row.id}`}>
                {result?.averageScore ?? '—'}
                {result?.inspections ? ` (${result.inspections})` : ''}
              </span>
            );
          },
        },
        {
          key: 'qa-points',
          title: t('handover.training.points'),
          width: 90,
          render: (_v: unknown, row: MetricsRow) => qualityOf.get(row.id)?.disciplinePointsThisMonth ?? '—',
        },
        {
          key: 'trainings',
          title: t('handover.training.trainings'),
          width: 90,
          render: (_v: unknown, row: MetricsRow) => qualityOf.get(row.id)?.trainings ?? '—',
        },
        {
          key: 'assessment',
          title: t('handover.training.lastScore'),
          width: 110,
          render: (_v: unknown, row: MetricsRow) => qualityOf.get(row.id)?.lastAssessmentScore ?? '—',
        },
      ],
    },
  ];
  const metricColumns: TableProps<MetricsRow>['columns'] = metricKeys.map((key) => ({
    key,
    title: labels[key],
    width: 120,
    render: (_v: unknown, row: MetricsRow) => formatMetric(key, row.values[key]),
  }));

  const ranking = useMemo(
    () =>
      rows
        .filter((row) => row.scope === 'agent' && row.score)
        .sort((a, b) => (b.score?.score ?? 0) - (a.score?.score ?? 0)),
    [rows],
  );
  const rankingChart = useMemo<ChartOption>(
    () => ({
      grid: { left: 100, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: ranking.map((row) => row.name) },
      series: [
        {
          type: 'bar',
          data: ranking.map((row) => Math.round((row.score?.score ?? 0) * 10) / 10),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [ranking],
  );

  const table = (scope: MetricsRow['scope']) => (
    <Table<MetricsRow>
      rowKey="id"
      size="small"
      loading={result.loading}
      columns={[nameColumn, ...(scope === 'agent' ? qualityColumns : []), ...metricColumns]}
      dataSource={rows.filter((row) => row.scope === scope)}
      pagination={false}
      scroll={{ x: 160 + metricKeys.length * 120 + (scope === 'agent' ? 390 : 0) }}
      data-testid={`metrics-table-${scope}`}
    />
  );

  return (
    <>
      <PageHeader
        title={t('metrics.title')}
        description={t('metrics.description')}
        actions={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl(query, 'xlsx')}
              data-testid="metrics-export-xlsx"
            >
              {t('metrics.exportXlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl(query, 'csv')}
              data-testid="metrics-export-csv"
            >
              {t('metrics.exportCsv')}
            </Button>
          </>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <PeriodPicker {...picker} testId="metrics" />
        {result.data ? (
          <Typography.Text type="secondary" data-testid="metrics-period-shown">
            {result.data.period.from} ~ {result.data.period.to}
          </Typography.Text>
        ) : null}
      </Flex>
      <ErrorAlert error={result.error} />
      <Card
        title={t('metrics.ranking')}
        style={{ marginBottom: 16 }}
        extra={
          canManage ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setEditing(true)}
              data-testid="score-settings-open"
            >
              {t('metrics.scoreSettings')}
            </Button>
          ) : null
        }
      >
        {ranking.length === 0 ? (
          <Typography.Text type="secondary">{t('metrics.noScore')}</Typography.Text>
        ) : (
          <Flex gap={24} wrap>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              style={{ minWidth: 360 }}
              dataSource={ranking.map((row, index) => ({ ...row, rank: index + 1 }))}
              data-testid="ranking-table"
              columns={[
                { key: 'rank', title: '#', dataIndex: 'rank', width: 48 },
                { key: 'name', title: t('metrics.columns.name'), dataIndex: 'name' },
                {
                  key: 'score',
                  title: t('metrics.columns.score'),
                  render: (_v, row) => (
                    <span data-testid={`ranking-score-${row.id}`}>{(row.score?.score ?? 0).toFixed(1)}</span>
                  ),
                },
                {
                  key: 'breakdown',
                  title: t('metrics.columns.breakdown'),
                  render: (_v, row) =>
                    row.score?.items
                      .map(
                        (item) =>
                          `${labels[item.metric]} ${formatMetric(item.metric, item.value)} → ${item.points.toFixed(1)}`,
                      )
                      .join('；'),
                },
              ]}
            />
            <div style={{ flex: 1, minWidth: 320 }}>
              <EChart
                option={rankingChart}
                height={Math.max(160, ranking.length * 36)}
                testId="ranking-chart"
              />
            </div>
          </Flex>
        )}
      </Card>
      {autoAnswers ? (
        <Card title={t('metrics.autoAnswer.title')} size="small" style={{ marginBottom: 16 }}>
          <Flex gap={48} wrap>
            {(['answerRate', 'handOverRate', 'solvedRate'] as const).map((key) => (
              <Statistic
                key={key}
                title={t(`metrics.autoAnswer.${key}`)}
                value={(autoAnswers[key] * 100).toFixed(1)}
                suffix="%"
                data-testid={`metrics-auto-answer-${key}`}
              />
            ))}
            <Typography.Text type="secondary" style={{ alignSelf: 'end' }}>
              {t('metrics.autoAnswer.counts', autoAnswers)}
            </Typography.Text>
          </Flex>
        </Card>
      ) : null}
      <Tabs
        items={(['agent', 'group', 'shop'] as const).map((scope) => ({
          key: scope,
          label: t(`metrics.scopes.${scope}`),
          children: table(scope),
        }))}
      />
      {editing ? (
        <ScoreSettingsModal
          onClose={(saved) => {
            setEditing(false);
            if (saved) result.reload();
          }}
        />
      ) : null}
    </>
  );
}
