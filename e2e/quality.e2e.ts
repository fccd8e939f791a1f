// Acceptance 5 of issue 7 in Chromium: a customer's chat is answered badly; the inspector draws the week's sample,
// sees the pre-check marks, scores it below 60 with a comment on the message; the agent appeals; a supervisor
// upholds the appeal and the 3 points leave the agent's monthly total. Screenshots of each step.
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../src/shared/schemas/chat.js';
import type { Ledger } from '../src/shared/schemas/quality.js';
import { screenshotPath } from './browser.js';
import { customerAsks, liveChatSuite, signedInPage } from './live-chat.js';

const { run, signIn, call, consoleErrors, serveAroundTheClock, agentOnline } = liveChatSuite();

describe('quality inspection in Chromium', () => {
  it('an inspector scores a sampled chat with its pre-checks, the agent appeals, a supervisor upholds it', async () => {
    const admin = await signIn('admin');
    const widgetKey = await serveAroundTheClock(admin);

    // 1. 张晓雨 is online; a customer asks, she answers without a greeting and with forbidden words.
    const { desk, agent } = await agentOnline(admin, 'presale1');
    const chat = await customerAsks(run(), widgetKey, '这件羊毛衫还有 M 码吗？');
    await expect
      .poll(
        async () =>
          (await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`)).agentId,
      )
      .toBe(agent.userId);
    await desk.getByTestId(`conversation-item-${chat.conversation.id}`).click();
    await desk.getByTestId('reply-input').fill('不知道，你自己看详情页');
    await desk.getByTestId('reply-send').click();
    await expect
      .poll(
        async () =>
          (await call<Conversation>(admin, 'GET', `/api/conversations/${chat.conversation.id}`))
            .firstResponseAt,
      )
      .not.toBeNull();

    // 2. The inspector draws the week's sample: the chat is in the queue with its pre-check marks.
    const qa = await signedInPage(run(), 'qa', '/quality');
    await qa.getByTestId('qa-draw').click();
    const open = qa.getByTestId(`qa-open-${chat.conversation.id}`);
    await open.waitFor();
    const queueRow = qa.locator('tr', { has: open });
    await queueRow.getByTestId('precheck-forbidden_word').first().waitFor();
    await expect.poll(() => queueRow.getByTestId('precheck-no_greeting').count()).toBe(1);
    await qa.screenshot({ path: screenshotPath('quality-01-queue-with-prechecks') });

    // 3. In the workspace: the transcript with the marks beside the scorecard; a comment on the agent's message;
    // 55 points → 3 points off.
    await open.click();
    await qa.getByTestId('qa-transcript').waitFor();
    await qa.getByTestId('qa-prechecks').getByTestId('precheck-forbidden_word').first().waitFor();
    const agentLine = qa.locator('[data-testid^="qa-line-"]', { hasText: '不知道，你自己看详情页' });
    await agentLine.getByTestId('precheck-forbidden_word').first().waitFor();
    await agentLine.locator('[data-testid^="qa-comment-on-"]').click();
    await qa.getByTestId('qa-comment-text').fill('使用禁用语，且没有问候顾客');
    await qa.getByTestId('qa-comment-add').click();
    await agentLine.getByTestId('qa-anchored-comment').waitFor();
    for (const [key, points] of [
      ['timeliness', 0],
      ['greeting', 0],
      ['process', 5],
      ['proactive', 5],
      ['records', 5],
    ] as const) {
      const input = qa.getByTestId(`qa-item-${key}`);
      await input.fill(String(points));
      await input.press('Tab');
    }
    await expect.poll(() => qa.getByTestId('qa-live-score').textContent()).toContain('55');
    await expect.poll(() => qa.getByTestId('qa-live-deduction').textContent()).toContain('3');
    await qa.screenshot({ path: screenshotPath('quality-02-workspace-scoring') });
    await qa.getByTestId('qa-submit').click();
    await qa.getByTestId('qa-result').waitFor();
    await qa.screenshot({ path: screenshotPath('quality-03-scored') });

    const monthTotal = async () => {
      const ledger = await call<Ledger>(admin, 'GET', `/api/discipline/ledger?userId=${agent.userId}`);
      return ledger.totals.find((total) => total.userId === agent.userId)?.points;
    };
    expect(await monthTotal()).toBe(3);

    // 4. The supervisor's ledger shows the 3 points in 张晓雨's monthly total.
    const boss = await signedInPage(run(), 'supervisor', '/discipline');
    const total = boss.getByTestId(`discipline-total-${agent.userId}`);
    await expect.poll(() => total.textContent()).toBe('3');
    await boss.screenshot({ path: screenshotPath('quality-04-ledger-before-appeal') });

    // 5. The agent sees the inspection and appeals it.
    await desk.goto(`${run().url}/quality`);
    const appealButton = desk.locator('[data-testid^="qa-appeal-button-"]').first();
    await appealButton.waitFor();
    await desk.screenshot({ path: screenshotPath('quality-05-agent-sees-inspection') });
    await appealButton.click();
    await desk.getByTestId('qa-appeal-reason').fill('顾客问的是现货，我当时在查库存，已在下一条消息致歉');
    await desk.getByTestId('qa-appeal-submit').click();
    await expect.poll(() => desk.locator('[data-testid^="qa-appeal-button-"]').count()).toBe(0);
    await desk.screenshot({ path: screenshotPath('quality-06-appeal-filed') });

    // 6. The supervisor upholds it: the points disappear from the monthly total.
    await boss.goto(`${run().url}/quality`);
    await boss.getByTestId('qa-tab-appeals').click();
    const uphold = boss.locator('[data-testid^="appeal-uphold-"]').first();
    await uphold.waitFor();
    await boss.screenshot({ path: screenshotPath('quality-07-appeal-to-decide') });
    await uphold.click();
    await expect.poll(() => boss.locator('[data-testid^="appeal-uphold-"]').count()).toBe(0);
    expect(await monthTotal()).toBe(0);
    await boss.goto(`${run().url}/discipline`);
    await expect.poll(() => boss.getByTestId(`discipline-total-${agent.userId}`).textContent()).toBe('0');
    await boss.getByTestId('discipline-entries').getByText('冲销').first().waitFor();
    await boss.screenshot({ path: screenshotPath('quality-08-ledger-after-appeal') });

    expect(consoleErrors).toEqual([]);
  });

  it('an agent ends a shift with a hand-over note listing the open chat; training results show the new agent', async () => {
    const desk = await signedInPage(run(), 'presale1', '/handover');
    await desk.getByTestId('handover-note').fill('羊毛衫 M 码的顾客在等库存回复，请下一班跟进');
    await desk.getByTestId('handover-submit').click();
    await desk.getByText('羊毛衫 M 码的顾客在等库存回复，请下一班跟进').waitFor();
    await desk.getByText('未结束会话 1 个', { exact: false }).waitFor();
    await desk.screenshot({ path: screenshotPath('quality-09-handover') });
    const boss = await signedInPage(run(), 'supervisor', '/handover');
    await boss.getByTestId('tab-training').click();
    await boss.getByText('新员工（未完成入职培训）').first().waitFor();
    await expect.poll(() => boss.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
    await boss.waitForTimeout(500); // the table's loading veil fades out
    await boss.screenshot({ path: screenshotPath('quality-10-training') });
    expect(consoleErrors).toEqual([]);
  });
});
