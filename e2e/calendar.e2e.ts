// Issue 4: an admin opens the business calendar, sees the shipped PRC days, imports a small .ics file and sees its
// days (and the event it could not import) in the year view.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.js';
import { serverAndBrowser } from './suite.js';

const run = serverAndBrowser();

describe('business calendar in Chromium', () => {
  it('an admin imports an .ics file and sees its holidays, its make-up day and the rejected event', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${run.server.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('kefu2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workspace');

    await page.goto(`${run.server.url}/settings/calendar`);
    await page.getByTestId('calendar-day-table').waitFor();
    // The shipped PRC schedule: pick 2025 and find the National Day 调休 Saturday.
    await page.getByTestId('calendar-year').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '2025' })
      .click();
    await page.getByTestId('calendar-day-2025-10-11').waitFor();
    await expect.poll(() => page.getByTestId('calendar-day-2025-10-11').textContent()).toContain('调休上班');
    await page.screenshot({ path: screenshotPath('calendar-01-prc-2025'), fullPage: true });

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('calendar-import').click();
    await (await chooser).setFiles(fileURLToPath(new URL('./fixtures/shop-days-2027.ics', import.meta.url)));
    await page.getByTestId('calendar-import-report').waitFor();
    await expect.poll(() => page.getByTestId('calendar-import-report').textContent()).toContain('新增 3 天');
    await expect.poll(() => page.getByTestId('calendar-import-errors').textContent()).toContain('周会');
    await expect
      .poll(() => page.getByTestId('calendar-import-errors').textContent())
      .toContain('不是全天事件');
    // The year view jumps to 2027 and shows the imported days.
    await page.getByTestId('calendar-day-2027-01-05').waitFor();
    expect(await page.getByTestId('calendar-day-2027-01-05').textContent()).toContain('店庆休息');
    expect(await page.getByTestId('calendar-day-2027-01-06').textContent()).toContain('节假日');
    expect(await page.getByTestId('calendar-day-2027-01-09').textContent()).toContain('调休上班');
    expect(await page.getByTestId('calendar-day-2027-01-09').textContent()).toContain('导入 (.ics)');
    await page.screenshot({ path: screenshotPath('calendar-02-imported-2027'), fullPage: true });

    // The same days through the API the deadlines read.
    const calendar = await page.evaluate(async () => (await fetch('/api/calendar')).json());
    const imported = (calendar as { days: Array<{ date: string; source: string }> }).days.filter(
      (day) => day.source === 'ics',
    );
    expect(imported.map((day) => day.date)).toEqual(['2027-01-05', '2027-01-06', '2027-01-09']);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
