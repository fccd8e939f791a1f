// Browser-test helpers shared by the staff-side tests: a staff member signed in on their own page (console errors
// collected), sockets that are closed at the end, and a customer asking through the widget API.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, expect } from 'vitest';
import type { ChatMessage, Conversation, WidgetSession } from '../src/shared/schemas/chat.js';
import { call, signIn, type StaffSession } from './staff-api.js';
import { serverAndBrowser } from './suite.js';

export interface LiveChatRun {
  url: string;
  browser: Browser;
  /** closed by the test's afterAll */
  sockets: Socket[];
  /** every console error and page error of every page opened; a test expects none */
  consoleErrors: string[];
}

export async function connectSocket(run: LiveChatRun, namespace: string, options: object): Promise<Socket> {
  const socket = io(`${run.url}${namespace}`, { transports: ['websocket'], reconnection: false, ...options });
  run.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A new visitor of the shop sends `text`; their received messages are collected. */
export async function customerAsks(
  run: LiveChatRun,
  shopKey: string,
  text: string,
  entry: { source: string; orderId?: string } = { source: 'shop_home' },
) {
  const response = await fetch(`${run.url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopKey }),
  });
  const session = (await response.json()) as WidgetSession;
  const socket = await connectSocket(run, '/widget', { auth: { visitorToken: session.visitorToken } });
  const received: ChatMessage[] = [];
  socket.on('message:new', (message: ChatMessage) => received.push(message));
  const sent = (await socket.timeout(10_000).emitWithAck('send', {
    clientMessageId: randomUUID(),
    text,
    ...entry,
  })) as { ok: true; data: { conversation: Conversation } };
  expect(sent.ok).toBe(true);
  return { conversation: sent.data.conversation, received };
}

/**
 * A staff member signed in through the login page (password kefu2026), then at `path`; the browser runs in the
 * machine's zone unless `timezoneId` names another.
 */
export async function signedInPage(
  run: LiveChatRun,
  login: string,
  path: string,
  options: { timezoneId?: string } = {},
): Promise<Page> {
  const context = await run.browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...options,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') run.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => run.consoleErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${run.url}/`);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill('kefu2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${run.url}${path}`);
  return page;
}

/**
 * One server and one browser for a test file, started before its tests and stopped after them (sockets closed,
 * data removed); the helpers act on them.
 */
export function liveChatSuite() {
  const suite = serverAndBrowser();
  const sockets: Socket[] = [];
  const consoleErrors: string[] = [];
  // Registered after the suite's own afterAll, so it runs before it (vitest runs after-hooks as a stack).
  afterAll(() => sockets.forEach((socket) => socket.close()));
  const run = (): LiveChatRun => ({ url: suite.server.url, browser: suite.browser, sockets, consoleErrors });
  return {
    run,
    consoleErrors,
    signIn: (login: string) => signIn(run().url, login),
    call: <T>(staff: StaffSession, method: string, path: string, body?: unknown) =>
      call<T>(run().url, staff, method, path, body),
    /** The shop serves around the clock, so chats are routed whatever the hour of the run; gives its widget key. */
    serveAroundTheClock: async (admin: StaffSession): Promise<string> => {
      await call(run().url, admin, 'PATCH', '/api/shop', {
        serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
      });
      return (await call<{ widgetKey: string }>(run().url, admin, 'GET', '/api/shop')).widgetKey;
    },
    /** `login` opens the workspace in Chromium; resolves once the supervisor board shows them online. */
    agentOnline: async (admin: StaffSession, login: string): Promise<{ desk: Page; agent: StaffSession }> => {
      const desk = await signedInPage(run(), login, '/workspace');
      await desk.getByTestId('workspace').waitFor();
      const agent = await signIn(run().url, login);
      await expect
        .poll(async () => {
          const board = await call<{ items: Array<{ userId: string; status: string }> }>(
            run().url,
            admin,
            'GET',
            '/api/presence/agents',
          );
          return board.items.find((entry) => entry.userId === agent.userId)?.status;
        })
        .toBe('online');
      return { desk, agent };
    },
  };
}
