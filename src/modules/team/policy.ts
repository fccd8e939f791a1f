// Who may see and change the shop's team.
import type { Permission } from '../../shared/roles.js';

export const teamPolicy = { read: 'team.read', manage: 'team.manage' } as const satisfies Record<
  string,
  Permission
>;
