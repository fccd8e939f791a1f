// Runs an integration suite once per test database with a real app (app.inject), as Kysely's tests loop dialects.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseHandle, DialectName } from '../db/connection.js';
import { buildApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import type { App } from '../server/http.js';
import { createTestDatabase, testDialects, type TestDatabase } from './databases.js';

export interface TestContext {
  dialect: DialectName;
  app: App;
  database: DatabaseHandle;
  testDatabase: TestDatabase;
  config: Config;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    LOGIN_RATE_LIMIT: '1000',
    WIDGET_SESSION_RATE_LIMIT: '100000',
    ...overrides,
  });
}

export async function buildTestApp(
  database: DatabaseHandle,
  config: Config = testConfig(),
  extra: { redis?: Redis; clock?: () => number } = {},
): Promise<App> {
  const app = await buildApp({
    config,
    database,
    sessionSecret: randomBytes(32).toString('hex'),
    webRoot: 'web/dist',
    redis: extra.redis,
    ...(extra.clock ? { clock: extra.clock } : {}),
  });
  await app.ready();
  return app;
}

/**
 * Declares `name [sqlite]` and `name [postgres]` suites, each with its own fresh database and app.
 * The suite name says which database ran, so the test output shows it.
 */
export function describeEachDatabase(
  name: string,
  body: (context: () => TestContext) => void,
  options: { env?: Record<string, string>; clock?: () => number } = {},
): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let context: TestContext | undefined;
      beforeAll(async () => {
        const testDatabase = await createTestDatabase(dialect);
        const config = testConfig(options.env);
        const app = await buildTestApp(
          testDatabase.handle,
          config,
          options.clock ? { clock: options.clock } : {},
        );
        context = { dialect, app, database: testDatabase.handle, testDatabase, config };
      }, 60_000);
      afterAll(async () => {
        await context?.app.close();
        await context?.testDatabase.drop();
      });
      body(() => {
        if (!context) throw new Error('test context used before beforeAll finished');
        return context;
      });
    });
  }
}
