// Two server processes sharing PostgreSQL/SQLite and Redis count login attempts together (REDIS_URL).
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { buildShop } from '../test/factories.js';
import { buildTestApp, describeEachDatabase, testConfig } from '../test/harness.js';

const redisUrl = 'redis://127.0.0.1:6379';
const clients: Redis[] = [];
afterAll(() => clients.forEach((client) => client.disconnect()));

function redisClient(url = redisUrl): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}

describeEachDatabase('several nodes', (context) => {
  it('shares the login rate limit through Redis, so a second node does not reset the count', async () => {
    const config = testConfig({ LOGIN_RATE_LIMIT: '3' });
    const shop = await buildShop(context());
    const redisA = redisClient();
    const redisB = redisClient();
    await Promise.all([redisA, redisB].map((client) => once(client, 'ready')));
    const nodeA = await buildTestApp(context().database, config, { redis: redisA });
    const nodeB = await buildTestApp(context().database, config, { redis: redisB });
    try {
      // A login no other test uses, so leftovers in Redis from earlier runs cannot matter.
      const login = `${shop.admin.login}-${randomBytes(3).toString('hex')}`;
      const attempt = (node: typeof nodeA) =>
        node.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'bad-password' } });
      const codes = [
        (await attempt(nodeA)).statusCode,
        (await attempt(nodeB)).statusCode,
        (await attempt(nodeA)).statusCode,
        (await attempt(nodeB)).statusCode,
      ];
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await nodeA.close();
      await nodeB.close();
    }
  });

  it('keeps signing people in when Redis is unreachable, and reports it in /readyz', async () => {
    const shop = await buildShop(context());
    const down = redisClient('redis://127.0.0.1:6399');
    const node = await buildTestApp(context().database, testConfig(), { redis: down });
    try {
      const login = await node.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: shop.admin.login, password: 'correct-horse-42' },
      });
      expect(login.statusCode).toBe(200);
      const ready = await node.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'unavailable',
        checks: { database: 'ok', redis: 'failed', realtimeAdapter: 'failed' },
      });
    } finally {
      await node.close();
    }
  });
});
