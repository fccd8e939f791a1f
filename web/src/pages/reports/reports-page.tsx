// 数据报表: the monthly analysis reports (seed 000 §7): made on the first of each month and on demand, kept as a
// history; each shown as the page the server renders (charts included) and downloadable as a PDF.
import { FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateMonthlyReport, listReports } from '../../api/metrics-api';
import { toApiError } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useApiQuery } from '../../hooks/use-api-query';
import type { ReportSummary } from '@shared/schemas/metrics.js';

export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reports = useApiQuery('reports', listReports);
  const [kind, setKind] = useState<'all' | ReportSummary['kind']>('all');
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [selected, setSelected] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const items = (reports.data ?? []).filter((item) => kind === 'all' || item.kind === kind);
  const shown = items.find((item) => item.id === selected) ?? items[0];

  const make = () => {
    setMaking(true);
    generateMonthlyReport(month.format('YYYY-MM')).then(
      (report) => {
        setMaking(false);
        setSelected(report.id);
        reports.reload();
      },
      (error: unknown) => {
        setMaking(false);
        void message.error(toApiError(error).message);
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <>
            <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} />
            <Button
              type="primary"
              icon={<ReloadOutlined />}
              loading={making}
              onClick={make}
              data-testid="report-make"
            >
              {t('reports.make')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={reports.error} />
      <Flex gap={16} align="flex-start">
        <Card title={t('reports.history')} style={{ width: 280 }} loading={reports.loading && !reports.data}>
          <Segmented
            size="small"
            value={kind}
            onChange={setKind}
            options={(['all', 'daily', 'weekly', 'monthly'] as const).map((value) => ({
              value,
              label: t(`reports.kinds.${value}`),
            }))}
            data-testid="report-kind"
          />
          <List
            dataSource={items}
            locale={{ emptyText: t('reports.none') }}
            renderItem={(item) => (
              <List.Item
                onClick={() => setSelected(item.id)}
                style={{ cursor: 'pointer', fontWeight: item.id === shown?.id ? 600 : 400 }}
                data-testid={`report-${item.period}`}
              >
                <Tag>{t(`reports.kinds.${item.kind}`)}</Tag>
                {item.period}
              </List.Item>
            )}
          />
        </Card>
        <Card
          style={{ flex: 1 }}
          title={
            shown
              ? shown.kind === 'monthly'
                ? t('reports.monthly', { month: shown.period })
                : t(`reports.${shown.kind}`, { period: shown.period })
              : t('reports.title')
          }
          extra={
            shown ? (
              <Button
                icon={<FilePdfOutlined />}
                href={`/api/reports/${shown.id}/pdf`}
                data-testid="report-pdf"
              >
                PDF
              </Button>
            ) : null
          }
        >
          {shown ? (
            <iframe
              key={shown.id}
              title={shown.period}
              src={`/api/reports/${shown.id}/html`}
              style={{ width: '100%', height: '75vh', border: 0 }}
              data-testid="report-frame"
            />
          ) : (
            <Empty description={<Typography.Text type="secondary">{t('reports.none')}</Typography.Text>} />
          )}
        </Card>
      </Flex>
    </>
  );
}
