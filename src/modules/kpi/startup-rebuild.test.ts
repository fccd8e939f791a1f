// Roll-ups at start-up (issue 6): chats written before the metrics jobs ran (a demo seed, an import) show on the
// dashboard and in the metrics once the server starts, because shops with empty roll-ups are rebuilt from the raw
// events; a shop that already has roll-ups is left as it is.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, type TestShop } from '../../test/factories.js';
import { metricsTable, rebuildEmptyRollups, refreshEntities } from './service.js';
import { insertChat, insertCustomer } from './test-data.js';

const minute = 60_000;

describeEachDatabase('roll-up rebuild at start-up', (ctx) => {
  let seeded: TestShop;
  let running: TestShop;
  let today = '';
  let yesterday = '';
  const now = Date.now();

  const chat = async (shop: TestShop, agentId: string, answered: boolean, at: number) => {
    const customer = await insertCustomer(ctx().database.db, shop.id, 'C', at);
    return insertChat(ctx().database.db, shop.id, {
      customerId: customer,
      agentId,
      messages: [{ at, by: 'customer' }, ...(answered ? [{ at: at + 10_000, by: agentId }] : [])],
    });
  };
  const consultations = async (shop: TestShop) =>
    (await metricsTable(ctx().database.db, shop.id, yesterday, today)).find((row) => row.scope === 'shop')
      ?.values.consultingCustomers;

  beforeAll(async () => {
    seeded = await buildShop(ctx());
    running = await buildShop(ctx());
    const a = await buildStaff(ctx(), seeded);
    const b = await buildStaff(ctx(), running);
    // the seeded shop: 2 chats written straight into the tables, no roll-ups
    await chat(seeded, a.id, true, now - 5 * minute);
    await chat(seeded, a.id, false, now - 4 * minute);
    // the running shop: 1 chat counted by the jobs, then 1 written behind their back (must stay uncounted)
    const counted = await chat(running, b.id, true, now - 3 * minute);
    await refreshEntities(ctx().database.db, running.id, [`c:${counted}`], now);
    await chat(running, b.id, true, now - 2 * minute);
    // yesterday too: the chats of a few minutes ago may fall before midnight in Shanghai
    const localDay = (at: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    today = localDay(now);
    yesterday = localDay(now - 86_400_000);
  }, 60_000);

  it('rebuilds only the shops whose roll-ups are empty, so their numbers show at once', async () => {
    expect(await consultations(seeded)).toBe(0);
    const rebuilt = await rebuildEmptyRollups(ctx().database.db, now);
    expect(rebuilt).toContain(seeded.id);
    expect(rebuilt).not.toContain(running.id);
    expect(await consultations(seeded)).toBe(2);
    expect(await consultations(running)).toBe(1);
  });

  it('a second start changes nothing', async () => {
    expect(await rebuildEmptyRollups(ctx().database.db, now)).not.toContain(seeded.id);
    expect(await consultations(seeded)).toBe(2);
  });
});
