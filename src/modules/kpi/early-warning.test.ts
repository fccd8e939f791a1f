// Early warning (docs/metrics.md §7): a day with far more complaints than the shop's last 28 days is flagged, overall
// and for the category that rose, on the wallboard supervisors watch; an ordinary day is not.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import type { Wallboard } from '../../shared/schemas/metrics.js';
import { insertWorkOrder } from './test-data.js';

const day = 86_400_000;

describeEachDatabase('early warning of complaint rises', (ctx) => {
  let supervisor: ApiClient;
  let shopId = '';

  beforeAll(async () => {
    const { app, database } = ctx();
    const shop = await buildShop(ctx());
    shopId = shop.id;
    const lead = await buildStaff(ctx(), shop, { role: 'supervisor' });
    // one complaint every other day for the last four weeks: a baseline of 0.5 a day
    for (let i = 2; i <= 28; i += 2) {
      await insertWorkOrder(database.db, shop.id, {
        type: 'complaint',
        status: 'closed',
        assigneeId: null,
        createdAt: Date.now() - i * day,
      });
    }
    await app.ready();
    supervisor = await signIn(app, lead.login);
  }, 60_000);

  const warnings = async () => {
    const response = await supervisor.get('/api/metrics/wallboard');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Wallboard>().warnings;
  };

  it('an ordinary day raises no flag', async () => {
    await insertWorkOrder(ctx().database.db, shopId, {
      type: 'complaint',
      status: 'analysing',
      assigneeId: null,
      createdAt: Date.now() - 60_000,
    });
    expect(await warnings()).toEqual([]);
  });

  it('four complaints today against a baseline of half a day are flagged overall and for their category', async () => {
    for (let i = 0; i < 3; i++) {
      await insertWorkOrder(ctx().database.db, shopId, {
        type: 'complaint',
        status: 'analysing',
        assigneeId: null,
        createdAt: Date.now() - 30_000,
      });
    }
    const flags = await warnings();
    expect(flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'complaints', category: null, count: 4, baseline: 0.5 }),
        expect.objectContaining({ kind: 'complaint_category', category: 'logistics', count: 4 }),
      ]),
    );
    expect(flags.some((flag) => flag.kind === 'volume')).toBe(false);
  });
});
