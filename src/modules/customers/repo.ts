// Queries of the customers and visitor_tokens tables.
import { sql, type Kysely } from 'kysely';
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
