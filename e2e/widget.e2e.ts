// A customer chats from the demo shop's product page through the embedded widget while an agent answers over
// the /agent socket: message, reply, typing, read receipt, the end of the chat and its rating; then the
// offline-message form outside service hours, and the image checks.
import type { Locator, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../src/shared/schemas/chat.js';
import { screenshotPath } from './browser.js';
import { serverAndBrowser } from './suite.js';
import { signIn as staffSignIn, staffRequest, type StaffSession } from './staff-api.js';

const suite = serverAndBrowser();
let admin: StaffSession;
let agent: StaffSession;
let agentSocket: Socket;
const agentInbox: ChatMessage[] = [];
const agentUpdates: Conversation[] = [];

type AckResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const signIn = (login: string) => staffSignIn(suite.server.url, login);
const api = (session: StaffSession, method: string, path: string, body?: unknown) =>
  staffRequest(suite.server.url, session, method, path, body);

/** Service hours as a window of the shop's day (Asia/Shanghai); '00:00'–'00:00' is around the clock. */
async function setServiceHours(opensAt: string, closesAt: string) {
  const response = await api(admin, 'PATCH', '/api/shop', {
    serviceHours: { opensAt, closesAt, offHoursReplyBy: '09:30' },
  });
  expect(response.status).toBe(200);
}

function shanghaiClock(offsetHours: number): string {
  const shifted = new Date(Date.now() + offsetHours * 3_600_000);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(shifted);
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openShopPage(path: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${suite.server.url}${path}`);
  return { page, consoleErrors };
}

const messages = (page: Page): Locator => page.getByTestId('kefu-message');

/** The agent learns of a new chat when it is assigned to them (conversation:updated), then loads its history. */
async function assignedChat(match: (conversation: Conversation) => boolean): Promise<Conversation> {
  await waitFor(() => agentUpdates.some((c) => c.status === 'assigned' && match(c)));
  return agentUpdates.find((c) => c.status === 'assigned' && match(c))!;
}

async function history(conversationId: string): Promise<ChatMessage[]> {
  const response = await api(agent, 'GET', `/api/conversations/${conversationId}/messages`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: ChatMessage[] }).items;
}

beforeAll(async () => {
  admin = await signIn('admin');
  // The demo seed serves 09:00–23:00 Shanghai time; these tests must pass at any hour.
  await setServiceHours('00:00', '00:00');
  agent = await signIn('presale1');
  agentSocket = io(`${suite.server.url}/agent`, {
    transports: ['websocket'],
    extraHeaders: { cookie: agent.cookie },
    reconnection: false,
  });
  agentSocket.on('message:new', (message: ChatMessage) => agentInbox.push(message));
  agentSocket.on('conversation:updated', (conversation: Conversation) => agentUpdates.push(conversation));
  await new Promise<void>((resolve, reject) => {
    agentSocket.once('connect', () => resolve());
    agentSocket.once('connect_error', reject);
  });
  const presence = (await agentSocket
    .timeout(5000)
    .emitWithAck('presence', { status: 'online' })) as AckResult<{
    status: string;
  }>;
  expect(presence.ok).toBe(true);
});

afterAll(async () => {
  agentSocket?.close();
});

describe('chat widget on the demo shop', () => {
  it('a customer asks from a product page, the agent answers, the chat ends with a rating', async () => {
    const { page, consoleErrors } = await openShopPage('/demo-shop/products/P1001');
    expect(await page.getByTestId('demo-product-name').textContent()).toContain('马克杯');
    const launcher = page.getByTestId('kefu-launcher');
    await launcher.waitFor();
    expect(await launcher.textContent()).toContain('在线客服');
    await page.screenshot({ path: screenshotPath('widget-01-product-page') });

    await launcher.click();
    const panel = page.getByTestId('kefu-panel');
    await panel.waitFor();
    await page.getByTestId('kefu-input').waitFor();
    // The shop's CSS never reaches inside: the panel lives in an open shadow root.
    expect(await page.locator('[data-kefu-widget]').evaluate((host) => host.shadowRoot?.mode)).toBe('open');

    // Customer text is text, never markup.
    const question = '你好，这个杯子能放洗碗机吗？<b>谢谢</b>';
    await page.getByTestId('kefu-input').fill(question);
    await page.getByTestId('kefu-send').click();
    const mine = messages(page).filter({ hasText: '能放洗碗机吗' });
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    expect(await mine.locator('b').count()).toBe(0);
    expect(await mine.textContent()).toContain('<b>谢谢</b>');

    // The chat is routed to the agent, from the product detail page of P1001, with the question in it.
    const view = await assignedChat((c) => c.source === 'product_detail');
    expect(view.productId).toBe('P1001');
    const asked = (await history(view.id)).find((m) => m.text.includes('能放洗碗机吗'))!;
    expect(asked.authorKind).toBe('customer');
    await expect.poll(() => page.getByTestId('kefu-status').textContent()).toContain('客服已接入');

    // Typing shows in the widget, then the reply arrives.
    agentSocket.emit('typing', { conversationId: asked.conversationId, typing: true });
    await page.getByTestId('kefu-typing').waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('widget-02-agent-typing') });
    const reply = (await agentSocket.timeout(5000).emitWithAck('send', {
      conversationId: asked.conversationId,
      clientMessageId: `e2e-reply-${Date.now()}`,
      text: '您好，可以放洗碗机和微波炉，请放心使用～',
    })) as AckResult<{ message: ChatMessage }>;
    expect(reply.ok).toBe(true);
    const answer = messages(page).filter({ hasText: '可以放洗碗机和微波炉' });
    await answer.waitFor();
    expect(await answer.getAttribute('data-author')).toBe('agent');
    await page.getByTestId('kefu-typing').waitFor({ state: 'hidden' });

    // The agent reads the customer's message: 未读 becomes 已读.
    expect(await mine.getByTestId('kefu-receipt').textContent()).toBe('未读');
    agentSocket.emit('read', { conversationId: asked.conversationId, seq: asked.seq });
    await expect.poll(() => mine.getByTestId('kefu-receipt').textContent()).toBe('已读');

    // An emoji from the picker.
    await page.getByTestId('kefu-emoji-toggle').click();
    await page.getByTestId('kefu-emoji').filter({ hasText: '👍' }).click();
    await page.getByTestId('kefu-input').press('End');
    await page.getByTestId('kefu-input').pressSequentially(' 好的');
    await page.getByTestId('kefu-input').press('Enter');
    await waitFor(() => agentInbox.some((m) => m.text === '👍 好的'));
    await page.screenshot({ path: screenshotPath('widget-03-conversation') });

    // Closed by the agent: the customer sees the badge while minimised, then the rating prompt.
    await page.getByTestId('kefu-close').click();
    await panel.waitFor({ state: 'hidden' });
    await agentSocket.timeout(5000).emitWithAck('send', {
      conversationId: asked.conversationId,
      clientMessageId: `e2e-bye-${Date.now()}`,
      text: '还有其他问题随时找我们哦',
    });
    await expect.poll(() => page.getByTestId('kefu-badge').textContent()).toBe('1');
    await page.screenshot({ path: screenshotPath('widget-04-badge') });
    const closed = await api(agent, 'POST', `/api/conversations/${asked.conversationId}/close`, {});
    expect(closed.status).toBe(200);
    await launcher.click();
    const rating = page.getByTestId('kefu-rating');
    await rating.waitFor();
    await expect.poll(() => page.getByTestId('kefu-badge').isVisible()).toBe(false);
    await page.getByTestId('kefu-rating-good').click();
    await page.getByTestId('kefu-rating-comment').fill('回复很快，谢谢！');
    await page.screenshot({ path: screenshotPath('widget-05-rating') });
    await page.getByTestId('kefu-rating-submit').click();
    await page.getByTestId('kefu-rating-thanks').waitFor();

    // A new chat starts empty and opens a new conversation.
    await page.getByTestId('kefu-new-chat').click();
    await page.getByTestId('kefu-input').waitFor();
    await expect.poll(() => messages(page).count()).toBe(0);
    await page.getByTestId('kefu-input').fill('再问一下，有没有礼盒装？');
    await page.getByTestId('kefu-send').click();
    const next = await assignedChat((c) => c.source === 'product_detail' && c.id !== view.id);
    expect(next.customer.id).toBe(view.customer.id);
    await expect
      .poll(() => messages(page).filter({ hasText: '礼盒装' }).getAttribute('data-state'))
      .toBe('sent');
    expect(await messages(page).filter({ hasText: '洗碗机' }).count()).toBe(0);
    expect(consoleErrors.join('\n')).toBe('');
    await page.close();
  });

  it('a member signed in on the shop chats as that member, in English when the browser asks for it', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    await page.goto(`${suite.server.url}/demo-shop/orders`);
    await page.getByTestId('demo-login').click();
    await page.getByTestId('demo-member').waitFor();
    const launcher = page.getByTestId('kefu-launcher');
    expect(await launcher.textContent()).toContain('Chat with us');
    await launcher.click();
    await page.getByTestId('kefu-input').fill('Where is my parcel?');
    await page.getByTestId('kefu-input').press('Enter');
    const chat = await assignedChat((c) => c.source === 'order_list');
    expect(chat.customer).toMatchObject({ member: true, displayName: '林小满' });
    await expect
      .poll(() => messages(page).filter({ hasText: 'parcel' }).getByTestId('kefu-receipt').textContent())
      .toBe('Unread');
    await page.screenshot({ path: screenshotPath('widget-11-member-english') });
    await api(agent, 'POST', `/api/conversations/${chat.id}/close`, {});
    await page.getByTestId('kefu-rating').waitFor();
    expect(await page.getByTestId('kefu-rating').textContent()).toContain('How did we do?');
    await page.close();
  });

  it('the same visitor is resumed after a reload, and a message typed offline is sent once on reconnect', async () => {
    const { page, consoleErrors } = await openShopPage('/demo-shop/orders/DD20261120002');
    await page.getByTestId('kefu-launcher').click();
    await page.getByTestId('kefu-input').fill('我的订单什么时候到？');
    await page.getByTestId('kefu-send').click();
    const first = messages(page).filter({ hasText: '什么时候到' });
    await expect.poll(() => first.getAttribute('data-state')).toBe('sent');

    // Offline: the message waits in the outbox (pending), survives a reload and is delivered exactly once.
    await page.context().setOffline(true);
    await page.evaluate("window.dispatchEvent(new Event('offline'))");
    await page.getByTestId('kefu-input').fill('顺便问下能开发票吗？');
    await page.getByTestId('kefu-send').click();
    const waiting = messages(page).filter({ hasText: '能开发票吗' });
    await expect.poll(() => waiting.getAttribute('data-state')).not.toBe('sent');
    await page.context().setOffline(false);
    await page.reload();
    await page.getByTestId('kefu-launcher').click();
    await expect
      .poll(() => messages(page).filter({ hasText: '能开发票吗' }).getAttribute('data-state'), {
        timeout: 15_000,
      })
      .toBe('sent');
    await expect.poll(() => messages(page).filter({ hasText: '什么时候到' }).count()).toBe(1);
    expect(await messages(page).filter({ hasText: '能开发票吗' }).count()).toBe(1);
    // Sent from the order detail page: the agent sees the order with the chat, and each message once.
    const chat = await assignedChat((c) => c.orderId === 'DD20261120002' && c.source === 'order_detail');
    const stored = await history(chat.id);
    expect(stored.filter((m) => m.text === '顺便问下能开发票吗？')).toHaveLength(1);
    expect(stored.filter((m) => m.text === '我的订单什么时候到？')).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('widget-06-resumed-after-reload') });
    expect(consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.close();
  });

  it('outside service hours the customer leaves a message with contact details', async () => {
    await setServiceHours(shanghaiClock(2), shanghaiClock(3));
    try {
      const { page, consoleErrors } = await openShopPage('/demo-shop/messages');
      await page.getByTestId('kefu-launcher').click();
      const form = page.getByTestId('kefu-offline-form');
      await form.waitFor();
      await page.getByTestId('kefu-offline-phone').fill('12');
      await page.getByTestId('kefu-offline-text').fill('快递显示签收但我没收到');
      await page.getByTestId('kefu-offline-submit').click();
      await expect.poll(() => page.getByTestId('kefu-offline-error').textContent()).toContain('手机号');
      await page.getByTestId('kefu-offline-name').fill('林女士');
      await page.getByTestId('kefu-offline-phone').fill('13800138000');
      await page.screenshot({ path: screenshotPath('widget-07-offline-form') });
      await page.getByTestId('kefu-offline-submit').click();
      await expect
        .poll(() => messages(page).filter({ hasText: '没收到' }).getAttribute('data-state'))
        .toBe('sent');
      await form.waitFor({ state: 'hidden' });
      await page.getByTestId('kefu-offline-note').waitFor();
      expect(await page.getByTestId('kefu-offline-note').textContent()).toContain('已收到您的留言');
      await page.screenshot({ path: screenshotPath('widget-08-offline-sent') });
      expect(consoleErrors.join('\n')).toBe('');
      await page.close();
    } finally {
      await setServiceHours('00:00', '00:00');
    }
  });

  it('on a phone, a customer waits in the queue with their place shown until an agent is free', async () => {
    const presence = (status: string) => agentSocket.timeout(5000).emitWithAck('presence', { status });
    expect(((await presence('away')) as AckResult<unknown>).ok).toBe(true);
    try {
      const page = await suite.browser.newPage({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
      });
      await page.goto(`${suite.server.url}/demo-shop/products/P1004`);
      await page.getByTestId('kefu-launcher').waitFor();
      await page.screenshot({ path: screenshotPath('widget-12-product-mobile') });
      await page.getByTestId('kefu-launcher').click();
      await page.getByTestId('kefu-input').fill('加湿器可以加精油吗？');
      await page.getByTestId('kefu-send').click();
      const queue = page.getByTestId('kefu-queue');
      await queue.waitFor();
      expect(await queue.textContent()).toMatch(/您是下一位|您前面还有 \d+ 位/);
      await expect.poll(() => page.getByTestId('kefu-status').textContent()).toBe('排队中');
      await page.screenshot({ path: screenshotPath('widget-13-queued-mobile') });
      expect(((await presence('online')) as AckResult<unknown>).ok).toBe(true);
      await assignedChat((c) => c.productId === 'P1004');
      await queue.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('kefu-status').textContent()).toBe('客服已接入');
      await page.close();
    } finally {
      await presence('online');
    }
  });

  it('refuses a file that is not an image or is too large before uploading, and sends an image', async () => {
    const { page } = await openShopPage('/demo-shop');
    await page.getByTestId('kefu-launcher').click();
    await page.getByTestId('kefu-input').waitFor();
    const input = page.getByTestId('kefu-image-input');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.getByTestId('kefu-error').textContent()).toContain('PNG');
    await input.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    await expect.poll(() => page.getByTestId('kefu-error').textContent()).toContain('5 MB');
    await page.screenshot({ path: screenshotPath('widget-09-image-refused') });

    // A 120×80 PNG goes through the upload route and shows from its attachment URL.
    const checkerboard = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAIAAABd+SbeAAAAsElEQVR42u3bsQkAIAwEwAzggu4P4gD2ukMKCeTg+4drn489Rzr3rHS69QZo0KBBgwYNGjRo0KBBgwYNGjRo0KBBgwYNGjRo0EWhYf3pBQ0aNGjQoEGDBg0aNGjQoEGDBg0aNGjQoEGDBg26KjQsKzho0KBBgwYNGjRo0KBBgwYNGjRo0KBBgwYNGjRoP0NYVnDQoEGDBg0aNGjQoEGDBg0aNGjQoEGDBg0aNGjQbaEf+ojNBPxX/hsAAAAASUVORK5CYII=',
      'base64',
    );
    await input.setInputFiles({ name: 'checkerboard.png', mimeType: 'image/png', buffer: checkerboard });
    const image = page.getByTestId('kefu-image').first();
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(120);
    await page.screenshot({ path: screenshotPath('widget-10-image-sent') });
    const chat = await assignedChat((c) => c.source === 'shop_home');
    const sent = (await history(chat.id)).find((m) => m.kind === 'image');
    expect(sent?.attachment?.contentType).toBe('image/png');
    await page.close();
  });
});
