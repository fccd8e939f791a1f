// Who may change the shop profile.
import type { Permission } from '../../shared/roles.js';

export const shopPolicy = { manage: 'shop.manage' } as const satisfies Record<string, Permission>;
