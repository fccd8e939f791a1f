// Every path of the console: the login page, then the signed-in shell with each area and settings page.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { ComingSoon } from './components/coming-soon';
import { RequirePermission, RequireSession } from './components/require-session';
import { NotFoundPage } from './pages/errors/not-found-page';
import { LoginPage } from './pages/login/login-page';
import { AgentsPage } from './pages/settings/agents-page';
import { AuditPage } from './pages/settings/audit-page';
import { DepartmentsPage } from './pages/settings/departments-page';
import { GroupsPage } from './pages/settings/groups-page';
import { ShopPage } from './pages/settings/shop-page';
import { homePath, loginPath, plannedAreas, settingsPages, type SettingsPage } from './rules/navigation';

const settingsElements: Record<SettingsPage, ReactNode> = {
  shop: <ShopPage />,
  agents: <AgentsPage />,
  groups: <GroupsPage />,
  departments: <DepartmentsPage />,
  audit: <AuditPage />,
};

export function AppRoutes() {
  return (
    <Routes>
      <Route path={loginPath} element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<Navigate to={homePath} replace />} />
          {plannedAreas.map((area) => (
            <Route key={area.id} path={area.path} element={<ComingSoon key={area.id} area={area.id} />} />
          ))}
          <Route path="/settings" element={<Navigate to="/settings/shop" replace />} />
          {settingsPages.map((page) => (
            <Route
              key={page.id}
              path={page.path}
              element={
                <RequirePermission permission={page.permission}>
                  {settingsElements[page.id]}
                </RequirePermission>
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
