// Queries of the handovers table, always scoped to one shop.
import type { Kysely } from 'kysely';
import type { Database, HandoverTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function insertHandover(db: Db, row: HandoverTable): Promise<void> {
  await db.insertInto('handovers').values(row).execute();
}

export function listHandovers(db: Db, shopId: string, limit: number): Promise<HandoverTable[]> {
  return db
    .selectFrom('handovers')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

export function findHandover(db: Db, shopId: string, id: string): Promise<HandoverTable | undefined> {
  return db
    .selectFrom('handovers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** false when somebody acknowledged it first. */
export async function acknowledge(db: Db, id: string, userId: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('handovers')
    .set({ acknowledgedBy: userId, acknowledgedAt: at })
    .where('id', '=', id)
    .where('acknowledgedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
