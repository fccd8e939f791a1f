// Lookups that scanned a whole shop: a customer's open conversation (read for every customer message) was found
// through the shop's (shop, assigned_at) index and sorted, and an order's events by order number had no index at
// all; both are now one index search, however long the shop's history.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_shop_customer_idx')
    .on('conversations')
    .columns(['shop_id', 'customer_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('commerce_events_subject_idx')
    .on('commerce_events')
    .columns(['shop_id', 'subject_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('commerce_events_subject_idx').execute();
  await db.schema.dropIndex('conversations_shop_customer_idx').execute();
}
