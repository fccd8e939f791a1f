// Who may read and change the business calendar: every staff member reads it (deadlines are computed on it), shop
// managers change it.
import type { Permission } from '../../shared/roles.js';

export const calendarPolicy = { manage: 'shop.manage' } as const satisfies Record<string, Permission>;
