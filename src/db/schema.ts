// The single source of table types (Kysely's `Database` interface); columns are camelCase here, snake_case in SQL.
import type { Locale } from '../shared/locales.js';
import type { Role } from '../shared/roles.js';
import type { AgentStatus, GroupKind } from '../shared/schemas/team.js';

/** Instants are stored as UTC epoch milliseconds (bigint) on both dialects. */
export type EpochMs = number;

export interface ShopTable {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: Locale;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface UserTable {
  id: string;
  shopId: string;
  login: string;
  displayName: string;
  employeeNo: string;
  role: Role;
  status: AgentStatus;
  locale: Locale;
  passwordHash: string;
  maxConcurrentChats: number;
  departmentId: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface GroupTable {
  id: string;
  shopId: string;
  kind: GroupKind;
  name: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface GroupMemberTable {
  groupId: string;
  userId: string;
  shopId: string;
  createdAt: EpochMs;
}

export interface DepartmentTable {
  id: string;
  shopId: string;
  name: string;
  description: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface SessionTable {
  /** sha256 of the session token; the token itself lives only in the cookie */
  id: string;
  userId: string;
  shopId: string;
  csrfToken: string;
  createdAt: EpochMs;
  lastSeenAt: EpochMs;
  expiresAt: EpochMs;
}

export interface AuditLogTable {
  id: string;
  shopId: string;
  actorId: string | null;
  /** the actor's display name when the entry was written */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** JSON text */
  changes: string;
  ip: string | null;
  createdAt: EpochMs;
}

export interface Database {
  shops: ShopTable;
  users: UserTable;
  groups: GroupTable;
  groupMembers: GroupMemberTable;
  departments: DepartmentTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
}
