// Shows an API error's message (already in the user's language), with a retry button when loading failed.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

interface ErrorAlertProps {
  error: ApiError | undefined;
  onRetry?: () => void;
  testId?: string;
}

export function ErrorAlert({ error, onRetry, testId = 'error-alert' }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      data-testid={testId}
      type="error"
      showIcon
      title={error.message}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
