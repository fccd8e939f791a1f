// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { loadConfig } from '../server/config.js';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const handle = openDatabase(config.database);
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(
    `${handle.description}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`,
  );
} finally {
  await handle.close();
}
