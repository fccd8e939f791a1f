// The supervisor's side of live chat in Chromium: the admin rewrites the greeting auto-reply on the settings page
// and new chats are greeted with it; the supervisor watches agents and load on the board, then moves a chat from
// one agent to another in the workspace, and the chat's history records the reassignment.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoReply } from '../src/shared/schemas/replies.js';
import type { ChatMessage, Conversation, WidgetSession } from '../src/shared/schemas/chat.js';
import { launchBrowser, screenshotPath } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { call as callAs, signIn as staffSignIn, type StaffSession } from './staff-api.js';

let server: RunningServer;
let browser: Browser;
const sockets: Socket[] = [];
const consoleErrors: string[] = [];

const signIn = (login: string) => staffSignIn(server.url, login);
const call = <T>(staff: StaffSession, method: string, path: string, body?: unknown) =>
  callAs<T>(server.url, staff, method, path, body);

async function connect(namespace: string, options: object): Promise<Socket> {
  const socket = io(`${server.url}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    ...options,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** An agent online through their /agent socket (connecting sets them online). */
async function agentOnline(login: string): Promise<StaffSession> {
  const staff = await signIn(login);
  await connect('/agent', { extraHeaders: { cookie: staff.cookie } });
  return staff;
}

async function customerAsks(shopKey: string, text: string) {
  const response = await fetch(`${server.url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopKey }),
  });
  const session = (await response.json()) as WidgetSession;
  const socket = await connect('/widget', { auth: { visitorToken: session.visitorToken } });
  const received: ChatMessage[] = [];
  socket.on('message:new', (message: ChatMessage) => received.push(message));
  const sent = (await socket.timeout(10_000).emitWithAck('send', {
    clientMessageId: randomUUID(),
    text,
    source: 'shop_home',
  })) as { ok: true; data: { conversation: Conversation } };
  expect(sent.ok).toBe(true);
  return { conversation: sent.data.conversation, received };
}

async function signedInPage(login: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${server.url}/`);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill('kefu2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${server.url}${path}`);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

describe('supervising live chat in Chromium', () => {
  it('the greeting set on the settings page greets new chats; a supervisor reassigns a chat', async () => {
    const admin = await signIn('admin');
    await call(admin, 'PATCH', '/api/shop', {
      serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
    });
    const { widgetKey } = await call<{ widgetKey: string }>(admin, 'GET', '/api/shop');

    // 1. The admin rewrites the greeting on the auto-reply settings page.
    const settings = await signedInPage('admin', '/settings/auto-replies');
    const greeting = settings.getByTestId('auto-reply-greeting-text');
    await greeting.waitFor();
    await greeting.fill('您好，我是{agentName}，双十二活动进行中，有什么可以帮您？');
    await settings.getByTestId('auto-reply-greeting-save').click();
    await expect
      .poll(async () => {
        const { items } = await call<{ items: AutoReply[] }>(admin, 'GET', '/api/auto-replies');
        return items.find((item) => item.kind === 'greeting')?.text;
      })
      .toBe('您好，我是{agentName}，双十二活动进行中，有什么可以帮您？');
    await settings.screenshot({ path: screenshotPath('supervision-01-auto-replies') });

    // 2. Two pre-sale agents online; a customer's chat goes to one of them, greeted with the new text.
    const first = await agentOnline('presale2');
    const second = await agentOnline('presale3');
    const chat = await customerAsks(widgetKey, '你好，想问问四件套的面料');
    let assigned: Conversation | undefined;
    await expect
      .poll(async () => {
        assigned = await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`);
        return assigned.status;
      })
      .toBe('assigned');
    const from = assigned?.agentId === first.userId ? first : second;
    const to = from === first ? second : first;
    await expect
      .poll(
        () =>
          chat.received.find((message) => message.kind === 'auto_reply' && message.text.includes('双十二'))
            ?.text,
      )
      .toMatch(/^您好，我是.+，双十二活动进行中/);

    // 3. The supervisor sees both agents online on the board, one of them with the chat.
    const board = await signedInPage('supervisor', '/supervision');
    await board.getByTestId('supervision-board').waitFor();
    await expect
      .poll(() => board.getByTestId(`board-row-${from.userId}`).textContent(), { timeout: 10_000 })
      .toContain('1/8');
    expect(await board.getByTestId(`board-row-${to.userId}`).textContent()).toContain('0/8');
    await board.screenshot({ path: screenshotPath('supervision-02-board') });

    // 4. In the workspace's 全部 list the supervisor moves the chat to the other agent with a note.
    await board.goto(`${server.url}/workspace`);
    await board.getByTestId('workspace-tab-all').click();
    await board.getByTestId(`conversation-item-${chat.conversation.id}`).click();
    await board.getByTestId('chat-assign').click();
    await board.getByTestId('assign-form-agent').click();
    await board.getByTestId(`agent-option-${to.userId}`).click();
    await board.getByTestId('assign-form-note').fill('客户想了解面料，请刘佳琪跟进');
    await board.getByTestId('assign-form-submit').click();
    await expect
      .poll(
        async () =>
          (await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`)).agentId,
      )
      .toBe(to.userId);
    const moved = await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`);
    expect(moved).toMatchObject({ routingTier: 'supervisor', transferCount: 1 });
    await expect
      .poll(() => board.getByTestId('chat-history').textContent(), { timeout: 10_000 })
      .toContain('客户想了解面料，请刘佳琪跟进');
    await board.screenshot({ path: screenshotPath('supervision-03-reassigned') });
    // The note is for staff: the customer never receives it.
    expect(chat.received.some((message) => message.text.includes('刘佳琪跟进'))).toBe(false);

    expect(consoleErrors).toEqual([]);
  });
});
