// Who may read the audit log.
import type { Permission } from '../../shared/roles.js';

export const auditPolicy = { read: 'audit.read' } as const satisfies Record<string, Permission>;
