// Every path of the console: the login page, then the signed-in shell with the workspace, the supervisor board,
// the planned areas and the settings pages.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { RequirePermission, RequireSession } from './components/require-session';
import { CallsPage } from './pages/calls/calls-page';
import { KnowledgePage } from './pages/knowledge/knowledge-page';
import { WallboardPage } from './pages/dashboard/wallboard-page';
import { MetricsPage } from './pages/metrics/metrics-page';
import { ReportsPage } from './pages/reports/reports-page';
import { HistoryPage } from './pages/history/history-page';
import { NotFoundPage } from './pages/errors/not-found-page';
import { LoginPage } from './pages/login/login-page';
import { AgentsPage } from './pages/settings/agents-page';
import { AuditPage } from './pages/settings/audit-page';
import { AutoRepliesPage } from './pages/settings/auto-replies-page';
import { CalendarPage } from './pages/settings/calendar-page';
import { DepartmentsPage } from './pages/settings/departments-page';
import { GroupsPage } from './pages/settings/groups-page';
import { QuickRepliesPage } from './pages/settings/quick-replies-page';
import { OrderImportPage } from './pages/settings/order-import-page';
import { ShopPage } from './pages/settings/shop-page';
import { WebhooksPage } from './pages/settings/webhooks-page';
import { SlaPoliciesPage } from './pages/settings/sla-policies-page';
import { SupervisionPage } from './pages/supervision/supervision-page';
import { WorkOrderPage } from './pages/work-orders/work-order-page';
import { WorkOrdersPage } from './pages/work-orders/work-orders-page';
import { WorkspacePage } from './pages/workspace/workspace-page';
import { CustomerProfilePage } from './pages/customers/customer-profile-page';
import { CustomersPage } from './pages/customers/customers-page';
import { FollowUpsPage } from './pages/follow-ups/follow-ups-page';
import { FollowUpRulesPage } from './pages/settings/follow-up-rules-page';
import { QuestionnairesPage } from './pages/settings/questionnaires-page';
import { SuggestionsPage } from './pages/suggestions/suggestions-page';
import { SurveyPage } from './pages/survey/survey-page';
import { QualityPage } from './pages/quality/quality-page';
import { InspectionPage } from './pages/quality/inspection-page';
import { DisciplinePage } from './pages/discipline/discipline-page';
import { HandoverPage } from './pages/handover/handover-page';
import {
  homePath,
  liveAreas,
  loginPath,
  settingsPages,
  type LiveArea,
  type SettingsPage,
} from './rules/navigation';

const areaElements: Record<LiveArea, ReactNode> = {
  workspace: <WorkspacePage />,
  supervision: <SupervisionPage />,
  calls: <CallsPage />,
  workOrders: <WorkOrdersPage />,
  followUps: <FollowUpsPage />,
  customers: <CustomersPage />,
  suggestions: <SuggestionsPage />,
  quality: <QualityPage />,
  discipline: <DisciplinePage />,
  handover: <HandoverPage />,
  knowledge: <KnowledgePage />,
  dashboard: <WallboardPage />,
  metrics: <MetricsPage />,
  reports: <ReportsPage />,
  history: <HistoryPage />,
};

const settingsElements: Record<SettingsPage, ReactNode> = {
  shop: <ShopPage />,
  quickReplies: <QuickRepliesPage />,
  autoReplies: <AutoRepliesPage />,
  agents: <AgentsPage />,
  groups: <GroupsPage />,
  departments: <DepartmentsPage />,
  audit: <AuditPage />,
  slaPolicies: <SlaPoliciesPage />,
  calendar: <CalendarPage />,
  webhooks: <WebhooksPage />,
  orderImport: <OrderImportPage />,
  followUpRules: <FollowUpRulesPage />,
  questionnaires: <QuestionnairesPage />,
};

export function AppRoutes() {
  return (
    <Routes>
      <Route path={loginPath} element={<LoginPage />} />
      <Route path="/s/:token" element={<SurveyPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<Navigate to={homePath} replace />} />
          {liveAreas.map((area) => (
            <Route
              key={area.id}
              path={area.path}
              element={
                <RequirePermission permission={area.permission}>{areaElements[area.id]}</RequirePermission>
              }
            />
          ))}
          <Route path="/work-orders/:id" element={<WorkOrderPage />} />
          <Route path="/customers/:id" element={<CustomerProfilePage />} />
          <Route path="/quality/samples/:id" element={<InspectionPage />} />
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
