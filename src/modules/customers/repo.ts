// Queries of the customers and visitor_tokens tables.
import { sql, type Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared.js';
import type { CustomerTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function insertCustomer(db: Db, row: CustomerTable): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

export function findCustomerByMember(
  db: Db,
  shopId: string,
  memberId: string,
): Promise<CustomerTable | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('memberId', '=', memberId)
    .executeTakeFirst();
}

/** One customer by id, as a statement to be run elsewhere (the SQLite writer thread); slot 1 is the id. */
export const customerById = preparedQuery<CustomerTable>((db, slot) =>
  db.selectFrom('customers').selectAll().where('shopId', '=', slot(0)).where('id', '=', slot(1)),
);

export function findCustomers(db: Db, shopId: string, ids: string[]): Promise<CustomerTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('customers').selectAll().where('shopId', '=', shopId).where('id', 'in', ids).execute();
}

export async function touchCustomer(db: Db, id: string, now: number, displayName?: string): Promise<void> {
  await db
    .updateTable('customers')
    .set({ lastSeenAt: now, ...(displayName ? { displayName } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function insertVisitorToken(
  db: Db,
  row: { tokenHash: string; customerId: string; shopId: string; createdAt: number },
): Promise<void> {
  await db.insertInto('visitorTokens').values(row).execute();
}

export function findVisitorToken(db: Db, tokenHash: string) {
  return db.selectFrom('visitorTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function updateContact(
  db: Db,
  shopId: string,
  id: string,
  patch: { contactName?: string; phone?: string },
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('customers').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

/** Customers of the shop with one of these member ids, or whose phone, without spaces and dashes, is one of these. */
export function findCustomersByMemberOrPhone(
  db: Db,
  shopId: string,
  memberIds: readonly string[],
  phones: readonly string[],
): Promise<Array<Pick<CustomerTable, 'id' | 'memberId' | 'phone'>>> {
  if (memberIds.length === 0 && phones.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customers')
    .select(['id', 'memberId', 'phone'])
    .where('shopId', '=', shopId)
    .where((eb) =>
      eb.or([
        ...(memberIds.length > 0 ? [eb('memberId', 'in', [...memberIds])] : []),
        ...(phones.length > 0
          ? [
              eb(
                eb.fn('replace', [
                  eb.fn('replace', ['phone', sql.lit(' '), sql.lit('')]),
                  sql.lit('-'),
                  sql.lit(''),
                ]),
                'in',
                [...phones],
              ),
            ]
          : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Profiles whose name, contact name, e-mail, member id or phone (spaces and dashes ignored) match (the search). */
export function searchCustomers(
  db: Db,
  shopId: string,
  terms: { text: string; phones: readonly string[]; ids: readonly string[] },
  limit: number,
): Promise<CustomerTable[]> {
  const like = `%${terms.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('customers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where((eb) =>
      eb.or([
        eb(sql`lower(display_name)`, 'like', sql`lower(${like}) escape '\\'`),
        eb(sql`lower(contact_name)`, 'like', sql`lower(${like}) escape '\\'`),
        eb(sql`lower(email)`, '=', terms.text.toLowerCase()),
        eb('memberId', '=', terms.text),
        ...(terms.phones.length > 0
          ? [
              eb(
                eb.fn('replace', [
                  eb.fn('replace', ['phone', sql.lit(' '), sql.lit('')]),
                  sql.lit('-'),
                  sql.lit(''),
                ]),
                'in',
                [...terms.phones],
              ),
            ]
          : []),
        ...(terms.ids.length > 0 ? [eb('id', 'in', [...terms.ids])] : []),
      ]),
    )
    .orderBy('lastSeenAt', 'desc')
    .limit(limit)
    .execute();
}

/** The profiles merged into this one (directly). */
export function mergedInto(db: Db, shopId: string, id: string): Promise<CustomerTable[]> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('mergedInto', '=', id)
    .execute();
}

export async function updateCustomer(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<Omit<CustomerTable, 'id' | 'shopId'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('customers').set(patch).where('shopId', '=', shopId).where('id', '=', id).execute();
}

/** Points every profile merged into `fromId` at `toId` (merges do not chain). */
export async function repointMerged(db: Db, shopId: string, fromId: string, toId: string): Promise<void> {
  await db
    .updateTable('customers')
    .set({ mergedInto: toId })
    .where('shopId', '=', shopId)
    .where('mergedInto', '=', fromId)
    .execute();
}
