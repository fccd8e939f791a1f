// Seed 003's daily data report and the weekly summary (issue 6): made by themselves every morning for the previous
// day in the shop's time zone (and on Mondays for the previous week), kept in the reports history beside the monthly
// report, each made once; their pages show the period's own numbers against the period before.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, signIn, buildStaff, type ApiClient } from '../../test/factories.js';
import type { ReportSummary } from '../../shared/schemas/metrics.js';
import { refreshEntities } from '../kpi/service.js';
import { insertChat, insertCustomer } from '../kpi/test-data.js';
import { startScheduledReports } from './service.js';

const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

describeEachDatabase('daily data reports and weekly summaries', (ctx) => {
  let admin: ApiClient;
  let clock = 0;
  let scheduler: ReturnType<typeof startScheduledReports>;

  beforeAll(async () => {
    const { app, database } = ctx();
    const db = database.db;
    const shop = await buildShop(ctx());
    const agent = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    const customer = await insertCustomer(db, shop.id, 'C', at('2026-11-01', '08:00:00'));
    const chat = (day: string, time: string, answered: boolean) =>
      insertChat(db, shop.id, {
        customerId: customer,
        agentId: agent.id,
        messages: [
          { at: at(day, time), by: 'customer' },
          ...(answered ? [{ at: at(day, time) + 30_000, by: agent.id }] : []),
        ],
      });
    // Sunday 8 November: 2 consultations (1 answered), one of them at 23:30 Shanghai (15:30 UTC: still the 8th);
    // Saturday the 7th: 1, answered; Tuesday the 3rd: 1, answered. Monday the 9th (the report's morning): 1.
    const chats = [
      await chat('2026-11-08', '10:00:00', true),
      await chat('2026-11-08', '23:30:00', false),
      await chat('2026-11-07', '11:00:00', true),
      await chat('2026-11-03', '11:00:00', true),
      await chat('2026-11-09', '00:20:00', true),
    ];
    await refreshEntities(
      db,
      shop.id,
      chats.map((id) => `c:${id}`),
      Date.now(),
    );
    scheduler = startScheduledReports({ db, now: () => clock, intervalMs: 3_600_000, onError: () => {} });
    await app.ready();
    admin = await signIn(app, shop.admin.login);
    return () => scheduler.stop();
  }, 60_000);

  const history = async () => {
    const response = await admin.get('/api/reports');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ReportSummary[] }>().items;
  };

  it('before 06:00 on Monday morning nothing is made yet', async () => {
    clock = at('2026-11-09', '05:30:00');
    await scheduler.tick();
    expect(await history()).toEqual([]);
  });

  it("from 06:00 Monday (Shanghai) the Sunday's daily report and the last week's summary are made, once", async () => {
    clock = at('2026-11-09', '06:10:00');
    await scheduler.tick();
    clock = at('2026-11-09', '07:10:00');
    await scheduler.tick();
    const items = await history();
    expect(items.map((item) => [item.kind, item.period]).sort()).toEqual([
      ['daily', '2026-11-08'],
      ['weekly', '2026-11-02'],
    ]);
    // the monthly history is kept apart
    expect((await admin.get('/api/reports/monthly')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("the daily report shows the day's numbers against the day before", async () => {
    const daily = (await history()).find((item) => item.kind === 'daily');
    const html = (await admin.get(`/api/reports/${daily?.id}/html`)).body;
    expect(html).toContain('客服咨询数据日报');
    // the 8th: 2 consultations, 1 answered → 50 %; the 7th: 1, answered → 100 %
    expect(html).toContain('<td data-metric="consultingCustomers">2</td><td>1</td>');
    expect(html).toContain('<td data-metric="replyRate">50%</td><td>100%</td>');
    expect(html).toContain('咨询人数：本日 2，前一日 1，上升。');
  });

  it('the weekly summary covers Monday 2 to Sunday 8 November against the week before', async () => {
    const weekly = (await history()).find((item) => item.kind === 'weekly');
    const html = (await admin.get(`/api/reports/${weekly?.id}/html`)).body;
    expect(html).toContain('客服数据周报');
    expect(html).toContain('2026-11-02 至 2026-11-08');
    // the 3rd, 7th and 8th (x2): 4 consultations, 3 answered → 75 %; the week before: none
    expect(html).toContain('<td data-metric="consultingCustomers">4</td><td>0</td>');
    expect(html).toContain('<td data-metric="replyRate">75%</td>');
  });

  it('a daily report or weekly summary can be made on demand; a weekly period must be a Monday', async () => {
    const made = await admin.post('/api/reports', { kind: 'daily', period: '2026-11-03' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<ReportSummary>()).toMatchObject({ kind: 'daily', period: '2026-11-03' });
    const bad = await admin.post('/api/reports', { kind: 'weekly', period: '2026-11-04' });
    expect(bad.statusCode).toBe(400);
    expect((await history()).filter((item) => item.kind === 'daily')).toHaveLength(2);
  });
});
