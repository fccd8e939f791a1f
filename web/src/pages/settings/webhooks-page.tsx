// Webhook 密钥: the secret the PBX and the shop platform sign webhooks with — rotate it (the old one stays valid as
// "previous" until retired), see the headers and endpoints.
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getWebhookSecrets, retirePreviousWebhookSecret, rotateWebhookSecret } from '../../api/orders-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { testId } from '../../components/test-id';
import { useApiQuery } from '../../hooks/use-api-query';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const secrets = useApiQuery('webhook-secrets', getWebhookSecrets);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const fail = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));

  const describe = (info: { hint: string; createdAt: string } | null | undefined) =>
    info
      ? t('webhooks.hint', {
          hint: info.hint,
          time: formatInstant(info.createdAt, session.shop.timezone, locale),
        })
      : t('webhooks.none');

  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      <ErrorAlert error={secrets.error} onRetry={secrets.reload} />
      {newSecret ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('webhooks.newSecret')}
          description={
            <Typography.Text code copyable data-testid="webhook-new-secret">
              {newSecret}
            </Typography.Text>
          }
        />
      ) : null}
      {/* Until the secrets are read, a skeleton: "none" would be a wrong answer. */}
      <Card loading={secrets.data === undefined && !secrets.error}>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('webhooks.shopId')}>
            <Typography.Text code copyable data-testid="webhook-shop-id">
              {session.shop.id}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.current')}>
            <span data-testid="webhook-current">{describe(secrets.data?.current)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.previous')}>
            <span data-testid="webhook-previous">{describe(secrets.data?.previous)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.endpoints')}>
            <Flex vertical>
              <Typography.Text code>POST /api/webhooks/calls</Typography.Text>
              <Typography.Text code>POST /api/webhooks/orders</Typography.Text>
            </Flex>
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('webhooks.rotateConfirm')}
            onConfirm={() =>
              rotateWebhookSecret().then((rotated) => {
                setNewSecret(rotated.secret);
                secrets.reload();
              }, fail)
            }
            okButtonProps={{ ...testId('webhook-rotate-confirm') }}
          >
            <Button type="primary" data-testid="webhook-rotate">
              {t('webhooks.rotate')}
            </Button>
          </Popconfirm>
          <Button
            disabled={!secrets.data?.previous}
            onClick={() => void retirePreviousWebhookSecret().then(() => secrets.reload(), fail)}
          >
            {t('webhooks.retire')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
