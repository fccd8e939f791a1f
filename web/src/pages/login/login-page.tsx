// Sign-in with login and password; shows the server's message when it refuses.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody } from '@shared/schemas/auth.js';
import { toApiError } from '../../api/client';
import { LangSwitch } from '../../components/lang-switch';
import { PageLoading } from '../../components/page-loading';
import { useSession } from '../../hooks/use-session';
import { homePath, loginPath } from '../../rules/navigation';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/') && !state.from.startsWith('//') && state.from !== loginPath)
      return state.from;
  }
  return homePath;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'authenticated' && !submitting) {
    return <Navigate to={returnPath(location.state)} replace />;
  }

  const onFinish = (values: LoginBody) => {
    setSubmitting(true);
    setError(null);
    signIn(values).then(
      () => {
        setSubmitting(false);
        navigate(returnPath(location.state), { replace: true });
      },
      (failure: unknown) => {
        setSubmitting(false);
        setError(toApiError(failure).message);
      },
    );
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: '#f5f7fa' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LangSwitch />
        </Flex>
        <Typography.Title
          level={2}
          style={{ textAlign: 'center', marginBottom: 4 }}
          data-testid="product-name"
        >
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <Typography.Title level={4} style={{ marginTop: 8 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item
            name="login"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              placeholder={t('login.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
