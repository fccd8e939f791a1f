// The workspace's SLA badge: my warnings and breaches whose clocks still run, announced as they arrive.
import { AlertOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSocketEvent } from '../../hooks/use-agent-socket';
import { useLocale } from '../../hooks/use-locale';
import { useSlaAlerts } from '../../hooks/use-sla-alerts';
import { formatInstant } from '../../rules/time';

export function SlaAlertBadge({ myUserId, timeZone }: { myUserId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const { locale } = useLocale();
  const { alerts } = useSlaAlerts(myUserId);
  const breaches = alerts.filter((alert) => alert.kind === 'breach').length;

  useSocketEvent('sla:alert', (alert) => {
    if (alert.agentId !== myUserId) return;
    const kind = t(`sla.alerts.${alert.kind}`);
    notification[alert.kind === 'breach' ? 'error' : 'warning']({
      title: t('sla.alerts.toast', { kind, policy: alert.policyKey, subject: alert.subjectKey }),
      description: t('sla.alerts.dueAt', { time: formatInstant(alert.dueAt, timeZone, locale) }),
    });
  });

  const content = (
    <div style={{ width: 360, maxHeight: 400, overflowY: 'auto' }}>
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sla.alerts.empty')} />
      ) : (
        <List
          size="small"
          dataSource={alerts}
          renderItem={(alert) => (
            <List.Item key={alert.id}>
              <Flex vertical gap={2}>
                <Flex gap={6} align="center">
                  <Tag color={alert.kind === 'breach' ? 'red' : 'orange'}>
                    {t(`sla.alerts.${alert.kind}`)}
                  </Tag>
                  {alert.workOrderId ? (
                    <Link to={`/work-orders/${alert.workOrderId}`}>{alert.policyKey}</Link>
                  ) : (
                    <Typography.Text>{alert.policyKey}</Typography.Text>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sla.alerts.dueAt', { time: formatInstant(alert.dueAt, timeZone, locale) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover title={t('sla.alerts.title')} content={content} trigger="click" placement="bottomLeft">
      <Button icon={<AlertOutlined />} data-testid="sla-alert-badge" data-count={alerts.length}>
        {t('sla.alerts.badge')}
        <Badge
          count={alerts.length}
          color={breaches > 0 ? 'red' : 'orange'}
          showZero
          size="small"
          style={{ marginInlineStart: 6 }}
        />
      </Button>
    </Popover>
  );
}
