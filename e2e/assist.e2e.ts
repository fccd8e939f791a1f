// Smart service in Chromium (issue 8, acceptance 4): a customer asks a stored FAQ in Chinese in the widget and is
// answered at once while no agent is online, then asks for a person and waits in the queue; the agent who comes
// online gets the chat, sees three suggestions for the return question and inserts one with Alt+1; the supervisor's
// metrics page shows the day's auto-answer rates.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { starterFaq } from '../src/modules/knowledge/starter-entries.js';
import { screenshotPath } from './browser.js';
import { call as callAs, signIn as staffSignIn, type StaffSession } from './staff-api.js';
import { serverAndBrowser } from './suite.js';

const run = serverAndBrowser();
const call = <T>(staff: StaffSession, method: string, path: string, body?: unknown) =>
  callAs<T>(run.server.url, staff, method, path, body);

const returnAnswer = starterFaq.find((entry) => entry.key === 'return_policy')!.answer;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A staff member signed in through the login page (password kefu2026), with their page's errors collected. */
async function signedIn(login: string): Promise<{ page: Page; errors: string[] }> {
  const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors = watchErrors(page);
  await page.goto(`${run.server.url}/`);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill('kefu2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { page, errors };
}

describe('FAQ auto-answer and reply suggestions', () => {
  it('answers a waiting customer from the FAQ, hands over to a person, and the agent inserts a suggestion', async () => {
    const admin = await staffSignIn(run.server.url, 'admin');
    // Around the clock, so the chat waits in the queue (nobody online) whatever the hour of the run.
    await call(admin, 'PATCH', '/api/shop', {
      serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
    });

    const shopPage = await run.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const shopErrors = watchErrors(shopPage);
    await shopPage.goto(`${run.server.url}/demo-shop/products/P1001`);
    await shopPage.getByTestId('kefu-launcher').click();
    await shopPage.getByTestId('kefu-input').waitFor();
    await shopPage.getByTestId('kefu-input').fill('收到的衣服不喜欢 想退货');
    await shopPage.getByTestId('kefu-send').click();

    // The stored answer arrives at once, before any agent joins, with the two buttons.
    const answer = shopPage.locator('[data-testid="kefu-message"][data-kind="faq_answer"]');
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.textContent()).toContain(returnAnswer);
    expect(await answer.textContent()).toContain('智能解答');
    expect(await shopPage.getByTestId('kefu-status').textContent()).not.toContain('客服已接入');
    await shopPage.getByTestId('kefu-faq-handover').waitFor();
    await shopPage.screenshot({ path: screenshotPath('assist-01-faq-answer') });

    // "Talk to a person": the customer stays in the queue and sees their place.
    await shopPage.getByTestId('kefu-faq-handover').click();
    await expect.poll(() => shopPage.getByTestId('kefu-faq-note').textContent()).toContain('人工客服');
    await shopPage.getByTestId('kefu-queue').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await shopPage.getByTestId('kefu-queue').textContent()).toMatch(/下一位|前面/);
    await shopPage.screenshot({ path: screenshotPath('assist-02-queued-for-a-person') });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const rates = await call<{ autoAnswers: number; handedOver: number }>(
      admin,
      'GET',
      `/api/assist/auto-answer-rates?from=${from}&to=${to}`,
    );
    expect(rates).toMatchObject({ autoAnswers: 1, handedOver: 1 });

    // The agent comes online, gets the chat and sees three suggestions for the return question.
    const { page, errors: agentErrors } = await signedIn('presale1');
    await page.waitForURL('**/workspace');
    const item = page.locator('[data-testid^="conversation-item-"]').first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await page.getByTestId('chat-pane').waitFor();
    await expect.poll(() => page.getByTestId('chat-history').textContent()).toContain('想退货');
    await page.getByTestId('reply-suggestions').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid^="reply-suggestion-"]').count()).toBe(3);
    const first = await page.getByTestId('reply-suggestion-1').textContent();
    expect(first).toContain('退货');
    await expect.poll(() => page.getByTestId('chat-classification').textContent()).toContain('退换货');
    await page.screenshot({ path: screenshotPath('assist-03-suggestions') });

    const input = page.getByTestId('reply-input');
    await input.click();
    await page.keyboard.press('Alt+1');
    await expect.poll(() => input.inputValue()).toBe(returnAnswer);
    await input.press('Enter');
    const reply = shopPage.locator('[data-testid="kefu-message"][data-author="agent"]');
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain(returnAnswer);
    await page.screenshot({ path: screenshotPath('assist-04-suggestion-sent') });
    await shopPage.screenshot({ path: screenshotPath('assist-05-customer-got-reply') });

    // The agent corrects the suggested problem type; the tag shows the agent's choice.
    await page.getByTestId('chat-classification').click();
    await page.getByTestId('classification-editor').waitFor();
    await page.getByTestId('classification-problem-type').click();
    await page.locator('.ant-select-item-option[title="退款"]').click();
    await page.getByTestId('classification-save').click();
    await expect
      .poll(() => page.getByTestId('chat-classification').getAttribute('data-source'))
      .toBe('agent');
    expect(await page.getByTestId('chat-classification').textContent()).toContain('退款');
    await page.screenshot({ path: screenshotPath('assist-06-classification-corrected') });

    // The supervisor's metrics page shows today's auto-answer rates as the API counts them (this chat included).
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    const today = await call<{ answered: number; answerRate: number; handOverRate: number }>(
      admin,
      'GET',
      `/api/assist/auto-answer-rates?from=${new Date(dayStart).toISOString()}&to=${new Date(dayStart + 86_400_000).toISOString()}`,
    );
    expect(today.answered).toBeGreaterThanOrEqual(1);
    const { page: metrics, errors: metricsErrors } = await signedIn('supervisor');
    await metrics.goto(`${run.server.url}/metrics`);
    const answerRate = metrics.getByTestId('metrics-auto-answer-answerRate');
    await answerRate.waitFor();
    expect(await answerRate.innerText()).toContain(`${(today.answerRate * 100).toFixed(1)}%`);
    expect(await metrics.getByTestId('metrics-auto-answer-handOverRate').innerText()).toContain(
      `${(today.handOverRate * 100).toFixed(1)}%`,
    );
    await metrics.screenshot({ path: screenshotPath('assist-10-metrics-auto-answers') });
    expect(metricsErrors).toEqual([]);

    expect(shopErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });

  it('the knowledge base lists the overdue review, and a proposed template is approved into the quick replies', async () => {
    const agent = await staffSignIn(run.server.url, 'presale1');
    await call(agent, 'POST', '/api/knowledge/templates', {
      category: '投诉',
      shortcut: 'e2esorry',
      title: '投诉致歉',
      text: '非常抱歉给您带来不便，我们会在24小时内给您处理结果。',
    });

    const { page, errors } = await signedIn('admin');
    await page.waitForURL('**/workspace');
    await page.goto(`${run.server.url}/knowledge`);
    const rows = page.locator('[data-testid="knowledge-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(20);
    await page.screenshot({ path: screenshotPath('assist-07-knowledge-base') });

    await page.getByTestId('knowledge-overdue').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('如何申请7天无理由退货');
    expect(await rows.first().textContent()).toContain('已逾期');
    await page.screenshot({ path: screenshotPath('assist-08-review-overdue') });
    await page.getByTestId('knowledge-overdue').click();
    await page.getByTestId('knowledge-search').locator('input').fill('发票抬头');
    await page.getByTestId('knowledge-search').locator('input').press('Enter');
    await expect.poll(() => rows.first().textContent()).toContain('发票');

    await page.getByRole('tab', { name: '回复模板' }).click();
    await page.getByTestId('template-approve-e2esorry').click();
    await expect.poll(() => page.getByTestId('template-status-e2esorry').textContent()).toBe('已通过');
    await page.screenshot({ path: screenshotPath('assist-09-template-approved') });
    const replies = await call<{ items: Array<{ shortcut: string }> }>(agent, 'GET', '/api/quick-replies');
    expect(replies.items.map((reply) => reply.shortcut)).toContain('e2esorry');
    expect(errors).toEqual([]);
  });
});
