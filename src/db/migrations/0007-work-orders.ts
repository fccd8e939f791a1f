// Work orders 工单 with their append-only history, and SLA policies, clocks (with their facts) and the warnings
// and breaches they record (SPEC §4).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_before_wait', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('origin_key', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('order_no', 'text')
    .addColumn('subject_key', 'text')
    .addColumn('complaint_category', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('complaint_team', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('key_points', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('customer_requirement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deadline_at', 'bigint')
    .addColumn('satisfaction', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('apology_sent_at', 'bigint')
    .addColumn('first_reply_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('work_orders_number_unique', ['shop_id', 'number'])
    .execute();
  await db.schema
    .createIndex('work_orders_shop_status_idx')
    .on('work_orders')
    .columns(['shop_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('work_orders_assignee_idx')
    .on('work_orders')
    .columns(['shop_id', 'assignee_id'])
    .execute();
  // One work order per automatic origin (an anomaly report replayed creates nothing new).
  await db.schema
    .createIndex('work_orders_origin_unique')
    .on('work_orders')
    .columns(['shop_id', 'origin_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('work_order_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_order_entries_order_idx')
    .on('work_order_entries')
    .columns(['work_order_id', 'at'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('start_event', 'text', (c) => c.notNull())
    .addColumn('stop_events', 'text', (c) => c.notNull())
    .addColumn('work_order_types', 'text', (c) => c.notNull())
    .addColumn('target_unit', 'text', (c) => c.notNull())
    .addColumn('target_amount', 'integer', (c) => c.notNull())
    .addColumn('target_cutoff', 'text')
    .addColumn('target_due_by', 'text')
    .addColumn('pause_statuses', 'text', (c) => c.notNull())
    .addColumn('warn_kind', 'text', (c) => c.notNull())
    .addColumn('warn_value', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sla_policies_key_unique', ['shop_id', 'key'])
    .execute();

  await db.schema
    .createTable('sla_clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('sla_policies.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('work_order_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('budget_ms', 'bigint', (c) => c.notNull())
    .addColumn('elapsed_ms', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('warn_at', 'bigint')
    .addColumn('stopped_at', 'bigint')
    .addColumn('epoch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warned_at', 'bigint')
    .addColumn('breached_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sla_clocks_subject_unique', ['policy_id', 'subject_key'])
    .execute();
  // The sweep's two reads: running clocks due and not yet breached (warned). The recorded marks lead the due
  // instant, so clocks breached long ago that still run (a chat never answered) are not walked on every sweep.
  await db.schema
    .createIndex('sla_clocks_due_idx')
    .on('sla_clocks')
    .columns(['phase', 'breached_at', 'due_at'])
    .execute();
  await db.schema
    .createIndex('sla_clocks_warn_idx')
    .on('sla_clocks')
    .columns(['phase', 'warned_at', 'breached_at', 'warn_at'])
    .execute();
  await db.schema
    .createIndex('sla_clocks_subject_idx')
    .on('sla_clocks')
    .columns(['shop_id', 'subject_key'])
    .execute();
  await db.schema
    .createIndex('sla_clocks_work_order_idx')
    .on('sla_clocks')
    .columns(['work_order_id'])
    .execute();

  await db.schema
    .createTable('sla_clock_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clock_id', 'text', (c) => c.notNull().references('sla_clocks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('sla_clock_facts_clock_idx')
    .on('sla_clock_facts')
    .columns(['clock_id', 'at'])
    .execute();

  await db.schema
    .createTable('sla_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('clock_id', 'text', (c) => c.notNull().references('sla_clocks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('work_order_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sla_alerts_once_unique', ['clock_id', 'kind', 'epoch'])
    .execute();
  await db.schema.createIndex('sla_alerts_shop_idx').on('sla_alerts').columns(['shop_id', 'at']).execute();
  await db.schema
    .createIndex('sla_alerts_agent_idx')
    .on('sla_alerts')
    .columns(['shop_id', 'agent_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sla_alerts',
    'sla_clock_facts',
    'sla_clocks',
    'sla_policies',
    'work_order_entries',
    'work_orders',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
