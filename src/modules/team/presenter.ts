// What agents, groups and departments look like when they leave the server (never the password hash).
import type { UserTable } from '../../db/schema.js';
import type { Agent, Department, Group } from '../../shared/schemas/team.js';
import type { DepartmentWithCount, GroupWithCount } from './repo.js';
import { isoOf } from '../../db/instants.js';

export function presentAgent(user: UserTable, groupIds: string[]): Agent {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    employeeNo: user.employeeNo,
    role: user.role,
    status: user.status,
    locale: user.locale,
    maxConcurrentChats: user.maxConcurrentChats,
    departmentId: user.departmentId,
    groupIds,
    createdAt: isoOf(user.createdAt),
    updatedAt: isoOf(user.updatedAt),
  };
}

export function presentGroup(group: GroupWithCount): Group {
  return {
    id: group.id,
    kind: group.kind,
    name: group.name,
    memberCount: group.memberCount,
    createdAt: isoOf(group.createdAt),
    updatedAt: isoOf(group.updatedAt),
  };
}

export function presentDepartment(department: DepartmentWithCount): Department {
  return {
    id: department.id,
    name: department.name,
    description: department.description,
    memberCount: department.memberCount,
    createdAt: isoOf(department.createdAt),
    updatedAt: isoOf(department.updatedAt),
  };
}
