// Pure rules of the shop's team structure (SPEC §1); no I/O, so each is unit-tested directly.
import type { Role } from '../../shared/roles.js';
import type { AgentStatus, GroupKind } from '../../shared/schemas/team.js';

export interface StaffState {
  role: Role;
  status: AgentStatus;
}

/** Staff who answer chats must sit in at least one duty group. */
export function needsGroup(role: Role): boolean {
  return role === 'agent';
}

/** On first setup every agent is in pre-sale (SPEC §1). */
export function defaultGroupIds(groups: ReadonlyArray<{ id: string; kind: GroupKind }>): string[] {
  const preSale = groups.find((group) => group.kind === 'pre_sale');
  return preSale ? [preSale.id] : [];
}

/** A change that would leave the shop with no active administrator is refused. */
export function removesLastAdmin(before: StaffState, after: StaffState, activeAdminCount: number): boolean {
  const wasActiveAdmin = before.role === 'admin' && before.status === 'active';
  const staysActiveAdmin = after.role === 'admin' && after.status === 'active';
  return wasActiveAdmin && !staysActiveAdmin && activeAdminCount <= 1;
}

/** The pre-sale group takes every chat while it is alone, so it can never be removed. */
export function isRemovableGroup(kind: GroupKind, memberCount: number): 'ok' | 'required' | 'not_empty' {
  if (kind === 'pre_sale') return 'required';
  if (memberCount > 0) return 'not_empty';
  return 'ok';
}

/** Field-by-field [before, after] pairs of what changed, for the audit log. */
export function changedFields<T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const next = after[key];
    if (next === undefined) continue;
    const previous = before[key];
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[String(key)] = [previous, next];
  }
  return changes;
}
