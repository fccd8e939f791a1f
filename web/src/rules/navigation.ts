// What the left menu offers and which permission each settings page needs (session.permissions decides).
import type { Permission } from '@shared/roles.js';

/** Areas of SPEC.md that arrive in later releases; each shows the shared "coming soon" page for now. */
export const plannedAreas = [
  { id: 'workspace', path: '/workspace' },
  { id: 'workOrders', path: '/work-orders' },
  { id: 'calls', path: '/calls' },
  { id: 'followUps', path: '/follow-ups' },
  { id: 'customers', path: '/customers' },
  { id: 'knowledge', path: '/knowledge' },
  { id: 'quality', path: '/quality' },
  { id: 'discipline', path: '/discipline' },
  { id: 'handover', path: '/handover' },
  { id: 'reports', path: '/reports' },
] as const;
export type PlannedArea = (typeof plannedAreas)[number]['id'];

export const settingsPages = [
  { id: 'shop', path: '/settings/shop', permission: null },
  { id: 'agents', path: '/settings/agents', permission: 'team.read' },
  { id: 'groups', path: '/settings/groups', permission: 'team.read' },
  { id: 'departments', path: '/settings/departments', permission: 'team.read' },
  { id: 'audit', path: '/settings/audit', permission: 'audit.read' },
] as const satisfies ReadonlyArray<{ id: string; path: string; permission: Permission | null }>;
export type SettingsPage = (typeof settingsPages)[number]['id'];

export const homePath = '/workspace';
export const loginPath = '/login';

/** Settings pages the user may open; the shop page is always there (read-only without shop.manage). */
export function visibleSettingsPages(granted: readonly Permission[]) {
  return settingsPages.filter((item) => item.permission === null || granted.includes(item.permission));
}

/** The menu entry a location belongs to, so nested paths keep their parent highlighted. */
export function activeMenuPath(pathname: string): string | undefined {
  const all: ReadonlyArray<{ path: string }> = [...plannedAreas, ...settingsPages];
  return all.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.path;
}
