// Acceptance 4 of issue 6: the monthly analysis report of a small fixture month is made as a page and as a PDF whose
// charts carry the fixture's numbers; a PNG of the page is saved (artifacts/screenshots/monthly-report.png).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import type { ReportSummary } from '../../shared/schemas/metrics.js';
import { refreshEntities } from '../kpi/service.js';
import { insertCall, insertChat, insertCustomer } from '../kpi/test-data.js';
import { reportPdf } from './service.js';

const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);
const chromiumPath = '/usr/bin/chromium';
const artifacts = join('artifacts', 'screenshots');

describeEachDatabase('monthly analysis report', (ctx) => {
  let admin: ApiClient;
  let report: ReportSummary;

  beforeAll(async () => {
    const { app, database } = ctx();
    const db = database.db;
    const shop = await buildShop(ctx());
    const agent = await buildStaff(ctx(), shop, { groups: ['pre_sale'] });
    const customer = await insertCustomer(db, shop.id, 'C', at('2026-11-01', '08:00:00'));
    // November 2026: 3 consultations on the 2nd (2 answered), 1 on the 3rd (answered) with a good rating; 2 calls on
    // the 3rd, one answered. October: 1 consultation, unanswered (the comparison month).
    const chat = (day: string, time: string, answered: boolean, rated = false) =>
      insertChat(db, shop.id, {
        customerId: customer,
        agentId: agent.id,
        messages: [
          { at: at(day, time), by: 'customer' },
          ...(answered ? [{ at: at(day, time) + 20_000, by: agent.id }] : []),
        ],
        ...(rated
          ? { rating: { agentId: agent.id, score: 'good' as const, at: at(day, time) + 60_000 } }
          : {}),
      });
    const chats = [
      await chat('2026-11-02', '10:00:00', true),
      await chat('2026-11-02', '11:00:00', true),
      await chat('2026-11-02', '12:00:00', false),
      await chat('2026-11-03', '15:00:00', true, true),
      await chat('2026-10-20', '15:00:00', false),
    ];
    const calls = [
      await insertCall(db, shop.id, {
        direction: 'inbound',
        agentId: agent.id,
        at: at('2026-11-03', '10:00:00'),
        answered: true,
      }),
      await insertCall(db, shop.id, {
        direction: 'inbound',
        agentId: null,
        at: at('2026-11-03', '10:30:00'),
        answered: false,
      }),
    ];
    await refreshEntities(
      db,
      shop.id,
      [...chats.map((id) => `c:${id}`), ...calls.map((id) => `k:${id}`)],
      Date.now(),
    );
    admin = await signIn(app, shop.admin.login);
    const made = await admin.post('/api/reports/monthly', { month: '2026-11' });
    expect(made.statusCode, made.body).toBe(201);
    report = made.json<ReportSummary>();
  }, 60_000);

  it('is listed in the history and made again in place', async () => {
    const again = await admin.post('/api/reports/monthly', { month: '2026-11' });
    expect(again.statusCode).toBe(201);
    report = again.json<ReportSummary>();
    const list = (await admin.get('/api/reports/monthly')).json<{ items: ReportSummary[] }>();
    expect(list.items.map((item) => item.period)).toEqual(['2026-11']);
    const bad = await admin.post('/api/reports/monthly', { month: '2026-13' });
    expect(bad.statusCode).toBe(400);
  });

  it('the page has purpose, method, results with charts of the fixture numbers, and conclusions', async () => {
    const response = await admin.get(`/api/reports/${report.id}/html`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    for (const heading of ['一、分析目的', '二、分析方法', '三、分析结果', '四、结论'])
      expect(html).toContain(heading);
    // key metrics: 4 consultations, 3 received → 75 %, good rating 100 %; October had 1 consultation, 0 %
    expect(html).toContain('<td data-metric="consultingCustomers">4</td><td>1</td>');
    expect(html).toContain('<td data-metric="replyRate">75%</td><td>0%</td>');
    expect(html).toContain('<td data-metric="hotlineConnectionRate">50%</td>');
    // the volume chart labels 3 consultations on 11-02 and 1 on 11-03, and 2 calls on 11-03
    const volume = html.slice(html.indexOf('data-chart="volume"'), html.indexOf('data-chart="groups"'));
    const labels = [...volume.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['11-02', '11-03', '3', '1', '2']));
    expect(html).toContain('咨询人数：本月 4，上月 1，上升。');
  });

  it('the PDF prints the same report; a PNG of the page is saved', async () => {
    if (!existsSync(chromiumPath)) throw new Error(`this test needs Chromium at ${chromiumPath}`);
    const response = await admin.get(`/api/reports/${report.id}/pdf`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, `monthly-report-${ctx().dialect}.pdf`), pdf);

    const html = (await admin.get(`/api/reports/${report.id}/html`)).body;
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html);
      expect(await page.locator('section[data-chart] svg').count()).toBe(4);
      await page.screenshot({ path: join(artifacts, `monthly-report-${ctx().dialect}.png`), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('without Chromium the PDF is refused with a clear code, and the page still works', async () => {
    await expect(reportPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toMatchObject({
      code: 'report_pdf_unavailable',
    });
  });
});
