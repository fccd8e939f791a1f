// The signed-in frame: the menu of every area on the left; shop, presence, user, language and sign-out on top.
// It also owns the staff socket, so a chat assigned to me alerts on every page.
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  LineChartOutlined,
  AreaChartOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DesktopOutlined,
  ExceptionOutlined,
  EyeOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  LogoutOutlined,
  MessageOutlined,
  NotificationOutlined,
  PhoneOutlined,
  RetweetOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { toApiError } from '../api/client';
import { AgentSocketProvider } from '../hooks/use-agent-socket';
import { useEarlyWarningNotices } from '../hooks/use-early-warning-notices';
import { useNewChatAlert } from '../hooks/use-new-chat-alert';
import { useAuthenticatedSession, useSession } from '../hooks/use-session';
import { roleLabelKey } from '../i18n/labels';
import {
  activeMenuPath,
  visibleLiveAreas,
  visibleSettingsPages,
  type LiveArea,
  type SettingsPage,
} from '../rules/navigation';
import { takesChats } from '../rules/presence';
import { LangSwitch } from './lang-switch';
import { PresenceSwitch } from './presence-switch';

const areaIcons: Record<LiveArea, ReactNode> = {
  workspace: <DesktopOutlined />,
  supervision: <EyeOutlined />,
  workOrders: <FileTextOutlined />,
  calls: <PhoneOutlined />,
  followUps: <RetweetOutlined />,
  customers: <ContactsOutlined />,
  knowledge: <BookOutlined />,
  quality: <AuditOutlined />,
  discipline: <ExceptionOutlined />,
  handover: <SwapOutlined />,
  reports: <BarChartOutlined />,
  suggestions: <BulbOutlined />,
  dashboard: <DashboardOutlined />,
  metrics: <LineChartOutlined />,
  history: <AreaChartOutlined />,
};

const settingsIcons: Record<SettingsPage, ReactNode> = {
  shop: <ShopOutlined />,
  quickReplies: <MessageOutlined />,
  autoReplies: <NotificationOutlined />,
  agents: <TeamOutlined />,
  groups: <ClusterOutlined />,
  departments: <ApartmentOutlined />,
  audit: <HistoryOutlined />,
  slaPolicies: <FieldTimeOutlined />,
  calendar: <CalendarOutlined />,
  webhooks: <ApiOutlined />,
  orderImport: <UploadOutlined />,
  followUpRules: <ScheduleOutlined />,
  questionnaires: <FormOutlined />,
};

const settingsMenuKey = 'settings';

export function AppShell() {
  return (
    <AgentSocketProvider>
      <ShellFrame />
    </AgentSocketProvider>
  );
}

function ShellFrame() {
  const { t } = useTranslation();
  const session = useAuthenticatedSession();
  const chats = takesChats(session.user.role);
  useNewChatAlert(session.user.id, chats);
  useEarlyWarningNotices();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const menuItems: MenuProps['items'] = [
    ...visibleLiveAreas(session.permissions).map((area) => ({
      key: area.path,
      icon: areaIcons[area.id],
      label: (
        <Link to={area.path} data-testid={`nav-${area.id}`}>
          {t(`nav.${area.id}`)}
        </Link>
      ),
    })),
    {
      key: settingsMenuKey,
      icon: <SettingOutlined />,
      label: <span data-testid="nav-settings">{t('nav.settings')}</span>,
      children: visibleSettingsPages(session.permissions).map((page) => ({
        key: page.path,
        icon: settingsIcons[page.id],
        label: (
          <Link to={page.path} data-testid={`nav-settings-${page.id}`}>
            {t(`nav.${page.id}`)}
          </Link>
        ),
      })),
    },
  ];

  const selected = activeMenuPath(location.pathname);
  const inSettings = location.pathname.startsWith('/settings');

  const onSignOut = () => {
    setSigningOut(true);
    signOut()
      .catch((error: unknown) => {
        void message.error(t('header.logoutFailed', { message: toApiError(error).message }));
      })
      .finally(() => setSigningOut(false));
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={220}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <Flex align="center" justify="center" style={{ height: 64 }}>
          <Typography.Text strong style={{ fontSize: collapsed ? 14 : 18, whiteSpace: 'nowrap' }}>
            {collapsed ? t('app.shortName') : t('app.name')}
          </Typography.Text>
        </Flex>
        <Menu
          mode="inline"
          aria-label={t('nav.mainMenu')}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={inSettings ? [settingsMenuKey] : []}
          items={menuItems}
          // Room for the collapse trigger fixed at the bottom, so the last settings page is never under it.
          style={{ borderInlineEnd: 'none', paddingBottom: 48 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: 24,
            borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
            lineHeight: 'normal',
          }}
        >
          <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <ShopOutlined />
              <Typography.Text strong ellipsis data-testid="header-shop-name">
                {session.shop.name}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={12}>
              {chats ? <PresenceSwitch /> : null}
              <Typography.Text data-testid="header-user-name">{session.user.displayName}</Typography.Text>
              <Tag color="blue" data-testid="header-user-role">
                {t(roleLabelKey(session.user.role))}
              </Tag>
              <LangSwitch />
              <Button data-testid="logout" icon={<LogoutOutlined />} loading={signingOut} onClick={onSignOut}>
                {t('header.logout')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
