// Routing reads stay bounded as a shop's history grows: who was given a chat lately is found through an index on
// (shop, assigned_at) instead of grouping every conversation the shop ever had.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_shop_assigned_idx')
    .on('conversations')
    .columns(['shop_id', 'assigned_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_shop_assigned_idx').execute();
}
