// Acceptance 6 of issue 4 in Chromium: an agent turns a chat into a complaint and hands it to the complaint team
// with key points and a deadline; a complaint-team member sees it in the work-order list with its countdown,
// apologises, works on it and resolves it. Screenshots of each step go to artifacts/screenshots/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../src/shared/schemas/chat.js';
import type { WorkOrder, WorkOrderDetail } from '../src/shared/schemas/work-orders.js';
import { toZonedParts } from '../src/shared/zoned-time.js';
import { screenshotPath } from './browser.js';
import { customerAsks, liveChatSuite, signedInPage } from './live-chat.js';

const { run, signIn, call, consoleErrors, serveAroundTheClock, agentOnline } = liveChatSuite();

/** Picks an option of an Ant Design select by its visible label. */
async function pick(page: Page, selectTestId: string, label: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

/** Two days from now at 18:00, as the shop (Asia/Shanghai) reads it. */
function deadlineText(): { text: string } {
  const parts = toZonedParts(Date.now() + 2 * 86_400_000, 'Asia/Shanghai');
  const pad = (n: number) => String(n).padStart(2, '0');
  return { text: `${parts.year}-${pad(parts.month)}-${pad(parts.day)} 18:00` };
}

describe('work orders in Chromium', () => {
  it('an agent turns a chat into a complaint for the complaint team, who sees its countdown and resolves it', async () => {
    const admin = await signIn('admin');
    const widgetKey = await serveAroundTheClock(admin);

    // 1. An after-sale agent is online in the workspace; a customer complains from the order page.
    const { desk, agent } = await agentOnline(admin, 'aftersale1');
    const chat = await customerAsks(
      run(),
      widgetKey,
      '收到的保温杯是漏水的，非常不满意，要求换新并给个说法！',
      {
        source: 'order_detail',
        orderId: 'DD20261123088',
      },
    );
    await expect
      .poll(
        async () =>
          (await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`)).agentId,
      )
      .toBe(agent.userId);

    // 2. 转工单: a complaint handed to the complaint team with key points and a deadline.
    await desk.getByTestId(`conversation-item-${chat.conversation.id}`).click();
    await desk.getByTestId('chat-create-work-order').click();
    await pick(desk, 'work-order-type', '投诉');
    await pick(desk, 'work-order-category', '产品质量');
    await desk.getByTestId('work-order-title').fill('保温杯漏水，客户要求换新');
    await desk.getByTestId('work-order-description').fill('订单 DD20261123088 的保温杯收到即漏水。');
    await desk.getByTestId('assign-kind-complaint-team').click();
    await desk
      .getByTestId('work-order-key-points')
      .fill('1. 收货即漏水，有照片\n2. 客户情绪激动，已第二次联系');
    await desk.getByTestId('work-order-requirement').fill('换新并道歉');
    const deadline = deadlineText();
    const picker = desk.getByTestId('deadline-picker');
    await picker.click();
    await picker.fill(deadline.text);
    await picker.press('Enter');
    await desk.screenshot({ path: screenshotPath('work-orders-01-create-from-chat') });
    await desk.getByTestId('work-order-form-submit').click();

    let created: WorkOrder | undefined;
    await expect
      .poll(async () => {
        const { items } = await call<{ items: WorkOrder[] }>(
          admin,
          'GET',
          `/api/work-orders?conversationId=${chat.conversation.id}`,
        );
        created = items[0];
        return items.length;
      })
      .toBe(1);
    expect(created).toMatchObject({
      type: 'complaint',
      complaintCategory: 'product_quality',
      conversationId: chat.conversation.id,
      assignment: { kind: 'complaint_team', agentId: null },
      customerRequirement: '换新并道歉',
    });
    expect(created?.keyPoints).toContain('收货即漏水');
    expect(created?.deadline).not.toBeNull();
    const due = toZonedParts(Date.parse(created?.deadline ?? ''), 'Asia/Shanghai');
    expect([due.hour, due.minute]).toEqual([18, 0]);
    await desk.screenshot({ path: screenshotPath('work-orders-02-created') });

    // 3. The complaint-team member sees it in the list with its countdown to the deadline.
    const team = await signedInPage(run(), 'complaint', '/work-orders');
    const row = team.getByTestId(`work-order-row-${created?.number}`);
    await row.waitFor();
    const countdown = row.getByTestId('sla-countdown');
    await expect.poll(() => countdown.getAttribute('data-tone')).toBe('ok');
    const first = await countdown.textContent();
    expect(first).toMatch(/^剩余 /);
    // The countdown ticks every second.
    await expect.poll(() => countdown.textContent(), { timeout: 5000 }).not.toBe(first);
    await team.screenshot({ path: screenshotPath('work-orders-03-complaint-team-list') });

    // 4. They open it, apologise at once, work on it and resolve it.
    await team.getByTestId(`work-order-link-${created?.number}`).click();
    await team.getByTestId('work-order-page').waitFor();
    await expect
      .poll(() => team.getByTestId('work-order-key-points-text').textContent())
      .toContain('收货即漏水');
    await team.getByTestId('work-order-apology').waitFor();
    await team.screenshot({ path: screenshotPath('work-orders-04-detail-apology') });
    await team.getByTestId('work-order-send-apology').click();
    await team.getByTestId('work-order-apology').waitFor({ state: 'detached' });
    await expect.poll(() => chat.received.some((message) => message.text.includes('非常抱歉'))).toBe(true);

    await team.getByTestId('work-order-move-in_progress').click();
    await expect
      .poll(() => team.getByTestId('work-order-status').getAttribute('data-status'))
      .toBe('in_progress');
    await team.getByTestId('work-order-reply-text').fill('新杯子已安排今天发出，单号稍后告知您。');
    await team.getByTestId('work-order-reply-send').click();
    await expect
      .poll(() => chat.received.some((message) => message.text.includes('新杯子已安排')))
      .toBe(true);
    await team.getByTestId('work-order-move-resolved').click();
    await expect
      .poll(() => team.getByTestId('work-order-status').getAttribute('data-status'))
      .toBe('resolved');
    await expect
      .poll(() =>
        team.getByTestId('work-order-clocks').getByTestId('sla-countdown').first().getAttribute('data-tone'),
      )
      .toBe('met');
    await team.screenshot({ path: screenshotPath('work-orders-05-resolved'), fullPage: true });

    const complaint = await signIn('complaint');
    const finished = await call<WorkOrderDetail>(complaint, 'GET', `/api/work-orders/${created?.id}`);
    expect(finished.workOrder).toMatchObject({
      status: 'resolved',
      assignment: { kind: 'agent', agentId: complaint.userId },
    });
    expect(finished.history.map((entry) => entry.kind)).toEqual([
      'created',
      'assigned',
      'assigned',
      'reply',
      'status',
      'reply',
      'status',
    ]);

    expect(consoleErrors).toEqual([]);
  });
});
