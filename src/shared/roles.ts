// Roles of SPEC §1 and the permissions each one holds; the single source for server policies and web menus.
export const roles = [
  'admin',
  'supervisor',
  'agent',
  'qa_inspector',
  'complaint_team',
  'department_member',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'shop.manage', // shop profile and settings
  'team.read', // see agents, groups and departments of the shop
  'team.manage', // create and change agents, groups, departments and chat caps
  'audit.read', // read the audit log
  'customer.reveal_contact', // see unmasked phone numbers and e-mails (each reveal audited)
  'chat.supervise', // see every conversation of the shop and reassign them
  'calls.supervise', // see every call record of the shop and spot-check them (SPEC §5)
  'workorder.supervise', // see and handle every work order of the shop, and every SLA warning and breach
  'metrics.read', // see metrics, dashboards and reports of every agent, group and the shop, and export them
  'metrics.manage', // choose the performance-score metrics, weights and targets
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: permissions,
  supervisor: [
    'team.read',
    'audit.read',
    'customer.reveal_contact',
    'chat.supervise',
    'calls.supervise',
    'workorder.supervise',
    'metrics.read',
  ],
  agent: [],
  qa_inspector: ['team.read', 'calls.supervise', 'metrics.read'],
  complaint_team: [],
  department_member: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
