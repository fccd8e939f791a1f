// An agent takes a chat in Chromium: a customer on the product page writes through the widget socket, the chat
// arrives in 张晓雨's workspace with the title alert, she answers with a `/` quick reply and the customer gets it.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation, WidgetSession } from '../src/shared/schemas/chat.js';
import { screenshotPath } from './browser.js';
import { call as callAs, signIn as staffSignIn, type StaffSession } from './staff-api.js';
import { serverAndBrowser } from './suite.js';

const run = serverAndBrowser();

const signIn = (login: string) => staffSignIn(run.server.url, login);
const call = <T>(staff: StaffSession, method: string, path: string, body?: unknown) =>
  callAs<T>(run.server.url, staff, method, path, body);

/** The customer: a widget session, then the /widget socket, keeping every message pushed to them. */
async function openCustomer(shopKey: string) {
  const response = await fetch(`${run.server.url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopKey }),
  });
  expect(response.status).toBe(200);
  const session = (await response.json()) as WidgetSession;
  const socket: Socket = io(`${run.server.url}/widget`, {
    auth: { visitorToken: session.visitorToken },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const received: ChatMessage[] = [];
  socket.on('message:new', (message: ChatMessage) => received.push(message));
  return { socket, received };
}

async function agentIsOnline(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const session = (await fetch('/api/auth/session').then((r) => r.json())) as { user: { id: string } };
    const board = (await fetch('/api/presence/agents').then((r) => r.json())) as {
      items: Array<{ userId: string; status: string }>;
    };
    return board.items.some((entry) => entry.userId === session.user.id && entry.status === 'online');
  });
}

describe('agent workspace in Chromium', () => {
  it('a new chat alerts the agent, who answers with a / quick reply that reaches the customer', async () => {
    // The shop serves around the clock, so the chat is routed whatever the hour of the test run.
    const admin = await signIn('admin');
    await call(admin, 'PATCH', '/api/shop', {
      serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
    });
    await call(admin, 'POST', '/api/quick-replies', {
      scope: 'shop',
      shortcut: 'e2ewelcome',
      title: '欢迎问候',
      text: '您好{customerName}，我是{agentName}，欢迎光临{shopName}！',
    });
    const shop = await call<{ name: string; widgetKey: string }>(admin, 'GET', '/api/shop');

    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`${run.server.url}/`);
    await page.getByTestId('login-username').fill('presale1');
    await page.getByTestId('login-password').fill('kefu2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workspace');
    await page.getByTestId('workspace').waitFor();
    // Connecting sets the agent online; only then can routing give her the chat.
    await expect.poll(() => agentIsOnline(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('presence-switch').getAttribute('data-status')).toBe('online');
    await page.screenshot({ path: screenshotPath('workspace-01-empty') });

    const customer = await openCustomer(shop.widgetKey);
    const sent = (await customer.socket.timeout(10_000).emitWithAck('send', {
      clientMessageId: randomUUID(),
      text: '你好，这件羊毛大衣有 L 码吗？',
      source: 'product_detail',
      productId: 'P-20261123',
    })) as { ok: true; data: { conversation: Conversation } };
    expect(sent.ok).toBe(true);
    const conversation = sent.data.conversation;
    const customerName = conversation.customer.displayName;

    const item = page.getByTestId(`conversation-item-${conversation.id}`);
    await item.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.title(), { timeout: 5000 }).toContain('【新会话】');
    expect(await item.textContent()).toContain('商品详情');
    await page.screenshot({ path: screenshotPath('workspace-02-new-chat-alert') });

    await item.click();
    await page.getByTestId('chat-pane').waitFor();
    await expect.poll(() => page.getByTestId('chat-history').textContent()).toContain('羊毛大衣');
    expect(await page.getByTestId('first-response-timer').getAttribute('data-running')).toBe('true');
    expect(await page.getByTestId('customer-panel').textContent()).toContain('P-20261123');
    await expect.poll(() => page.title()).not.toContain('【新会话】');
    customer.socket.emit('typing', { conversationId: conversation.id, typing: true });
    await page.getByTestId('customer-typing').waitFor();

    const input = page.getByTestId('reply-input');
    await input.click();
    await input.pressSequentially('/e2ew');
    await page.getByTestId('quick-reply-option-e2ewelcome').waitFor();
    await page.screenshot({ path: screenshotPath('workspace-03-quick-reply-picker') });
    await input.press('Enter');
    const reply = `您好${customerName}，我是张晓雨，欢迎光临${shop.name}！`;
    expect(await input.inputValue()).toBe(reply);
    await input.press('Enter');

    await expect
      .poll(() => customer.received.find((message) => message.authorKind === 'agent')?.text, {
        timeout: 10_000,
      })
      .toBe(reply);
    const answer = customer.received.find((message) => message.authorKind === 'agent')!;
    await page.getByTestId(`message-${answer.seq}`).waitFor();
    await expect.poll(() => page.getByTestId('reply-input').inputValue()).toBe('');
    await expect
      .poll(() => page.getByTestId('first-response-timer').getAttribute('data-running'))
      .toBe('false');

    // The customer reads it: the agent's message shows the read receipt.
    customer.socket.emit('read', { conversationId: conversation.id, seq: answer.seq });
    await expect
      .poll(() => page.getByTestId(`receipt-${answer.seq}`).getAttribute('data-read'), { timeout: 10_000 })
      .toBe('true');
    await page.screenshot({ path: screenshotPath('workspace-04-replied') });

    customer.socket.close();
    expect(consoleErrors).toEqual([]);
  });
});
