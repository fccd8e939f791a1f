// 历史数据: the history charts of a period — volume by hour of day, by business type and per day, problem-type shares,
// resolution results, satisfaction trend and complaint categories (definitions: docs/metrics.md §8).
import { Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryCharts } from '@shared/schemas/metrics.js';
import { getHistoryCharts } from '../../api/metrics-api';
import { EChart, type ChartOption } from '../../components/echart';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PeriodPicker, usePeriodState } from '../../components/period-picker';
import { useApiQuery } from '../../hooks/use-api-query';

type Period = 'week' | 'month' | 'range';
const periods: Period[] = ['week', 'month', 'range'];

function pie(rows: { name: string; value: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: rows,
        label: { formatter: '{b}: {c} ({d}%)' },
      },
    ],
  };
}

function useChartOptions(charts: HistoryCharts | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!charts) return null;
    const days = charts.trend.map((d) => d.day.slice(5));
    const problemLabel = (key: string) =>
      key.startsWith('work_order:')
        ? t('history.workOrderOf', {
            type: t(`workOrders.types.${key.slice(11)}`, { defaultValue: key.slice(11) }),
          })
        : t(`assist.problemTypes.${key}`, { defaultValue: key });
    const byHour: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: charts.byHour.map((_n, hour) => `${hour}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('history.chats'),
          data: charts.byHour,
          label: { show: true, position: 'top' },
        },
      ],
    };
    const byType: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 100, right: 32, top: 16, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: charts.byBusinessType.map((row) => t(`workOrders.types.${row.key}`)),
      },
      series: [
        {
          type: 'bar',
          data: charts.byBusinessType.map((row) => row.count),
          label: { show: true, position: 'right' },
        },
      ],
    };
    const trend: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: t('history.consultations'), data: charts.trend.map((d) => d.consultations) },
        { type: 'line', name: t('history.calls'), data: charts.trend.map((d) => d.calls) },
        { type: 'line', name: t('history.workOrders'), data: charts.trend.map((d) => d.workOrders) },
      ],
    };
    const satisfaction: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          name: t('history.goodRatingRate'),
          connectNulls: true,
          data: charts.trend.map((d) =>
            d.goodRatingRate === null ? null : Math.round(d.goodRatingRate * 1000) / 10,
          ),
          label: { show: true, formatter: '{c}%' },
        },
      ],
    };
    const resolution = pie(
      (['resolved', 'partly', 'unresolved'] as const).map((key) => ({
        name: t(`history.resolution.${key}`),
        value: charts.resolution[key],
      })),
    );
    const problems = pie(
      charts.problemTypes.map((row) => ({ name: problemLabel(row.key), value: row.count })),
    );
    const complaints = pie(
      charts.complaintCategories.map((row) => ({
        name: t(`workOrders.complaintCategories.${row.key}`, { defaultValue: row.key }),
        value: row.count,
      })),
    );
    return { byHour, byType, trend, satisfaction, resolution, problems, complaints };
  }, [charts, t]);
}

export function HistoryPage() {
  const { t } = useTranslation();
  const { query, picker } = usePeriodState({ periods, initial: 'range', rangeDays: 30 });
  const result = useApiQuery(`history#${JSON.stringify(query)}`, () => getHistoryCharts(query));
  const options = useChartOptions(result.data);

  const card = (key: keyof NonNullable<typeof options>, empty: boolean) => (
    <Card title={t(`history.charts.${key}`)} size="small" data-testid={`history-${key}`}>
      {options && !empty ? (
        <EChart option={options[key]} height={260} testId={`history-chart-${key}`} />
      ) : (
        <Flex justify="center" align="center" style={{ height: 260 }}>
          {result.loading ? (
            <Spin />
          ) : (
            <Typography.Text type="secondary">{t('history.noData')}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
  const data = result.data;
  const none = (rows: { count: number }[] | undefined) => !rows || rows.length === 0;
  const resolvedCount = data
    ? data.resolution.resolved + data.resolution.partly + data.resolution.unresolved
    : 0;

  return (
    <>
      <PageHeader title={t('history.title')} description={t('history.description')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <PeriodPicker {...picker} testId="history" />
        {data ? (
          <Typography.Text type="secondary" data-testid="history-period-shown">
            {data.period.from} ~ {data.period.to}
          </Typography.Text>
        ) : null}
      </Flex>
      <ErrorAlert error={result.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {card('trend', !data)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byHour', !data)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byType', none(data?.byBusinessType))}
        </Col>
        <Col xs={24} xl={12}>
          {card('problems', none(data?.problemTypes))}
        </Col>
        <Col xs={24} xl={12}>
          {card('resolution', resolvedCount === 0)}
        </Col>
        <Col xs={24} xl={12}>
          {card('satisfaction', !data)}
        </Col>
        <Col xs={24} xl={12}>
          {card('complaints', none(data?.complaintCategories))}
        </Col>
      </Row>
    </>
  );
}
