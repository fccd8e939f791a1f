// Team rules of SPEC §1 that both the server (the judge) and the web app (the guide) apply.
import type { Role } from './roles.js';
import type { GroupKind } from './schemas/team.js';

/** Staff who answer chats must sit in at least one duty group. */
export function needsGroup(role: Role): boolean {
  return role === 'agent';
}

/** On first setup every agent is in pre-sale (SPEC §1). */
export function defaultGroupIds(groups: ReadonlyArray<{ id: string; kind: GroupKind }>): string[] {
  return groups.filter((group) => group.kind === 'pre_sale').map((group) => group.id);
}

/** The pre-sale group takes every chat while it is alone, so it can never be removed; others only when empty. */
export function isRemovableGroup(kind: GroupKind, memberCount: number): 'ok' | 'required' | 'not_empty' {
  if (kind === 'pre_sale') return 'required';
  if (memberCount > 0) return 'not_empty';
  return 'ok';
}
