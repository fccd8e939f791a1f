// Who may do what with follow-ups: every staff member works their own tasks; followup.supervise sees every task,
// edits the rules, composes and sends questionnaires and routes suggestions.
import type { Permission } from '../../shared/roles.js';

export const followUpPolicy = {
  supervise: 'followup.supervise',
} as const satisfies Record<string, Permission>;
