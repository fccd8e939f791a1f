// `npm start`: reads the configuration, migrates, seeds the demo shop on an empty database, serves, shuts down cleanly.
import { Redis } from 'ioredis';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { rebuildEmptyRollups } from '../modules/kpi/service.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { demoAdmin, demoPassword, demoStaff, seedDemoShopIfEmpty } from './demo-seed.js';
import { loadOrCreateSessionSecret } from './secrets.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const database = openDatabase(config.database);
await migrateToLatest(database.db);
const seeded = config.demoSeed ? await seedDemoShopIfEmpty(database.db) : false;
// Data written before the metrics jobs ran (the demo seed, an import) gets its roll-ups before the first request.
await rebuildEmptyRollups(database.db, Date.now());

const redis = config.redisUrl
  ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false })
  : undefined;

const app = await buildApp({
  config,
  database,
  redis,
  sessionSecret: loadOrCreateSessionSecret(config.dataDir, config.sessionSecret),
  logger: {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
  },
});
// A lost Redis connection is logged and retried by ioredis; it must never crash the process.
redis?.on('error', (error) => app.log.warn({ err: error }, 'redis connection error'));

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    await database.close();
    redis?.disconnect();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const url = `http://${shownHost}:${port}`;

const lines = [
  '',
  `  Kefu 客服 is running at ${url}`,
  `  API docs: ${url}/docs    database: ${database.description}${config.redisUrl ? '    redis: on' : ''}`,
  `  Agent workspace: ${url}/workspace    demo shop with the chat widget: ${url}/demo-shop`,
];
if (config.demoSeed) {
  lines.push(
    `  Demo shop ${seeded ? 'seeded just now' : 'already present'}; logins (password ${demoPassword}):`,
    `    ${demoAdmin.login.padEnd(12)} admin`,
    ...demoStaff.map(
      (staff) =>
        `    ${staff.login.padEnd(12)} ${staff.role}${staff.groups ? ` (${staff.groups.join(', ')})` : ''}`,
    ),
  );
}
console.log(`${lines.join('\n')}\n`);
