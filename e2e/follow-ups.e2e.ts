// Acceptance 5 of issue 5 in Chromium: a supervisor finds a customer by phone, opens the profile and sees the
// timeline of a chat, a call and a work order; the work order is resolved, the supervisor fills in the follow-up
// call form; later the customer, through the verdict link (no login), says they are unsatisfied, and the work order
// is reopened. Screenshots of each step go to artifacts/screenshots/.
import { describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../src/shared/schemas/customers.js';
import type { FollowUpTask } from '../src/shared/schemas/follow-ups.js';
import type { WorkOrderDetail } from '../src/shared/schemas/work-orders.js';
import { screenshotPath } from './browser.js';
import { customerAsks, liveChatSuite, signedInPage } from './live-chat.js';

const { run, signIn, call, consoleErrors, serveAroundTheClock } = liveChatSuite();
const phone = '13912345678';

describe('follow-ups and the customer profile in Chromium', () => {
  it('a supervisor sees a customer’s chat, call and work order, records the follow-up; an unsatisfied verdict reopens the order', async () => {
    const admin = await signIn('admin');
    const supervisor = await signIn('supervisor');
    const widgetKey = await serveAroundTheClock(admin);

    // The customer chats; their phone is on the profile; they call; a work order is opened and resolved.
    const chat = await customerAsks(run(), widgetKey, '我买的婴儿推车刹车有点松，怎么调？', {
      source: 'order_detail',
      orderId: 'DD20261123101',
    });
    const customerId = chat.conversation.customer.id;
    await call(supervisor, 'PATCH', `/api/customers/${customerId}`, {
      contactName: '王女士',
      phone,
      email: 'wang.nvshi@example.com',
      vipLevel: 1,
      tags: ['母婴'],
    });
    await call(supervisor, 'POST', '/api/calls', {
      customerName: '王女士',
      contactPhone: phone,
      matterKind: 'question',
      matter: '婴儿推车刹车松动',
      handling: '电话指导调整刹车，并建档跟进',
      customerReaction: '愿意先试试',
      recorded: false,
      recordingTold: false,
      direction: 'inbound',
      calledAt: new Date().toISOString(),
    });
    const created = await call<WorkOrderDetail>(supervisor, 'POST', '/api/work-orders', {
      type: 'complex_problem',
      title: '婴儿推车刹车松动',
      description: '客户不会调整刹车，需指导安装',
      customerId,
    });
    const workOrderId = created.workOrder.id;
    await call(supervisor, 'POST', `/api/work-orders/${workOrderId}/transition`, { status: 'resolved' });

    // 1. The supervisor searches by phone and opens the profile: chat, call and work order on one timeline.
    const desk = await signedInPage(run(), 'supervisor', '/customers');
    await desk.getByTestId('customer-search').locator('input').fill(phone);
    await desk.getByTestId('customer-search').locator('input').press('Enter');
    await desk.getByTestId(`customer-result-${customerId}`).click();
    const timeline = desk.getByTestId('customer-timeline');
    for (const kind of ['chat', 'call', 'work_order']) {
      await timeline.getByTestId(`timeline-${kind}`).first().waitFor();
    }
    await expect.poll(() => desk.getByTestId('profile-phone').textContent()).toBe('139****5678');
    await expect.poll(() => timeline.textContent()).toContain('婴儿推车刹车松动');
    await desk.screenshot({ path: screenshotPath('follow-ups-01-profile-timeline'), fullPage: true });

    // The reveal shows the number and is audited.
    await desk.getByTestId('profile-reveal').click();
    await expect.poll(() => desk.getByTestId('profile-phone').textContent()).toBe(phone);

    // 2. The resolution made a phone follow-up; the supervisor fills in the call form.
    let task: FollowUpTask | undefined;
    await expect
      .poll(async () => {
        const { items } = await call<{ items: FollowUpTask[] }>(
          supervisor,
          'GET',
          `/api/follow-ups?customerId=${customerId}`,
        );
        task = items.find((item) => item.kind === 'phone' && item.workOrderId === workOrderId);
        return task?.status;
      })
      .toBe('open');
    await desk.getByTestId('nav-followUps').click();
    await desk.getByTestId(`follow-up-complete-${task?.id}`).click();
    await desk.getByTestId('satisfaction-basically_satisfied').click();
    await desk.getByTestId('follow-up-new-problems').fill('刹车已调好，希望附带视频说明书');
    await desk.getByTestId('follow-up-suggestion').fill('推车包装里放一张调节刹车的图示卡片');
    await desk.screenshot({ path: screenshotPath('follow-ups-02-call-form') });
    await desk.getByTestId('follow-up-submit').click();
    await expect
      .poll(async () => (await call<FollowUpTask>(supervisor, 'GET', `/api/follow-ups/${task?.id}`)).status)
      .toBe('done');
    await desk.getByTestId('follow-ups-tab-done').click();
    await desk.getByTestId(`follow-up-${task?.id}`).waitFor();
    await desk.screenshot({ path: screenshotPath('follow-ups-03-follow-up-done') });
    const closed = await call<WorkOrderDetail>(supervisor, 'GET', `/api/work-orders/${workOrderId}`);
    expect(closed.workOrder).toMatchObject({ status: 'closed', satisfaction: 'basically_satisfied' });

    // 3. Later the customer opens the verdict link (no login) and says they are unsatisfied.
    await desk.goto(`${run().url}/work-orders/${workOrderId}`);
    await desk.getByTestId('verdict-link-create').click();
    const link = (await desk.getByTestId('verdict-link').textContent()) ?? '';
    expect(link).toMatch(/\/s\/[\w-]+/);
    const customerContext = await run().browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 480, height: 860 },
    });
    const customerPage = await customerContext.newPage();
    customerPage.on('pageerror', (error) => consoleErrors.push(`customer: ${error.message}`));
    await customerPage.goto(link);
    await customerPage.getByTestId('survey-title').waitFor();
    await customerPage.getByTestId('verdict-unsatisfied').click();
    await customerPage.getByTestId('survey-comment').fill('过了两天刹车又松了');
    await customerPage.screenshot({ path: screenshotPath('follow-ups-04-customer-verdict') });
    await customerPage.getByTestId('survey-submit').click();
    await customerPage.getByTestId('survey-done').waitFor();
    await customerPage.screenshot({ path: screenshotPath('follow-ups-05-customer-thanks') });
    // The same link a second time: already answered.
    await customerPage.reload();
    await expect
      .poll(() => customerPage.getByTestId('survey-done').textContent())
      .toBe('您已提交过，感谢您的反馈');
    // A forged link: a clear refusal.
    await customerPage.goto(`${run().url}/s/forged-token-123`);
    await expect.poll(() => customerPage.getByTestId('survey-refused').textContent()).toContain('链接无效');
    await customerPage.screenshot({ path: screenshotPath('follow-ups-06-forged-link') });
    await customerContext.close();

    // 4. The work order is reopened, in the holder's open list, with both verdicts in its history and the timeline.
    await desk.reload();
    await expect
      .poll(() => desk.getByTestId('work-order-status').getAttribute('data-status'))
      .toBe('reopened');
    await desk.screenshot({ path: screenshotPath('follow-ups-07-reopened'), fullPage: true });
    const open = await call<{ items: Array<{ id: string }> }>(
      supervisor,
      'GET',
      '/api/work-orders?status=open&assignee=me',
    );
    expect(open.items.map((item) => item.id)).toContain(workOrderId);
    const profile = await call<CustomerProfile>(supervisor, 'GET', `/api/customers/${customerId}/profile`);
    expect(profile.timeline.filter((item) => item.kind === 'verdict').map((item) => item.status)).toEqual([
      'unsatisfied',
      'basically_satisfied',
    ]);
    await desk.goto(`${run().url}/customers/${customerId}`);
    await desk.getByTestId('timeline-verdict').first().waitFor();
    await desk.screenshot({ path: screenshotPath('follow-ups-08-profile-after'), fullPage: true });

    const audit = await call<{ items: Array<{ action: string }> }>(
      admin,
      'GET',
      `/api/audit?entityType=customer&entityId=${customerId}`,
    );
    expect(audit.items.map((entry) => entry.action)).toContain('customer.contact_revealed');
    expect(consoleErrors).toEqual([]);
  });
});
