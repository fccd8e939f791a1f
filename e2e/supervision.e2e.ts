// The supervisor's side of live chat in Chromium: the admin rewrites the greeting auto-reply on the settings page
// and new chats are greeted with it; the supervisor watches agents and load on the board, then moves a chat from
// one agent to another in the workspace, and the chat's history records the reassignment.
import { describe, expect, it } from 'vitest';
import type { AutoReply } from '../src/shared/schemas/replies.js';
import type { Conversation } from '../src/shared/schemas/chat.js';
import { screenshotPath } from './browser.js';
import {
  connectSocket,
  customerAsks as askAsCustomer,
  liveChatSuite,
  signedInPage as openSignedIn,
} from './live-chat.js';
import type { StaffSession } from './staff-api.js';

const { run, signIn, call, consoleErrors } = liveChatSuite();

/** An agent online through their /agent socket (connecting sets them online). */
async function agentOnline(login: string): Promise<StaffSession> {
  const staff = await signIn(login);
  await connectSocket(run(), '/agent', { extraHeaders: { cookie: staff.cookie } });
  return staff;
}

const customerAsks = (shopKey: string, text: string) => askAsCustomer(run(), shopKey, text);
const signedInPage = (login: string, path: string) => openSignedIn(run(), login, path);

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
    await board.goto(`${run().url}/workspace`);
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
