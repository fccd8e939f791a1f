// What the left menu offers and which permission each page needs (session.permissions decides).
import type { Permission } from '@shared/roles.js';

/** The areas of the left menu, each with the permission it needs (null: every signed-in member). */
export const liveAreas = [
  { id: 'workspace', path: '/workspace', permission: null },
  { id: 'supervision', path: '/supervision', permission: 'chat.supervise' },
  { id: 'workOrders', path: '/work-orders', permission: null },
  { id: 'calls', path: '/calls', permission: null },
  { id: 'followUps', path: '/follow-ups', permission: null },
  { id: 'customers', path: '/customers', permission: null },
  { id: 'suggestions', path: '/suggestions', permission: null },
  { id: 'quality', path: '/quality', permission: null },
  { id: 'discipline', path: '/discipline', permission: null },
  { id: 'handover', path: '/handover', permission: null },
  { id: 'knowledge', path: '/knowledge', permission: null },
  { id: 'dashboard', path: '/dashboard', permission: 'metrics.read' },
  { id: 'metrics', path: '/metrics', permission: 'metrics.read' },
  { id: 'reports', path: '/reports', permission: 'metrics.read' },
  { id: 'history', path: '/history', permission: 'metrics.read' },
] as const satisfies ReadonlyArray<{ id: string; path: string; permission: Permission | null }>;
export type LiveArea = (typeof liveAreas)[number]['id'];

export const settingsPages = [
  { id: 'shop', path: '/settings/shop', permission: null },
  { id: 'quickReplies', path: '/settings/quick-replies', permission: null },
  { id: 'autoReplies', path: '/settings/auto-replies', permission: 'shop.manage' },
  { id: 'agents', path: '/settings/agents', permission: 'team.read' },
  { id: 'groups', path: '/settings/groups', permission: 'team.read' },
  { id: 'departments', path: '/settings/departments', permission: 'team.read' },
  { id: 'audit', path: '/settings/audit', permission: 'audit.read' },
  { id: 'slaPolicies', path: '/settings/sla-policies', permission: 'shop.manage' },
  { id: 'calendar', path: '/settings/calendar', permission: null },
  { id: 'webhooks', path: '/settings/webhooks', permission: 'shop.manage' },
  { id: 'orderImport', path: '/settings/order-import', permission: 'shop.manage' },
  { id: 'followUpRules', path: '/settings/follow-up-rules', permission: null },
  { id: 'questionnaires', path: '/settings/questionnaires', permission: 'followup.supervise' },
] as const satisfies ReadonlyArray<{ id: string; path: string; permission: Permission | null }>;
export type SettingsPage = (typeof settingsPages)[number]['id'];

export const homePath = '/workspace';
export const loginPath = '/login';

const allowed =
  (granted: readonly Permission[]) =>
  (item: { permission: Permission | null }): boolean =>
    item.permission === null || granted.includes(item.permission);

/** Live areas the user may open (the supervisor board needs chat.supervise). */
export function visibleLiveAreas(granted: readonly Permission[]) {
  return liveAreas.filter(allowed(granted));
}

/** Settings pages the user may open; the shop and quick-reply pages are always there. */
export function visibleSettingsPages(granted: readonly Permission[]) {
  return settingsPages.filter(allowed(granted));
}

/** The menu entry a location belongs to, so nested paths keep their parent highlighted. */
export function activeMenuPath(pathname: string): string | undefined {
  const all: ReadonlyArray<{ path: string }> = [...liveAreas, ...settingsPages];
  return all.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.path;
}
