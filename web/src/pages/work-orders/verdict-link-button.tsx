// A one-time link for the customer's verdict on a resolved work order (SPEC §6), shown once to be sent.
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/client';
import { createVerdictLink } from '../../api/follow-ups-api';

export function VerdictLinkButton({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (url)
    return (
      <div style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('workOrderVerdict.linkCreated')}</Typography.Text>
        <Typography.Paragraph copyable data-testid="verdict-link" style={{ wordBreak: 'break-all' }}>
          {url}
        </Typography.Paragraph>
      </div>
    );
  return (
    <Button
      block
      style={{ marginTop: 8 }}
      loading={busy}
      data-testid="verdict-link-create"
      onClick={() => {
        setBusy(true);
        createVerdictLink(workOrderId)
          .then((link) => setUrl(`${window.location.origin}${link.url ?? ''}`))
          .catch((error: unknown) => void message.error(toApiError(error).message))
          .finally(() => setBusy(false));
      }}
    >
      {t('workOrderVerdict.link')}
    </Button>
  );
}
