// Who may see the metrics and who may choose how agents are scored.
import type { Permission } from '../../shared/roles.js';

export const metricsPolicy = { read: 'metrics.read', manage: 'metrics.manage' } as const satisfies Record<
  string,
  Permission
>;
