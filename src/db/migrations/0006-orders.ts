// Order-side events from the shop platform (issue 4): orders, payments, shipments, after-sale applications and
// refunds received by signed webhook or CSV import, idempotent on the external event id; CSV import jobs with
// their progress and per-row errors.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commerce_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    // The platform's event id, or 'row:' + a hash of the CSV row when the file has none.
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('commerce_events_external_unique', ['shop_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('commerce_events_order_idx')
    .on('commerce_events')
    .columns(['shop_id', 'order_no', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('commerce_events_customer_idx')
    .on('commerce_events')
    .columns(['shop_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('order_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_done', 'integer', (c) => c.notNull())
    .addColumn('rows_stored', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('rows_failed', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('order_imports_shop_idx')
    .on('order_imports')
    .columns(['shop_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('order_import_errors')
    .addColumn('import_id', 'text', (c) => c.notNull().references('order_imports.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_import_errors_pk', ['import_id', 'row_no', 'column_name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_import_errors', 'order_imports', 'commerce_events']) {
    await db.schema.dropTable(table).execute();
  }
}
