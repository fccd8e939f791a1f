// The rest of live chat: images, ratings, transfers, quick and auto-replies, read receipts, list previews, idle
// detection, queue limit and idle limit per shop.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../locks.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  // SPEC §3: the queue holds at most this many chats, then new chats become offline messages; SPEC §1: idle limit.
  await db.schema
    .alterTable('shops')
    .addColumn('max_queue_length', 'integer', (c) => c.notNull().defaultTo(200))
    .execute();
  await db.schema
    .alterTable('shops')
    .addColumn('idle_limit_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();

  await db.schema.alterTable('customers').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('customers').addColumn('phone', 'text').execute();

  for (const [name, type] of [
    ['last_message_at', 'bigint'],
    ['last_message_preview', 'text'],
    ['queue_notice_at', 'bigint'],
    ['exclude_agent_id', 'text'],
  ] as const) {
    await db.schema.alterTable('conversations').addColumn(name, type).execute();
  }
  for (const name of ['customer_read_seq', 'agent_read_seq', 'transfer_count']) {
    await db.schema
      .alterTable('conversations')
      .addColumn(name, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('uploader_kind', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', sql`${sql.raw(isPostgres(db) ? 'bytea' : 'blob')}`, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('messages').addColumn('attachment_id', 'text').execute();

  await db.schema
    .createTable('chat_ratings')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_ratings_shop_idx')
    .on('chat_ratings')
    .columns(['shop_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('conversation_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_agent_id', 'text')
    .addColumn('to_agent_id', 'text')
    .addColumn('to_group', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_transfers_conversation_idx')
    .on('conversation_transfers')
    .columns(['conversation_id', 'at'])
    .execute();

  await db.schema
    .createTable('quick_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    // 'shop' for shop-wide replies, else the owner's user id: one namespace of shortcuts per owner.
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('quick_replies_shortcut_unique', ['shop_id', 'owner_key', 'shortcut'])
    .execute();

  await db.schema
    .createTable('auto_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // The kind for the one greeting, off-hours and queue reply of a shop; the id for each promotion.
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'bigint')
    .addColumn('ends_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('auto_replies_slot_unique', ['shop_id', 'slot'])
    .execute();

  await db.schema
    .createTable('idle_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idle_since', 'bigint', (c) => c.notNull())
    .addColumn('detected_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('limit_seconds', 'integer', (c) => c.notNull())
    .addUniqueConstraint('idle_events_user_since_unique', ['user_id', 'idle_since'])
    .execute();
  await db.schema
    .createIndex('idle_events_shop_idx')
    .on('idle_events')
    .columns(['shop_id', 'detected_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idle_events',
    'auto_replies',
    'quick_replies',
    'conversation_transfers',
    'chat_ratings',
    'attachments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('messages').dropColumn('attachment_id').execute();
  for (const name of [
    'transfer_count',
    'agent_read_seq',
    'customer_read_seq',
    'exclude_agent_id',
    'queue_notice_at',
    'last_message_preview',
    'last_message_at',
  ]) {
    await db.schema.alterTable('conversations').dropColumn(name).execute();
  }
  await db.schema.alterTable('customers').dropColumn('phone').execute();
  await db.schema.alterTable('customers').dropColumn('contact_name').execute();
  await db.schema.alterTable('shops').dropColumn('idle_limit_seconds').execute();
  await db.schema.alterTable('shops').dropColumn('max_queue_length').execute();
}
