// Issue 4: signed PBX events make a call appear in the call log (a missed one with its call-back task); an agent
// logs a call by hand; an admin imports a small order CSV with one bad row and sees the progress and the error report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../src/modules/webhooks/rules.js';
import { screenshotPath } from './browser.js';
import { serverAndBrowser } from './suite.js';
import { call, demoPassword, signIn, type StaffSession } from './staff-api.js';

const suite = serverAndBrowser();
let admin: StaffSession;
let agent: StaffSession;
let secret: string;

beforeAll(async () => {
  admin = await signIn(suite.server.url, 'admin');
  agent = await signIn(suite.server.url, 'presale1');
  secret = (await call<{ secret: string }>(suite.server.url, admin, 'POST', '/api/webhook-secrets/rotate'))
    .secret;
  await call(suite.server.url, admin, 'PATCH', '/api/call-settings', {
    extensions: [{ extension: '801', userId: agent.userId }],
  });
});

async function pbx(event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${suite.server.url}/api/webhooks/calls`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-kefu-shop': admin.shopId,
      'x-kefu-timestamp': String(timestamp),
      'x-kefu-signature': signWebhook(secret, timestamp, body),
    },
    body,
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function signInPage(login: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${suite.server.url}/`);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/workspace');
  return { page, consoleErrors };
}

const base = Date.now();
const ago = (seconds: number) => new Date(base - seconds * 1000).toISOString();

describe('calls and order import in Chromium', () => {
  it('signed PBX events show up in the call log; an agent logs a call by hand and self-checks it', async () => {
    // An answered call, its events out of order; a missed call to the agent's extension.
    await pbx({ eventId: 'ev-3', callId: 'pbx-1', type: 'ended', occurredAt: ago(60) });
    await pbx({
      eventId: 'ev-1',
      callId: 'pbx-1',
      type: 'ringing',
      occurredAt: ago(200),
      from: '13811112222',
      to: '4008001234',
      extension: '801',
    });
    await pbx({ eventId: 'ev-2', callId: 'pbx-1', type: 'answered', occurredAt: ago(190), extension: '801' });
    await pbx({ eventId: 'ev-2', callId: 'pbx-1', type: 'answered', occurredAt: ago(190), extension: '801' });
    await pbx({
      eventId: 'ev-4',
      callId: 'pbx-2',
      type: 'ringing',
      occurredAt: ago(50),
      from: '13933334444',
      extension: '801',
    });
    await pbx({ eventId: 'ev-5', callId: 'pbx-2', type: 'ended', occurredAt: ago(25) });

    const { page, consoleErrors } = await signInPage('presale1');
    await page.getByTestId('nav-calls').click();
    await page.waitForURL('**/calls');
    const table = page.getByTestId('calls-table');
    await expect.poll(() => table.textContent()).toContain('138****2222');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('139****4444');
    expect(text).not.toContain('13811112222');
    expect(text).toContain('2 声 · 10 秒');
    expect(text).toContain('未接');
    expect(text).toContain('待回拨');
    await page.screenshot({ path: screenshotPath('calls-01-log-from-pbx'), fullPage: true });

    await page.getByTestId('calls-log-call').click();
    await page.getByTestId('call-form-name').waitFor({ state: 'visible' });
    // An empty form is refused every time (nothing is saved), so a click that landed while the dialog was still
    // opening is simply made again (once it failed that way in CI, under load).
    await expect
      .poll(async () => {
        await page.getByTestId('call-form-submit').click();
        return page
          .locator('.ant-form-item-explain-error')
          .first()
          .textContent({ timeout: 2000 })
          .catch(() => '');
      })
      .toContain('请输入客户姓名');
    await page.getByTestId('call-form-name').fill('王女士');
    await page.getByTestId('call-form-phone').fill('13912345678');
    await page.getByTestId('call-form-matter').fill('快递延误三天未到');
    await page.getByTestId('call-form-handling').fill('致歉并联系快递加急，承诺明天 12:00 前回电');
    await page.getByTestId('call-form-reaction').fill('表示理解');
    await page.getByTestId('call-form-recorded').check();
    await page.getByTestId('call-form-submit').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('须先告知客户才能录音');
    await page.getByTestId('call-form-told').check();
    await page.screenshot({ path: screenshotPath('calls-02-manual-form'), fullPage: true });
    await page.getByTestId('call-form-submit').click();
    await expect.poll(() => table.textContent()).toContain('快递延误三天未到');
    expect(await table.textContent()).toContain('139****5678');

    const manual = await call<{ items: Array<{ id: string; source: string }> }>(
      suite.server.url,
      agent,
      'GET',
      '/api/calls?source=manual',
    );
    const recordId = manual.items[0]!.id;
    await page.getByTestId(`call-self-check-${recordId}`).click();
    await expect.poll(() => page.getByTestId(`call-row-${recordId}`).textContent()).toContain('已自检');
    await page.screenshot({ path: screenshotPath('calls-03-logged-and-self-checked'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('an admin imports a small CSV with one bad row and sees the progress and the error report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kefu-csv-'));
    const file = join(folder, '订单-2026-03.csv');
    writeFileSync(
      file,
      [
        'event_id,kind,order_no,subject_no,member_id,phone,occurred_at,amount_fen',
        'o1,order_placed,DD20260302001,,M1,,2026-03-02 09:00,29900',
        'o2,order_paid,DD20260302001,,M1,,2026-03-02 09:05,29900',
        'o3,order_paid,DD20260302002,,,,2026-03-02 09:06,', // row 4: payment without amount
        'o4,order_shipped,DD20260302001,,,,2026-03-03 10:00,',
        '',
      ].join('\n'),
    );
    const { page, consoleErrors } = await signInPage('admin');
    await page.goto(`${suite.server.url}/settings/order-import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('order-import-choose').click();
    await (await chooser).setFiles(file);
    await page.getByTestId('order-import-job').waitFor();
    await expect.poll(() => page.getByTestId('order-import-status').textContent()).toBe('已完成');
    expect(await page.getByTestId('order-import-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('order-import-summary').textContent()).toBe(
      '新增 3 条，已存在 0 条，出错 1 行',
    );
    const errors = (await page.getByTestId('order-import-errors').textContent()) ?? '';
    expect(errors).toContain('4');
    expect(errors).toContain('amount_fen');
    expect(errors).toContain('付款和退款必须填写金额（分）');
    const href = await page.getByTestId('order-import-download').getAttribute('href');
    const report = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(report).toContain('4,amount_fen,amount_required');
    await page.waitForTimeout(600); // the bar's width animation
    await page.screenshot({ path: screenshotPath('orders-01-import-report'), fullPage: true });

    // The same file again adds nothing.
    const again = page.waitForEvent('filechooser');
    await page.getByTestId('order-import-choose').click();
    await (await again).setFiles(file);
    await expect
      .poll(() => page.getByTestId('order-import-summary').textContent())
      .toBe('新增 0 条，已存在 3 条，出错 1 行');
    await page.screenshot({ path: screenshotPath('orders-02-second-import'), fullPage: true });

    await page.goto(`${suite.server.url}/settings/webhooks`);
    await page.getByTestId('webhook-current').waitFor();
    expect(await page.getByTestId('webhook-current').textContent()).toContain(secret.slice(-4));
    await page.screenshot({ path: screenshotPath('orders-03-webhook-secrets'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
