// Liveness (/healthz: the process answers) and readiness (/readyz: the database, and Redis and the Socket.IO
// adapter's connections when configured).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';

const statusSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'failed'])).optional(),
});

export const healthPlugin = fp(
  async (
    app: FastifyInstance,
    options: { pingRedis?: () => Promise<void>; checkAdapter?: () => Promise<void> },
  ) => {
    app.get('/healthz', { schema: { tags: ['health'], response: { 200: statusSchema } } }, async () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/readyz',
      { schema: { tags: ['health'], response: { 200: statusSchema, 503: statusSchema } } },
      async (_request, reply) => {
        const checks: Record<string, 'ok' | 'failed'> = {};
        const probes: Array<[string, () => Promise<void>]> = [['database', () => app.deps.database.ping()]];
        if (options.pingRedis) probes.push(['redis', options.pingRedis]);
        if (options.checkAdapter) probes.push(['realtimeAdapter', options.checkAdapter]);
        for (const [name, probe] of probes) {
          checks[name] = await probe().then(
            () => 'ok' as const,
            () => 'failed' as const,
          );
        }
        const ready = Object.values(checks).every((result) => result === 'ok');
        reply.code(ready ? 200 : 503);
        return { status: ready ? ('ok' as const) : ('unavailable' as const), checks };
      },
    );
  },
);
