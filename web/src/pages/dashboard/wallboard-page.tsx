// 数据大屏: the live wallboard for supervisors (SPEC §7, §10): the queue and its longest wait, agents by presence,
// chats in progress, today's SLA warnings and breaches, today's reply rate and first-response time; pushed live.
import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../components/echart';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { presenceColors } from '../../components/presence-switch';
import { warningKey, useWarningText } from '../../hooks/use-early-warning-notices';
import { useWallboard } from '../../hooks/use-wallboard';
import { presenceLabelKey } from '../../i18n/labels';

const presences = ['online', 'busy', 'away', 'offline'] as const;

export function WallboardPage() {
  const { t } = useTranslation();
  const { board, loading, error } = useWallboard();
  const warningText = useWarningText();

  const presenceChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b}: {c}' },
          data: presences.map((status) => ({
            name: t(presenceLabelKey(status)),
            value: board?.presence[status] ?? 0,
            itemStyle: { color: presenceColors[status] },
          })),
        },
      ],
    }),
    [board, t],
  );

  if (loading) return <PageLoading />;
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : (value * 100).toFixed(1);
  const seconds = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : value.toFixed(1);

  return (
    <>
      <PageHeader title={t('wallboard.title')} description={t('wallboard.description')} />
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.queue')}
              value={board?.queueLength ?? 0}
              data-testid="wallboard-queue"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.longestWait')}
              value={board?.longestWaitSeconds ?? '—'}
              suffix={board?.longestWaitSeconds === null ? undefined : t('wallboard.seconds')}
              data-testid="wallboard-longest-wait"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.inProgress')}
              value={board?.chatsInProgress ?? 0}
              data-testid="wallboard-in-progress"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.sla')}
              value={`${board?.slaWarningsToday ?? 0} / ${board?.slaBreachesToday ?? 0}`}
              data-testid="wallboard-sla"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.consulting')}
              value={board?.consultingCustomersToday ?? 0}
              data-testid="wallboard-consulting"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.replyRate')}
              value={percent(board?.replyRateToday)}
              suffix={board?.replyRateToday === null ? undefined : '%'}
              data-testid="wallboard-reply-rate"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.firstResponse')}
              value={seconds(board?.avgFirstResponseSecondsToday)}
              suffix={board?.avgFirstResponseSecondsToday === null ? undefined : t('wallboard.seconds')}
              data-testid="wallboard-first-response"
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('wallboard.warningsTitle')} data-testid="wallboard-warnings">
            {board && board.warnings.length > 0 ? (
              <Flex vertical gap={8}>
                {board.warnings.map((warning) => (
                  <Alert key={warningKey(warning)} type="warning" showIcon message={warningText(warning)} />
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('wallboard.noWarnings')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('wallboard.presence')}>
            <EChart option={presenceChart} height={260} testId="wallboard-presence-chart" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
