// SQLite without table statistics answers `shop_id = ? AND x IN (…)` with any index that begins with shop_id, i.e.
// by reading every row of the shop for each batch of ids. The batched reads (metrics, chat facts, panels) must find
// an index on (shop_id, x) instead (migration 0013).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { migrateToLatest } from './migrate.js';

const batchedLookups: [table: string, column: string][] = [
  ['conversations', 'id'],
  ['conversations', 'customer_id'],
  ['messages', 'conversation_id'],
  ['conversation_transfers', 'conversation_id'],
  ['chat_ratings', 'conversation_id'],
  ['customers', 'id'],
  ['calls', 'id'],
  ['callback_tasks', 'call_id'],
  ['work_orders', 'id'],
  ['work_orders', 'subject_key'],
  ['sla_alerts', 'work_order_id'],
  ['commerce_events', 'subject_key'],
  ['commerce_events', 'customer_id'],
  ['kpi_contributions', 'entity_key'],
];

describe('SQLite query plans of batched lookups', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it.each(batchedLookups)('%s by a list of %s searches an index on that column', async (table, column) => {
    const ids = Array.from({ length: 1000 }, (_, i) => `'id${i}'`).join(',');
    const plan = await sql
      .raw<{ detail: string }>(
        `explain query plan select * from ${table} where shop_id = 'a' and ${column} in (${ids})`,
      )
      .execute(handle.db);
    const details = plan.rows.map((row) => row.detail).join(' | ');
    expect(details).toMatch(
      new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\S+ \\((shop_id=\\? AND )?${column}=\\?`),
    );
  });
});
