// Metrics (issue 6): daily roll-ups per shop, local day and agent, kept up to date from domain events; each source
// entity's last contribution (so a changed entity moves the roll-ups by the difference); performance-score settings.
import type { Kysely } from 'kysely';

/** The counters of a roll-up row (docs/metrics.md §3); the same list as KpiCounters in src/modules/kpi/rules.ts. */
export const kpiCounterColumns = [
  'consults',
  'unanswered',
  'customer_messages',
  'agent_messages',
  'response_ms_sum',
  'response_count',
  'first_response_ms_sum',
  'first_response_count',
  'ratings',
  'good_ratings',
  'aftersale_handling_ms_sum',
  'aftersale_handling_count',
  'refund_fen',
  'work_orders',
  'work_orders_resolved_at_once',
  'work_orders_replied',
  'work_orders_replied_in_time',
  'aftersale_rated',
  'aftersale_satisfied',
  'ordered_customers',
  'paid_customers',
  'cs_sales_fen',
  'shop_payments_fen',
  'inbound_calls',
  'answered_calls',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  let daily = db.schema
    .createTable('kpi_daily')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    // 'YYYY-MM-DD' in the shop's time zone
    .addColumn('day', 'text', (c) => c.notNull())
    // '' for what no agent answers for (queued chats nobody took, shop-wide payments)
    .addColumn('agent_id', 'text', (c) => c.notNull());
  for (const column of kpiCounterColumns) {
    daily = daily.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
  }
  await daily.addPrimaryKeyConstraint('kpi_daily_pk', ['shop_id', 'day', 'agent_id']).execute();

  await db.schema
    .createTable('kpi_contributions')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    // 'c:<conversation>', 'p:<customer>:<day>', 's:<order or after-sale number>', 'w:<work order>', 'k:<call>'
    .addColumn('entity_key', 'text', (c) => c.notNull())
    // JSON: the rows this entity added to kpi_daily
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_contributions_pk', ['shop_id', 'entity_key'])
    .execute();

  await db.schema
    .createTable('kpi_score_settings')
    .addColumn('shop_id', 'text', (c) => c.primaryKey().references('shops.id'))
    // JSON: [{ metric, weight, target }]
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    // 'monthly'
    .addColumn('kind', 'text', (c) => c.notNull())
    // '2026-11' for a month
    .addColumn('period', 'text', (c) => c.notNull())
    // JSON: the figures the report shows, kept as they were when it was made
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('reports_period_unique', ['shop_id', 'kind', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reports').execute();
  await db.schema.dropTable('kpi_score_settings').execute();
  await db.schema.dropTable('kpi_contributions').execute();
  await db.schema.dropTable('kpi_daily').execute();
}
