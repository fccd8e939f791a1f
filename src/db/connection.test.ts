// The database handle survives PostgreSQL ending its connections (a server restart, a failover).
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAdminUrl, testDialects } from '../test/databases.js';

describe.runIf(testDialects().includes('postgres'))('PostgreSQL connection loss [postgres]', () => {
  it('keeps the process alive when idle connections are terminated, and the next query reconnects', async () => {
    const testDatabase = await createTestDatabase('postgres');
    try {
      const db = testDatabase.handle.db;
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      const name = rows[0]?.name ?? '';
      const admin = new pg.Client({ connectionString: postgresAdminUrl });
      await admin.connect();
      const terminated = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(terminated.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await testDatabase.drop();
    }
  });
});
