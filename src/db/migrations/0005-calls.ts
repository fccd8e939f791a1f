// Calls from the PBX/CTI and logged by hand (SPEC §2, §5): signed-webhook secrets per shop, the raw call events,
// one record per call, extension → agent mapping, call-back tasks for missed calls and per-shop call settings.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Two rows at most per shop: the current secret and, during a rotation, the previous one.
  await db.schema
    .createTable('webhook_secrets')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_secrets_pk', ['shop_id', 'slot'])
    .execute();

  await db.schema
    .createTable('call_settings')
    .addColumn('shop_id', 'text', (c) => c.primaryKey().references('shops.id'))
    .addColumn('seconds_per_ring', 'integer', (c) => c.notNull())
    .addColumn('max_rings', 'integer', (c) => c.notNull())
    .addColumn('callback_delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('spot_check_sample_size', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('call_extensions')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('extension', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_extensions_pk', ['shop_id', 'extension'])
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    // The PBX's call id; manual records get their own id here so the unique key holds for both.
    .addColumn('external_call_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text')
    .addColumn('agent_extension', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ringing_at', 'bigint')
    .addColumn('answered_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('ring_ms', 'bigint')
    .addColumn('rings_before_answer', 'integer')
    .addColumn('missed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recording_url', 'text')
    .addColumn('customer_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('matter_kind', 'text')
    .addColumn('matter', 'text')
    .addColumn('handling', 'text')
    .addColumn('customer_reaction', 'text')
    .addColumn('recording_told', 'integer')
    .addColumn('self_checked_at', 'bigint')
    .addColumn('spot_check_result', 'text')
    .addColumn('spot_check_comment', 'text')
    .addColumn('spot_checked_by', 'text')
    .addColumn('spot_checked_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('calls_external_unique', ['shop_id', 'external_call_id'])
    .execute();
  await db.schema
    .createIndex('calls_shop_started_idx')
    .on('calls')
    .columns(['shop_id', 'started_at'])
    .execute();
  await db.schema.createIndex('calls_agent_idx').on('calls').columns(['shop_id', 'agent_id']).execute();

  await db.schema
    .createTable('call_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('external_call_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    // JSON: numbers, extension, direction, recording url as the PBX sent them
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('call_events_event_unique', ['shop_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('call_events_call_idx')
    .on('call_events')
    .columns(['shop_id', 'external_call_id'])
    .execute();

  await db.schema
    .createTable('callback_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().unique().references('calls.id'))
    // null: the shop's queue, anyone may take it
    .addColumn('owner_agent_id', 'text')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('callback_tasks_shop_idx')
    .on('callback_tasks')
    .columns(['shop_id', 'status', 'due_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'callback_tasks',
    'call_events',
    'calls',
    'call_extensions',
    'call_settings',
    'webhook_secrets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
