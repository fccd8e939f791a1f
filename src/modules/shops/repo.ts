// Queries of the shops table.
import { sql, type Kysely } from 'kysely';
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

export async function demoWidgetKey(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('shops')
    .select('widgetKey')
    .where('widgetKey', 'is not', null)
    .orderBy(sql`case when slug = 'demo' then 0 else 1 end`)
    .orderBy('createdAt')
    .executeTakeFirst();
  return row?.widgetKey ?? undefined;
}

export async function allShopIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('shops').select('id').execute()).map((row) => row.id);
}
