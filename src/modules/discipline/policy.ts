// Who may do what with the ledger: everyone reads their own entries and appeals them; discipline.manage reads every
// ledger, adds manual entries, edits rules, runs detection and decides appeals.
import type { Permission } from '../../shared/roles.js';

export const disciplinePolicy = {
  manage: 'discipline.manage',
} as const satisfies Record<string, Permission>;
