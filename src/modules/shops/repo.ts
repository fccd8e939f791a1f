// Queries of the shops table.
import type { Kysely } from 'kysely';
import type { Database, ShopTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export function findShop(db: Db, id: string): Promise<ShopTable | undefined> {
  return db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertShop(db: Db, row: ShopTable): Promise<void> {
  await db.insertInto('shops').values(row).execute();
}

export async function updateShop(db: Db, id: string, patch: Partial<ShopTable>): Promise<void> {
  await db.updateTable('shops').set(patch).where('id', '=', id).execute();
}

export async function countShops(db: Db): Promise<number> {
  const row = await db
    .selectFrom('shops')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findShopByWidgetKey(db: Db, widgetKey: string): Promise<ShopTable | undefined> {
  return db.selectFrom('shops').selectAll().where('widgetKey', '=', widgetKey).executeTakeFirst();
}
