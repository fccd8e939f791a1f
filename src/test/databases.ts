// Fresh, migrated databases for integration tests, on every dialect the run asks for (KEFU_TEST_DATABASES).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DialectName } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

/** Which databases the integration suites run on; a database that is asked for must be reachable. */
export function testDialects(): DialectName[] {
  const wanted = (process.env.KEFU_TEST_DATABASES ?? 'sqlite,postgres')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of wanted) {
    if (name !== 'sqlite' && name !== 'postgres')
      throw new Error(`KEFU_TEST_DATABASES: unknown database "${name}"`);
  }
  return wanted as DialectName[];
}

export const postgresAdminUrl =
  process.env.KEFU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Opens a second handle on the same data, as a restarted process would. */
  reopen(): DatabaseHandle;
  drop(): Promise<void>;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL was asked for (KEFU_TEST_DATABASES) but ${postgresAdminUrl} is unreachable: ${String(error)}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    const handle = openDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db);
    return {
      handle,
      reopen: () => openDatabase({ dialect: 'sqlite', file }),
      drop: async () => {
        await handle.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    handle,
    reopen: () => openDatabase({ dialect: 'postgres', url: url.toString() }),
    drop: async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
