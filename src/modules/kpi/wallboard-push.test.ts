// The live wallboard is pushed to a shop's overseers after a burst of events, and not computed while nobody of the
// shop watches it (one node knows every connection).
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop } from '../../test/factories.js';
import { EventBus } from '../../server/events.js';
import type { KpiJobs } from './jobs.js';
import { publishWallboard } from './realtime.js';

describeEachDatabase('wallboard push', (ctx) => {
  let shopId = '';
  beforeAll(async () => {
    shopId = (await buildShop(ctx())).id;
  }, 60_000);

  async function pushesAfterABurst(watched: boolean) {
    const bus = new EventBus();
    const pushed: Array<{ room: string; event: string }> = [];
    const agents = {
      to: (room: string) => ({ emit: (event: string) => pushed.push({ room, event }) }),
    };
    const jobs: KpiJobs = { idle: async () => {}, settled: async () => {}, stop: async () => {} };
    const stop = publishWallboard({
      db: ctx().database.db,
      bus,
      jobs,
      now: Date.now,
      agents: agents as never,
      onError: (error) => {
        throw error;
      },
      settleMs: 10,
      watched: () => watched,
    });
    for (let i = 0; i < 3; i += 1) {
      bus.publish([
        { type: 'presence.changed', shopId, userId: 'u1', status: 'online', at: Date.now() },
      ] as never);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    return pushed;
  }

  it('pushes one board per burst to the shop’s overseers while somebody watches', async () => {
    expect(await pushesAfterABurst(true)).toEqual([
      { room: `overseers:${shopId}`, event: 'metrics:wallboard' },
    ]);
  });

  it('computes and pushes nothing while nobody watches', async () => {
    expect(await pushesAfterABurst(false)).toEqual([]);
  });
});
