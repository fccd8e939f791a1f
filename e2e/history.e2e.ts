// Issue 6 in Chromium: the history page (历史数据) draws its charts from what happened today: a chat begun by a
// customer, a complaint work order; the metrics and history pages open on the shop's today whatever the browser's
// zone; screenshots in artifacts/screenshots/history-*.png.
import { describe, expect, it } from 'vitest';
import type { HistoryCharts } from '../src/shared/schemas/metrics.js';
import { screenshotPath } from './browser.js';
import { customerAsks, liveChatSuite, signedInPage } from './live-chat.js';

const { run, signIn, call, consoleErrors } = liveChatSuite();

describe('history charts in Chromium', () => {
  it('the history page shows volume, business types, problem types and complaint categories as charts', async () => {
    const admin = await signIn('admin');
    const { widgetKey } = await call<{ widgetKey: string }>(admin, 'GET', '/api/shop');
    await customerAsks(run(), widgetKey, '你好，我的快递三天了还没到，能帮忙查一下吗？');
    const supervisor = await signIn('supervisor');
    await call(supervisor, 'POST', '/api/work-orders', {
      type: 'complaint',
      title: '快递延误投诉',
      description: '客户投诉快递三天未到',
      complaintCategory: 'logistics',
    });

    // the page shows what the API counts: today's chat in its hour, the complaint in its category
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    const api = await call<HistoryCharts>(supervisor, 'GET', `/api/metrics/history?period=week&from=${day}`);
    expect(api.byHour.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(api.complaintCategories).toContainEqual({ key: 'logistics', count: 1 });

    const page = await signedInPage(run(), 'supervisor', '/history');
    await page.getByTestId('history-trend').locator('svg').first().waitFor();
    await page.screenshot({ path: screenshotPath('history-00-loaded'), fullPage: true });
    for (const chart of ['trend', 'byHour', 'byType', 'complaints']) {
      await page.getByTestId(`history-${chart}`).locator('svg').first().waitFor();
    }
    await expect.poll(() => page.getByTestId('history-complaints').innerText()).toContain('物流');
    await page.screenshot({ path: screenshotPath('history-01-charts'), fullPage: true });

    // a browser far west of the shop (UTC-12) still opens both pages on the shop's today
    const farWest = { timezoneId: 'Etc/GMT+12' };
    const metricsToday = await signedInPage(run(), 'supervisor', '/metrics', farWest);
    await expect
      .poll(() => metricsToday.getByTestId('metrics-period-shown').innerText())
      .toBe(`${day} ~ ${day}`);
    const historyWeek = await signedInPage(run(), 'supervisor', '/history', farWest);
    await historyWeek.getByTestId('history-period-shown').waitFor();
    expect(await historyWeek.getByTestId('history-period-shown').innerText()).toContain(`~ ${day}`);

    const reports = await signedInPage(run(), 'supervisor', '/reports');
    await reports.getByTestId('report-kind').waitFor();
    await reports.screenshot({ path: screenshotPath('history-02-reports') });
    expect(consoleErrors).toEqual([]);
  });
});
