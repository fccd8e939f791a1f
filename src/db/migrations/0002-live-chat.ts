// Live chat: widget keys, customers and visitor tokens, conversations, messages with per-conversation sequence
// numbers and idempotent client ids, agent presence and its history.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The widget's public shop key and the secret a shop's backend signs member identities with.
  await db.schema.alterTable('shops').addColumn('widget_key', 'text').execute();
  await db.schema.alterTable('shops').addColumn('identity_secret', 'text').execute();
  // Service hours (SPEC §3): 09:00–23:00 every day; off-hours messages answered by 09:30.
  await db.schema
    .alterTable('shops')
    .addColumn('service_opens_at', 'text', (c) => c.notNull().defaultTo('09:00'))
    .execute();
  await db.schema
    .alterTable('shops')
    .addColumn('service_closes_at', 'text', (c) => c.notNull().defaultTo('23:00'))
    .execute();
  await db.schema
    .alterTable('shops')
    .addColumn('off_hours_reply_by', 'text', (c) => c.notNull().defaultTo('09:30'))
    .execute();
  const shops = await sql<{ id: string }>`select id from shops`.execute(db);
  for (const shop of shops.rows) {
    await sql`update shops set widget_key = ${randomBytes(12).toString('base64url')},
      identity_secret = ${randomBytes(32).toString('base64url')} where id = ${shop.id}`.execute(db);
  }
  await db.schema.createIndex('shops_widget_key_unique').on('shops').column('widget_key').unique().execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('member_id', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('customers_shop_member_unique', ['shop_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('visitor_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('target_group', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('routing_tier', 'text')
    .addColumn('off_hours', 'integer', (c) => c.notNull())
    .addColumn('reply_due_at', 'bigint')
    .addColumn('queued_at', 'bigint')
    .addColumn('assigned_at', 'bigint')
    .addColumn('first_response_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_shop_status_idx')
    .on('conversations')
    .columns(['shop_id', 'status'])
    .execute();
  await db.schema
    .createIndex('conversations_agent_idx')
    .on('conversations')
    .columns(['agent_id', 'status'])
    .execute();
  await db.schema
    .createIndex('conversations_customer_idx')
    .on('conversations')
    .columns(['customer_id', 'assigned_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('client_message_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('messages_conversation_seq_unique', ['conversation_id', 'seq'])
    .addUniqueConstraint('messages_client_id_unique', ['conversation_id', 'author_id', 'client_message_id'])
    .execute();

  await db.schema
    .createTable('agent_presence')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('presence_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('presence_history_user_idx')
    .on('presence_history')
    .columns(['user_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'presence_history',
    'agent_presence',
    'messages',
    'conversations',
    'visitor_tokens',
    'customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('shops_widget_key_unique').execute();
  for (const column of ['off_hours_reply_by', 'service_closes_at', 'service_opens_at']) {
    await db.schema.alterTable('shops').dropColumn(column).execute();
  }
  await db.schema.alterTable('shops').dropColumn('identity_secret').execute();
  await db.schema.alterTable('shops').dropColumn('widget_key').execute();
}
