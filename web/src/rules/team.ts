// The team rules of SPEC §1 the console needs to guide the user; the server stays the judge of each of them.
import type { Department, Group, GroupKind } from '@shared/schemas/team.js';
import { groupKinds } from '@shared/schemas/team.js';
import type { AgentStatus } from '@shared/schemas/team.js';

/** A shop has at most one group of each kind, so only the missing kinds can be created. */
export function missingGroupKinds(groups: readonly Group[]): GroupKind[] {
  const present = new Set(groups.map((group) => group.kind));
  return groupKinds.filter((kind) => !present.has(kind));
}

/** While only the pre-sale group exists, no pre/after split is made and it takes all chats. */
export function preSaleTakesAllChats(groups: readonly Group[]): boolean {
  return groups.length > 0 && groups.every((group) => group.kind === 'pre_sale');
}

/** Each duty must have at least one responsible agent. */
export function groupsWithoutMembers(groups: readonly Group[]): Group[] {
  return groups.filter((group) => group.memberCount === 0);
}

/** The pre-sale group is required; any other group may be deleted once it is empty (the server checks that). */
export function isDeletableGroup(group: Group): boolean {
  return group.kind !== 'pre_sale';
}

export function groupKindOrder(kind: GroupKind): number {
  return groupKinds.indexOf(kind);
}

export function sortGroups(groups: readonly Group[]): Group[] {
  return [...groups].sort((a, b) => groupKindOrder(a.kind) - groupKindOrder(b.kind));
}

export function toggledStatus(status: AgentStatus): AgentStatus {
  return status === 'active' ? 'disabled' : 'active';
}

/** id → name, to show group and department names where the API gives ids. */
export function namesById(items: ReadonlyArray<Group | Department>): ReadonlyMap<string, string> {
  return new Map(items.map((item) => [item.id, item.name]));
}
