// Route guards: pages behind sign-in, and pages that need a permission the user may not hold.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Permission } from '@shared/roles.js';
import { useGranted, useSession } from '../hooks/use-session';
import { homePath, loginPath } from '../rules/navigation';
import { PageLoading } from './page-loading';

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'anonymous') {
    // After an expired session the user comes back to where they were; after signing out, to the start.
    const from = state.signedOut ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to={loginPath} replace state={from ? { from } : null} />;
  }
  return <Outlet />;
}

/** Renders the page only for a user holding `permission` (null: every signed-in user). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const granted = useGranted();
  const allowed = permission === null || granted.includes(permission);
  const navigate = useNavigate();
  if (allowed) return children;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate(homePath)}>
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}
