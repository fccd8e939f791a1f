// Use cases of the shop's team: agents (staff accounts), duty groups and departments (SPEC §1).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, uniqueViolationTarget } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import { withTransaction } from '../../db/transaction.js';
import type { Database, GroupTable, UserTable } from '../../db/schema.js';
import { auditActorOf, type Actor, type AuditActor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/locales.js';
import type { Role } from '../../shared/roles.js';
import type {
  Agent,
  AgentStatus,
  createAgentBodySchema,
  createDepartmentBodySchema,
  createGroupBodySchema,
  Department,
  Group,
  GroupKind,
  updateAgentBodySchema,
  updateDepartmentBodySchema,
} from '../../shared/schemas/team.js';
import { defaultMaxConcurrentChats } from '../../shared/schemas/team.js';
import { recordAudit } from '../audit/service.js';
import { hashPassword } from '../auth/password.js';
import { presentAgent, presentDepartment, presentGroup } from './presenter.js';
import * as repo from './repo.js';
import { defaultGroupIds, isRemovableGroup, needsGroup } from '../../shared/team-rules.js';
import { changedFields, removesLastAdmin } from './rules.js';

type Db = Kysely<Database>;
type CreateAgentInput = z.output<typeof createAgentBodySchema>;
type UpdateAgentInput = z.output<typeof updateAgentBodySchema>;

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', { issues: [{ path: ['body', field], message }] });
}

function translateUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error)) {
    const target = uniqueViolationTarget(error);
    if (target.includes('employee_no')) throw new AppError('employee_no_taken');
    if (target.includes('login')) throw new AppError('login_taken');
    if (target.includes('kind')) throw new AppError('group_kind_exists');
    if (target.includes('departments')) throw new AppError('department_name_taken');
  }
  throw error;
}

async function assertGroupsInShop(db: Db, shopId: string, groupIds: string[]): Promise<void> {
  const known = new Set((await repo.listGroups(db, shopId)).map((group) => group.id));
  if (groupIds.some((id) => !known.has(id))) throw invalid('groupIds', 'unknown group');
}

async function assertDepartmentInShop(db: Db, shopId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const known = await repo.listDepartments(db, shopId);
  if (!known.some((department) => department.id === departmentId))
    throw invalid('departmentId', 'unknown department');
}

async function loadAgent(db: Db, shopId: string, id: string): Promise<Agent> {
  const user = await repo.findUser(db, shopId, id);
  if (!user) throw notFound();
  const groups = await repo.groupIdsByUser(db, shopId, [id]);
  return presentAgent(user, groups.get(id) ?? []);
}

// ── agents ──────────────────────────────────────────────────────────────────

export async function listAgents(db: Db, actor: Actor, filter: repo.UserFilter): Promise<Agent[]> {
  const users = await repo.listUsers(db, actor.shopId, filter);
  const groups = await repo.groupIdsByUser(
    db,
    actor.shopId,
    users.map((user) => user.id),
  );
  return users.map((user) => presentAgent(user, groups.get(user.id) ?? []));
}

export function getAgent(db: Db, actor: Actor, id: string): Promise<Agent> {
  return loadAgent(db, actor.shopId, id);
}

/** Creates a staff account; used by the admin route and by shop provisioning. */
export async function createStaff(db: Db, by: AuditActor, input: CreateAgentInput): Promise<Agent> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await withTransaction(db, async (trx) => {
      const groups = await repo.listGroups(trx, by.shopId);
      const groupIds = input.groupIds ?? (needsGroup(input.role) ? defaultGroupIds(groups) : []);
      await assertGroupsInShop(trx, by.shopId, groupIds);
      if (needsGroup(input.role) && groupIds.length === 0) throw new AppError('agent_needs_group');
      await assertDepartmentInShop(trx, by.shopId, input.departmentId);
      const now = Date.now();
      const row: UserTable = {
        id,
        shopId: by.shopId,
        login: input.login.toLowerCase(),
        displayName: input.displayName,
        employeeNo: input.employeeNo,
        role: input.role,
        status: 'active',
        locale: input.locale,
        passwordHash,
        maxConcurrentChats: input.maxConcurrentChats ?? defaultMaxConcurrentChats,
        departmentId: input.departmentId ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insertUser(trx, row);
      await repo.replaceMemberships(trx, by.shopId, id, [...new Set(groupIds)], now);
      const { passwordHash: _omitted, ...visible } = row;
      await recordAudit(trx, by, {
        action: 'agent.created',
        entityType: 'agent',
        entityId: id,
        changes: { ...visible, groupIds },
      });
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
  return loadAgent(db, by.shopId, id);
}

export function createAgent(db: Db, actor: Actor, input: CreateAgentInput): Promise<Agent> {
  return createStaff(db, auditActorOf(actor), input);
}

export async function updateAgent(db: Db, actor: Actor, id: string, input: UpdateAgentInput): Promise<Agent> {
  try {
    await withTransaction(db, async (trx) => {
      const before = await loadAgent(trx, actor.shopId, id);
      const after = { role: input.role ?? before.role, status: input.status ?? before.status };
      if (removesLastAdmin(before, after, await repo.countActiveAdmins(trx, actor.shopId))) {
        throw new AppError('last_admin');
      }
      const groupIds = input.groupIds ? [...new Set(input.groupIds)] : before.groupIds;
      if (input.groupIds) await assertGroupsInShop(trx, actor.shopId, groupIds);
      if (needsGroup(after.role) && groupIds.length === 0) throw new AppError('agent_needs_group');
      if (input.departmentId !== undefined)
        await assertDepartmentInShop(trx, actor.shopId, input.departmentId);

      const { groupIds: _groups, ...fields } = input;
      const changes = changedFields(before, { ...fields, ...(input.groupIds ? { groupIds } : {}) });
      if (Object.keys(changes).length === 0) return;
      const now = Date.now();
      await repo.updateUser(trx, actor.shopId, id, { ...fields, updatedAt: now });
      if (input.groupIds) await repo.replaceMemberships(trx, actor.shopId, id, groupIds, now);
      await recordAudit(trx, auditActorOf(actor), {
        action: 'agent.updated',
        entityType: 'agent',
        entityId: id,
        changes,
      });
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
  return loadAgent(db, actor.shopId, id);
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await withTransaction(db, async (trx) => {
    if (!(await repo.findUser(trx, actor.shopId, id))) throw notFound();
    await repo.updateUser(trx, actor.shopId, id, { passwordHash, updatedAt: Date.now() });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'agent.password_reset',
      entityType: 'agent',
      entityId: id,
      changes: {},
    });
  });
}

// ── what sign-in and sessions need ──────────────────────────────────────────

export interface StaffCredentials {
  id: string;
  shopId: string;
  displayName: string;
  passwordHash: string;
  active: boolean;
}

export async function findCredentials(db: Db, login: string): Promise<StaffCredentials | undefined> {
  const user = await repo.findUserByLogin(db, login);
  if (!user) return undefined;
  return {
    id: user.id,
    shopId: user.shopId,
    displayName: user.displayName,
    passwordHash: user.passwordHash,
    active: user.status === 'active',
  };
}

export interface StaffIdentity {
  id: string;
  shopId: string;
  login: string;
  displayName: string;
  employeeNo: string;
  role: Role;
  locale: Locale;
}

/** The signed-in person, or undefined when the account is gone or disabled. */
export async function findActiveStaff(db: Db, userId: string): Promise<StaffIdentity | undefined> {
  const user = await repo.findUserAnyShop(db, userId);
  if (!user || user.status !== 'active') return undefined;
  const { id, shopId, login, displayName, employeeNo, role, locale } = user;
  return { id, shopId, login, displayName, employeeNo, role, locale };
}

export async function setOwnLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  await repo.updateUser(db, actor.shopId, actor.userId, { locale, updatedAt: Date.now() });
}

// ── groups ──────────────────────────────────────────────────────────────────

export async function listGroups(db: Db, actor: Actor): Promise<Group[]> {
  return (await repo.listGroups(db, actor.shopId)).map(presentGroup);
}

async function loadGroup(db: Db, shopId: string, id: string) {
  const group = (await repo.listGroups(db, shopId)).find((candidate) => candidate.id === id);
  if (!group) throw notFound();
  return group;
}

export async function createGroup(
  db: Db,
  by: AuditActor,
  input: z.output<typeof createGroupBodySchema>,
): Promise<Group> {
  const id = newId();
  try {
    await withTransaction(db, async (trx) => {
      const now = Date.now();
      await repo.insertGroup(trx, {
        id,
        shopId: by.shopId,
        kind: input.kind,
        name: input.name,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(trx, by, {
        action: 'group.created',
        entityType: 'group',
        entityId: id,
        changes: input,
      });
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
  return presentGroup(await loadGroup(db, by.shopId, id));
}

export async function renameGroup(db: Db, actor: Actor, id: string, name: string): Promise<Group> {
  await withTransaction(db, async (trx) => {
    const before = await loadGroup(trx, actor.shopId, id);
    if (before.name === name) return;
    await repo.updateGroup(trx, actor.shopId, id, { name, updatedAt: Date.now() });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'group.updated',
      entityType: 'group',
      entityId: id,
      changes: { name: [before.name, name] },
    });
  });
  return presentGroup(await loadGroup(db, actor.shopId, id));
}

export async function deleteGroup(db: Db, actor: Actor, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const group = await loadGroup(trx, actor.shopId, id);
    const verdict = isRemovableGroup(group.kind, group.memberCount);
    if (verdict === 'required') throw new AppError('pre_sale_group_required');
    if (verdict === 'not_empty') throw new AppError('group_not_empty');
    await repo.deleteGroup(trx, actor.shopId, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'group.deleted',
      entityType: 'group',
      entityId: id,
      changes: { kind: group.kind, name: group.name },
    });
  });
}

export async function groupIdByKind(db: Db, shopId: string, kind: GroupKind): Promise<string | undefined> {
  return (await repo.listGroups(db, shopId)).find((group) => group.kind === kind)?.id;
}

// ── departments ─────────────────────────────────────────────────────────────

export async function listDepartments(db: Db, actor: Actor): Promise<Department[]> {
  return (await repo.listDepartments(db, actor.shopId)).map(presentDepartment);
}

async function loadDepartment(db: Db, shopId: string, id: string) {
  const department = (await repo.listDepartments(db, shopId)).find((candidate) => candidate.id === id);
  if (!department) throw notFound();
  return department;
}

export async function createDepartment(
  db: Db,
  by: AuditActor,
  input: z.output<typeof createDepartmentBodySchema>,
): Promise<Department> {
  const id = newId();
  try {
    await withTransaction(db, async (trx) => {
      const now = Date.now();
      await repo.insertDepartment(trx, { id, shopId: by.shopId, ...input, createdAt: now, updatedAt: now });
      await recordAudit(trx, by, {
        action: 'department.created',
        entityType: 'department',
        entityId: id,
        changes: input,
      });
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
  return presentDepartment(await loadDepartment(db, by.shopId, id));
}

export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateDepartmentBodySchema>,
): Promise<Department> {
  try {
    await withTransaction(db, async (trx) => {
      const before = await loadDepartment(trx, actor.shopId, id);
      const changes = changedFields(before, input);
      if (Object.keys(changes).length === 0) return;
      await repo.updateDepartment(trx, actor.shopId, id, { ...input, updatedAt: Date.now() });
      await recordAudit(trx, auditActorOf(actor), {
        action: 'department.updated',
        entityType: 'department',
        entityId: id,
        changes,
      });
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
  return presentDepartment(await loadDepartment(db, actor.shopId, id));
}

export async function deleteDepartment(db: Db, actor: Actor, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const department = await loadDepartment(trx, actor.shopId, id);
    if (department.memberCount > 0) throw new AppError('department_not_empty');
    await repo.deleteDepartment(trx, actor.shopId, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'department.deleted',
      entityType: 'department',
      entityId: id,
      changes: { name: department.name },
    });
  });
}

// ── what routing needs ──────────────────────────────────────────────────────

export interface RoutingStaff {
  agentId: string;
  groups: GroupKind[];
  maxConcurrentChats: number;
}

/** Active agents who take chats, with their duty groups and caps. */
export async function routingStaff(db: Db, shopId: string): Promise<RoutingStaff[]> {
  const users = await repo.listUsers(db, shopId, { role: 'agent', status: 'active' });
  const groups = await repo.listGroups(db, shopId);
  const kindOf = new Map(groups.map((group) => [group.id, group.kind]));
  const memberships = await repo.groupIdsByUser(
    db,
    shopId,
    users.map((user) => user.id),
  );
  return users.map((user) => ({
    agentId: user.id,
    groups: (memberships.get(user.id) ?? []).flatMap((id) => {
      const kind = kindOf.get(id);
      return kind ? [kind] : [];
    }),
    maxConcurrentChats: user.maxConcurrentChats,
  }));
}

/** The duty-group kinds the shop has set up. */
export async function groupKindsOf(db: Db, shopId: string): Promise<GroupKind[]> {
  return (await repo.listGroups(db, shopId)).map((group) => group.kind);
}

/** Display names of staff members of the shop (chat notes, greetings, the agent board). */
export async function staffNames(db: Db, shopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await repo.userNames(db, shopId, [...new Set(ids)]);
  return new Map(users.map((user) => [user.id, user.displayName]));
}

/** Ids of the shop's active staff with this role or in this department (who follow a work order held by a team). */
export async function activeStaffIds(
  db: Db,
  shopId: string,
  filter: { role?: Role; departmentId?: string },
): Promise<string[]> {
  const users = await repo.listUsers(db, shopId, { ...filter, status: 'active' });
  return users.map((user) => user.id);
}

/** The shop's active staff with name, role and when they joined (quality, discipline and training lists). */
export async function activeStaff(
  db: Db,
  shopId: string,
): Promise<Array<{ id: string; displayName: string; role: Role; createdAt: number }>> {
  const users = await repo.listUsers(db, shopId, { status: 'active' });
  return users.map((user) => ({
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt,
  }));
}

// ── what the metrics need (issue 6) ─────────────────────────────────────────────────────────────────────────

export interface MetricStaff {
  id: string;
  displayName: string;
  employeeNo: string;
  status: AgentStatus;
  groupIds: string[];
}

/** Every agent of the shop (disabled ones too: their past still counts) with their groups; and the groups. */
export async function metricStaff(
  db: Db,
  shopId: string,
): Promise<{ agents: MetricStaff[]; groups: GroupTable[] }> {
  const users = await repo.listUsers(db, shopId, { role: 'agent' });
  const groups = await repo.listGroups(db, shopId);
  const memberships = await repo.groupIdsByUser(
    db,
    shopId,
    users.map((user) => user.id),
  );
  return {
    agents: users.map((user) => ({
      id: user.id,
      displayName: user.displayName,
      employeeNo: user.employeeNo,
      status: user.status,
      groupIds: memberships.get(user.id) ?? [],
    })),
    groups,
  };
}
