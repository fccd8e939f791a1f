// History charts (docs/metrics.md §8): two days of a small shop, each chart's numbers worked out by hand from the
// definitions: chats begun per hour of the shop's day (Asia/Shanghai, not UTC), work orders per business type,
// problem types from the assist module's classifications (work orders without a classified chat by their type),
// resolution results from the customers' verdicts, the satisfaction trend and complaint categories.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import type { HistoryCharts } from '../../shared/schemas/metrics.js';
import { fromZonedParts } from '../../shared/zoned-time.js';
import { rebuildRollups } from './service.js';
import { insertChat, insertClassification, insertCustomer, insertWorkOrder } from './test-data.js';

/** 2026-03-<day> hh:mm in Shanghai. */
const at = (day: number, hour: number, minute = 0) =>
  fromZonedParts({ year: 2026, month: 3, day, hour, minute }, 'Asia/Shanghai');

const url = '/api/metrics/history?period=range&from=2026-03-02&to=2026-03-03';

describeEachDatabase('history charts', (ctx) => {
  let supervisor: ApiClient;
  let otherSupervisor: ApiClient;
  let agentClient: ApiClient;

  beforeAll(async () => {
    const { app, database } = ctx();
    const db = database.db;
    const shop = await buildShop(ctx());
    const lead = await buildStaff(ctx(), shop, { role: 'supervisor' });
    const agent = await buildStaff(ctx(), shop, { role: 'agent' });
    const [a, b, c, d] = [
      await insertCustomer(db, shop.id, 'A', at(1, 8)),
      await insertCustomer(db, shop.id, 'B', at(1, 8)),
      await insertCustomer(db, shop.id, 'C', at(1, 8)),
      await insertCustomer(db, shop.id, 'D', at(1, 8)),
    ];
    const chat1 = await insertChat(db, shop.id, {
      customerId: a,
      agentId: agent.id,
      messages: [
        { at: at(2, 9, 10), by: 'customer' },
        { at: at(2, 9, 11), by: agent.id },
      ],
      rating: { agentId: agent.id, score: 'good', at: at(2, 9, 20) },
    });
    const chat2 = await insertChat(db, shop.id, {
      customerId: b,
      agentId: agent.id,
      messages: [
        { at: at(2, 9, 40), by: 'customer' },
        { at: at(2, 9, 45), by: agent.id },
      ],
      rating: { agentId: agent.id, score: 'bad', at: at(2, 9, 50) },
    });
    const chat3 = await insertChat(db, shop.id, {
      customerId: c,
      agentId: agent.id,
      messages: [
        { at: at(2, 14, 5), by: 'customer' },
        { at: at(2, 14, 6), by: agent.id },
      ],
    });
    // 23:30 in Shanghai on the 3rd (15:30 UTC), and 00:10 on the 4th (still the 3rd in UTC: outside the period)
    await insertChat(db, shop.id, {
      customerId: d,
      agentId: null,
      messages: [{ at: at(3, 23, 30), by: 'customer' }],
    });
    await insertChat(db, shop.id, {
      customerId: d,
      agentId: null,
      messages: [{ at: at(4, 0, 10), by: 'customer' }],
    });
    await insertClassification(db, shop.id, chat1, 'shipping', at(2, 9, 12));
    await insertClassification(db, shop.id, chat2, 'shipping', at(2, 9, 46));
    await insertClassification(db, shop.id, chat3, 'product', at(2, 14, 7));

    const wo = { status: 'closed' as const, assigneeId: agent.id };
    // from chat 1 (classified: counted once, as its chat), resolved
    await insertWorkOrder(db, shop.id, {
      ...wo,
      type: 'complex_problem',
      createdAt: at(2, 10),
      conversationId: chat1,
      satisfaction: 'satisfied',
    });
    await insertWorkOrder(db, shop.id, {
      ...wo,
      type: 'complaint',
      complaintCategory: 'product_quality',
      createdAt: at(2, 11),
      satisfaction: 'unsatisfied',
    });
    await insertWorkOrder(db, shop.id, {
      ...wo,
      type: 'complaint',
      complaintCategory: 'logistics',
      createdAt: at(3, 12),
      satisfaction: 'basically_satisfied',
    });
    await insertWorkOrder(db, shop.id, {
      ...wo,
      status: 'in_progress',
      type: 'common_question',
      createdAt: at(3, 13),
    });
    // after the period: counts nowhere
    await insertWorkOrder(db, shop.id, {
      ...wo,
      type: 'complaint',
      createdAt: at(4, 9),
      satisfaction: 'satisfied',
    });
    await rebuildRollups(db, shop.id, '2026-03-01', '2026-03-05', Date.now());

    const otherShop = await buildShop(ctx());
    const otherLead = await buildStaff(ctx(), otherShop, { role: 'supervisor' });
    await app.ready();
    supervisor = await signIn(app, lead.login);
    otherSupervisor = await signIn(app, otherLead.login);
    agentClient = await signIn(app, agent.login);
  }, 60_000);

  it('shows every chart of the period with the numbers worked out by hand', async () => {
    const response = await supervisor.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const charts = response.json<HistoryCharts>();
    expect(charts.period).toEqual({ kind: 'range', from: '2026-03-02', to: '2026-03-03' });
    const byHour = Array.from({ length: 24 }, () => 0);
    byHour[9] = 2; // chats 1 and 2
    byHour[14] = 1; // chat 3
    byHour[23] = 1; // D's first chat (Shanghai time)
    expect(charts.byHour).toEqual(byHour);
    expect(charts.byBusinessType).toEqual([
      { key: 'complaint', count: 2 },
      { key: 'common_question', count: 1 },
      { key: 'complex_problem', count: 1 },
    ]);
    expect(charts.problemTypes).toEqual([
      { key: 'shipping', count: 2 },
      { key: 'work_order:complaint', count: 2 },
      { key: 'product', count: 1 },
      { key: 'work_order:common_question', count: 1 },
    ]);
    expect(charts.resolution).toEqual({ resolved: 1, partly: 1, unresolved: 1 });
    expect(charts.complaintCategories).toEqual([
      { key: 'logistics', count: 1 },
      { key: 'product_quality', count: 1 },
    ]);
    expect(charts.trend.map((day) => [day.day, day.ratings, day.goodRatingRate])).toEqual([
      ['2026-03-02', 2, 0.5],
      ['2026-03-03', 0, null],
    ]);
    // consulting customers: A, B and C with the agent on the 2nd; D, waiting unanswered, on the 3rd
    expect(charts.trend.map((day) => day.consultations)).toEqual([3, 1]);
  });

  it("another shop's supervisor sees none of it", async () => {
    const charts = (await otherSupervisor.get(url)).json<HistoryCharts>();
    expect(charts.byHour.reduce((sum, n) => sum + n, 0)).toBe(0);
    expect(charts.byBusinessType).toEqual([]);
    expect(charts.resolution).toEqual({ resolved: 0, partly: 0, unresolved: 0 });
  });

  it('an agent without metrics.read is refused, and a bad range is a 400 with a code', async () => {
    expect((await agentClient.get(url)).statusCode).toBe(403);
    const bad = await supervisor.get('/api/metrics/history?period=range&from=2026-03-05&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'metrics_range_invalid' } });
  });
});
