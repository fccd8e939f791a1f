// Issue 3, acceptance 4, both sides in Chromium: a customer on the demo shop's product page chats through the
// widget and a pre-sale agent answers in the workspace; a customer from an order detail page reaches an
// after-sale agent; the first customer, back within 24 h from an order page, reaches the same pre-sale agent.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../src/shared/schemas/chat.js';
import { screenshotPath } from './browser.js';
import { serverAndBrowser } from './suite.js';
import { call as callAs, signIn as staffSignIn, type StaffSession } from './staff-api.js';

const suite = serverAndBrowser();
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

const signIn = (login: string) => staffSignIn(suite.server.url, login);
const call = <T>(staff: StaffSession, method: string, path: string, body?: unknown) =>
  callAs<T>(suite.server.url, staff, method, path, body);

/** A browser of its own (own cookies and storage), with console errors collected. */
async function newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await suite.browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** An agent signed in to the workspace, online (connecting sets them online). */
async function openWorkspace(login: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${suite.server.url}/`);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill('kefu2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/workspace');
  await page.getByTestId('workspace').waitFor();
  await expect
    .poll(() => page.getByTestId('presence-switch').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('online');
  return page;
}

/** A customer writes through the widget on a demo-shop page. */
async function askFrom(page: Page, path: string, question: string): Promise<void> {
  await page.goto(`${suite.server.url}${path}`);
  await page.getByTestId('kefu-launcher').click();
  await page.getByTestId('kefu-input').waitFor();
  await page.getByTestId('kefu-input').fill(question);
  await page.getByTestId('kefu-send').click();
}

/** The agent opens the chat whose list entry shows this text, answers, and the answer shows in the widget. */
async function answer(agent: Page, customer: Page, question: string, reply: string): Promise<void> {
  const item = agent
    .getByTestId('workspace-list-mine')
    .locator('[data-testid^="conversation-item-"]')
    .first();
  await item.waitFor({ timeout: 15_000 });
  await item.click();
  await expect
    .poll(() => agent.getByTestId('chat-history').textContent(), { timeout: 10_000 })
    .toContain(question);
  await agent.getByTestId('reply-input').fill(reply);
  await agent.getByTestId('reply-input').press('Enter');
  await expect
    .poll(() => customer.getByTestId('kefu-message').filter({ hasText: reply }).count(), { timeout: 10_000 })
    .toBe(1);
}

async function latestConversationOf(admin: StaffSession, text: string): Promise<Conversation> {
  const { items } = await call<{ items: Conversation[] }>(admin, 'GET', '/api/conversations?view=all');
  const matching = items.filter((item) => item.lastMessagePreview?.includes(text));
  const latest = matching.at(-1);
  if (!latest) throw new Error(`no conversation shows “${text}”`);
  return latest;
}

beforeAll(async () => {
  // The demo shop serves 09:00–23:00 Shanghai time; the flows must pass at any hour.
  const admin = await signIn('admin');
  await call(admin, 'PATCH', '/api/shop', {
    serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

describe('chat from the demo shop to the agent workspace', () => {
  it('routes by entry source, both sides see the conversation, and a returning customer gets the same agent', async () => {
    const admin = await signIn('admin');
    const preSale = await openWorkspace('presale1');
    const afterSale = await openWorkspace('aftersale1');

    // 1. Product page → pre-sale: 张晓雨 (presale1) answers.
    const shopper = await newPage({ width: 1280, height: 860 });
    const question = '你好，这款陶瓷马克杯可以用洗碗机洗吗？';
    await askFrom(shopper, '/demo-shop/products/P1001', question);
    await answer(preSale, shopper, question, '可以的，釉下彩工艺，洗碗机和微波炉都能用。');
    const first = await latestConversationOf(admin, '洗碗机');
    expect(first).toMatchObject({ source: 'product_detail', productId: 'P1001', targetGroup: 'pre_sale' });
    const presale1 = (await signIn('presale1')).userId;
    expect(first.agentId).toBe(presale1);
    await shopper.screenshot({ path: screenshotPath('chat-01-customer-product-page') });
    await preSale.screenshot({ path: screenshotPath('chat-02-presale-agent-answers') });

    // 2. Order detail page → after-sale: 王海燕 (aftersale1) answers another customer.
    const buyer = await newPage({ width: 1280, height: 860 });
    const complaint = '我的订单 DD20261122003 还没发货，能帮忙催一下吗？';
    await askFrom(buyer, '/demo-shop/orders/DD20261122003', complaint);
    await answer(afterSale, buyer, complaint, '已为您联系仓库加急，今天内发出。');
    const second = await latestConversationOf(admin, '加急');
    expect(second).toMatchObject({ source: 'order_detail', targetGroup: 'after_sale' });
    const aftersale1 = (await signIn('aftersale1')).userId;
    expect(second.agentId).toBe(aftersale1);
    await buyer.screenshot({ path: screenshotPath('chat-03-customer-order-detail') });
    await afterSale.screenshot({ path: screenshotPath('chat-04-aftersale-agent-answers') });

    // 3. The pre-sale agent ends the first chat; the same customer comes back from an order page within 24 h.
    // The order page maps to after-sale, but the most recent agent (online, within 24 h) comes first.
    await preSale.getByTestId('chat-close').click();
    await preSale.getByTestId('confirm-ok').click();
    await expect
      .poll(async () => (await call<Conversation>(admin, 'GET', `/api/conversations/${first.id}`)).status)
      .toBe('closed');
    const back = '上次买的杯子到了，想再问问有没有配套的杯垫？';
    await askFrom(shopper, '/demo-shop/orders/DD20261120002', back);
    await answer(preSale, shopper, back, '有的，同系列杯垫已上架，买杯子的老顾客立减 5 元。');
    const third = await latestConversationOf(admin, '杯垫');
    expect(third.id).not.toBe(first.id);
    expect(third.customer.id).toBe(first.customer.id);
    expect(third).toMatchObject({
      source: 'order_detail',
      agentId: presale1,
      routingTier: 'recent_agent',
    });
    await shopper.screenshot({ path: screenshotPath('chat-05-returning-customer') });
    await preSale.screenshot({ path: screenshotPath('chat-06-same-agent-again') });

    expect(consoleErrors).toEqual([]);
  });
});
