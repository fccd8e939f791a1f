// Turns a role into the set of permissions the access hook checks.
import { rolePermissions, type Permission, type Role } from '../../shared/roles.js';

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(rolePermissions[role]);
}
