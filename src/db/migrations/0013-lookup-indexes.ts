// Lookups that scanned a whole shop. A customer's open conversation (read for every customer message) was found
// through the shop's (shop, assigned_at) index and sorted; and without table statistics SQLite answers
// `shop_id = ? AND id IN (…)` with any index that starts with shop_id, i.e. by reading every row of the shop, once
// per batch of ids (the metrics read chats, ratings, calls, work orders and breaches in batches of 1,000: quadratic
// in a shop's history). Each table read by a list of ids now has an index on (shop_id, that column).
import type { Kysely } from 'kysely';

const indexes: { name: string; table: string; columns: string[] }[] = [
  {
    name: 'conversations_shop_customer_idx',
    table: 'conversations',
    columns: ['shop_id', 'customer_id', 'created_at'],
  },
  { name: 'conversations_shop_id_idx', table: 'conversations', columns: ['shop_id', 'id'] },
  {
    name: 'chat_ratings_shop_conversation_idx',
    table: 'chat_ratings',
    columns: ['shop_id', 'conversation_id'],
  },
  { name: 'customers_shop_id_idx', table: 'customers', columns: ['shop_id', 'id'] },
  { name: 'calls_shop_id_idx', table: 'calls', columns: ['shop_id', 'id'] },
  { name: 'callback_tasks_shop_call_idx', table: 'callback_tasks', columns: ['shop_id', 'call_id'] },
  { name: 'work_orders_shop_id_idx', table: 'work_orders', columns: ['shop_id', 'id'] },
  { name: 'work_orders_subject_idx', table: 'work_orders', columns: ['shop_id', 'subject_key'] },
  { name: 'sla_alerts_work_order_idx', table: 'sla_alerts', columns: ['shop_id', 'work_order_id'] },
  { name: 'commerce_events_subject_idx', table: 'commerce_events', columns: ['shop_id', 'subject_key'] },
  { name: 'commerce_events_occurred_idx', table: 'commerce_events', columns: ['shop_id', 'occurred_at'] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of indexes) {
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [...indexes].reverse()) await db.schema.dropIndex(index.name).execute();
}
