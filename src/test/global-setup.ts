// Says which databases the integration suites run on, and fails the run at once if one of them is unreachable.
import pg from 'pg';
import { postgresAdminUrl, testDialects } from './databases.js';

export default async function setup(): Promise<void> {
  const dialects = testDialects();
  if (dialects.includes('postgres')) {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ version: string }>('select version()');
      console.log(
        `Integration suites on PostgreSQL: ${rows[0]?.version.split(',')[0]} (${postgresAdminUrl})`,
      );
    } catch (error) {
      throw new Error(
        `KEFU_TEST_DATABASES asks for PostgreSQL but ${postgresAdminUrl} is unreachable (${String(error)}). ` +
          'Start PostgreSQL, set KEFU_TEST_POSTGRES_URL, or run with KEFU_TEST_DATABASES=sqlite.',
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (dialects.includes('sqlite'))
    console.log('Integration suites on SQLite (better-sqlite3, WAL, a fresh file per suite)');
  console.log(`Each suite name ends in [${dialects.join('] or [')}]: the database it ran on.`);
}
