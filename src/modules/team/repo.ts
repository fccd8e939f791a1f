// Queries of the team tables (users, groups, group_members, departments), always scoped to one shop.
import type { Kysely } from 'kysely';
import type { Database, DepartmentTable, GroupTable, UserTable } from '../../db/schema.js';
import type { Role } from '../../shared/roles.js';
import type { AgentStatus } from '../../shared/schemas/team.js';

type Db = Kysely<Database>;

export interface UserFilter {
  groupId?: string | undefined;
  departmentId?: string | undefined;
  role?: Role | undefined;
  status?: AgentStatus | undefined;
  q?: string | undefined;
}

export async function listUsers(db: Db, shopId: string, filter: UserFilter): Promise<UserTable[]> {
  let query = db.selectFrom('users').selectAll('users').where('users.shopId', '=', shopId);
  if (filter.groupId) {
    const groupId = filter.groupId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('groupMembers')
          .select('groupMembers.userId')
          .whereRef('groupMembers.userId', '=', 'users.id')
          .where('groupMembers.groupId', '=', groupId),
      ),
    );
  }
  if (filter.departmentId) query = query.where('users.departmentId', '=', filter.departmentId);
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.status) query = query.where('users.status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['users.displayName']), 'like', eb.val(pattern)),
        eb(eb.fn('lower', ['users.login']), 'like', eb.val(pattern)),
        eb(eb.fn('lower', ['users.employeeNo']), 'like', eb.val(pattern)),
      ]),
    );
  }
  return query.orderBy('users.employeeNo').execute();
}

export function findUser(db: Db, shopId: string, id: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Logins are unique across all shops, so sign-in needs no shop. */
export function findUserByLogin(db: Db, login: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login.toLowerCase()).executeTakeFirst();
}

/** Used by the session check on every request. */
export function findUserAnyShop(db: Db, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: UserTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<UserTable>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Db, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shopId', '=', shopId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function groupIdsByUser(
  db: Db,
  shopId: string,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('groupMembers')
    .innerJoin('groups', 'groups.id', 'groupMembers.groupId')
    .select(['groupMembers.userId', 'groupMembers.groupId'])
    .where('groupMembers.shopId', '=', shopId)
    .where('groupMembers.userId', 'in', userIds)
    .orderBy('groups.kind')
    .execute();
  for (const row of rows) result.get(row.userId)?.push(row.groupId);
  return result;
}

export async function replaceMemberships(
  db: Db,
  shopId: string,
  userId: string,
  groupIds: string[],
  now: number,
): Promise<void> {
  await db.deleteFrom('groupMembers').where('shopId', '=', shopId).where('userId', '=', userId).execute();
  if (groupIds.length === 0) return;
  await db
    .insertInto('groupMembers')
    .values(groupIds.map((groupId) => ({ groupId, userId, shopId, createdAt: now })))
    .execute();
}

export type GroupWithCount = GroupTable & { memberCount: number };

export async function listGroups(db: Db, shopId: string): Promise<GroupWithCount[]> {
  const rows = await db
    .selectFrom('groups')
    .leftJoin('groupMembers', 'groupMembers.groupId', 'groups.id')
    .selectAll('groups')
    .select((eb) => eb.fn.count<number>('groupMembers.userId').as('memberCount'))
    .where('groups.shopId', '=', shopId)
    .groupBy([
      'groups.id',
      'groups.shopId',
      'groups.kind',
      'groups.name',
      'groups.createdAt',
      'groups.updatedAt',
    ])
    .orderBy('groups.kind')
    .execute();
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }));
}

export async function insertGroup(db: Db, row: GroupTable): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

export async function updateGroup(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<GroupTable>,
): Promise<void> {
  await db.updateTable('groups').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

export async function deleteGroup(db: Db, shopId: string, id: string): Promise<void> {
  await db.deleteFrom('groups').where('shopId', '=', shopId).where('id', '=', id).execute();
}

export type DepartmentWithCount = DepartmentTable & { memberCount: number };

export async function listDepartments(db: Db, shopId: string): Promise<DepartmentWithCount[]> {
  const rows = await db
    .selectFrom('departments')
    .leftJoin('users', 'users.departmentId', 'departments.id')
    .selectAll('departments')
    .select((eb) => eb.fn.count<number>('users.id').as('memberCount'))
    .where('departments.shopId', '=', shopId)
    .groupBy([
      'departments.id',
      'departments.shopId',
      'departments.name',
      'departments.description',
      'departments.createdAt',
      'departments.updatedAt',
    ])
    .orderBy('departments.name')
    .execute();
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }));
}

export async function insertDepartment(db: Db, row: DepartmentTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function updateDepartment(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<DepartmentTable>,
): Promise<void> {
  await db.updateTable('departments').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

export async function deleteDepartment(db: Db, shopId: string, id: string): Promise<void> {
  await db.deleteFrom('departments').where('shopId', '=', shopId).where('id', '=', id).execute();
}

export function userNames(db: Db, shopId: string, ids: string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('shopId', '=', shopId)
    .where('id', 'in', ids)
    .execute();
}
