// Pure rules of the shop's team structure (SPEC §1); no I/O, so each is unit-tested directly.
import type { Role } from '../../shared/roles.js';
import type { AgentStatus } from '../../shared/schemas/team.js';

export interface StaffState {
  role: Role;
  status: AgentStatus;
}

/** A change that would leave the shop with no active administrator is refused. */
export function removesLastAdmin(before: StaffState, after: StaffState, activeAdminCount: number): boolean {
  const wasActiveAdmin = before.role === 'admin' && before.status === 'active';
  const staysActiveAdmin = after.role === 'admin' && after.status === 'active';
  return wasActiveAdmin && !staysActiveAdmin && activeAdminCount <= 1;
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
