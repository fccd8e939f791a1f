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
  'followup.supervise', // see every follow-up task, edit follow-up rules, compose and send questionnaires, route suggestions
  'qa.inspect', // the inspection queue, every inspection of the shop, scoring sampled chats and calls (SPEC §8)
  'qa.manage', // scorecards and the sampling / pre-check settings
  'discipline.manage', // every agent's ledger, manual entries, rules, detection runs and deciding appeals (SPEC §9)
  'training.manage', // training sessions, attendance and assessment scores
  'knowledge.manage', // edit the knowledge base and approve reply templates (SPEC §10)
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
    'followup.supervise',
    'qa.inspect',
    'qa.manage',
    'discipline.manage',
    'training.manage',
    'knowledge.manage',
    'metrics.read',
  ],
  agent: [],
  qa_inspector: ['team.read', 'calls.supervise', 'qa.inspect', 'metrics.read'],
  complaint_team: [],
  department_member: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
