// An admin signs in, adds an agent to the after-sale group, and switches the interface to English and back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.js';
import { serverAndBrowser } from './suite.js';

const run = serverAndBrowser();

/** Opens an Ant Design select and clicks the option with this text, once its dropdown is really open. */
async function pickOption(page: Page, testId: string, optionText: string) {
  await page.getByTestId(testId).click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: optionText })
    .first();
  await option.waitFor({ state: 'visible' });
  await option.click();
}

describe('admin settings in Chromium', () => {
  it('signs in, adds an agent to the after-sale group, switches language to English and back', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto(`${run.server.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('kefu2026');
    await page.screenshot({ path: screenshotPath('01-login') });
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workspace');
    await expect.poll(() => page.getByText('王店长').first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('02-shell-zh') });

    await page.goto(`${run.server.url}/settings/agents`);
    await page.getByTestId('agent-row-presale1').waitFor();
    await page.getByTestId('agent-create').click();
    await page.getByTestId('agent-form-login').fill('aftersale4');
    await page.getByTestId('agent-form-name').fill('何晓东');
    await page.getByTestId('agent-form-employee-no').fill('H004');
    await page.getByTestId('agent-form-password').fill('new-agent-pass');
    // The group field starts with pre-sale: replace it with after-sale.
    const closeDropdowns = () => page.locator('.ant-modal-title').click();
    const groupField = page.getByTestId('agent-form-groups');
    await page.locator('[data-testid="agent-form-groups"] .ant-select-selection-item-remove').first().click();
    await closeDropdowns();
    // A dropdown still animating can swallow the click on a slow machine: pick again until the field shows it.
    for (
      let attempt = 0;
      attempt < 3 && !(await groupField.textContent())?.includes('售后组');
      attempt += 1
    ) {
      await pickOption(page, 'agent-form-groups', '售后组');
      await closeDropdowns();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => groupField.textContent(), { timeout: 5000 }).toContain('售后组');
    expect(await groupField.textContent()).not.toContain('售前组');
    await page.screenshot({ path: screenshotPath('03-add-agent-form') });
    await page.getByTestId('agent-form-submit').click();

    const row = page.getByTestId('agent-row-aftersale4');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('售后组');
    expect(await row.textContent()).toContain('H004');
    await page.screenshot({ path: screenshotPath('04-agent-added') });

    // The server agrees: the new agent is in the after-sale group only.
    const stored = await page.evaluate(async () => {
      type Items<T> = { items: T[] };
      const [agents, groups] = await Promise.all([
        fetch('/api/agents?q=aftersale4').then((r) => r.json() as Promise<Items<{ groupIds: string[] }>>),
        fetch('/api/groups').then((r) => r.json() as Promise<Items<{ id: string; kind: string }>>),
      ]);
      return { agent: agents.items[0], groups: groups.items };
    });
    const afterSale = stored.groups.find((g) => g.kind === 'after_sale');
    expect(stored.agent?.groupIds).toEqual([afterSale?.id]);

    await pickOption(page, 'lang-switch', 'English');
    await expect
      .poll(() =>
        page
          .getByRole('menuitem', { name: /Agents/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: /Add agent/ }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('05-agents-english') });

    await pickOption(page, 'lang-switch', '中文');
    await expect.poll(() => page.getByRole('button', { name: /新增客服/ }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('06-agents-chinese-again') });
    expect(consoleErrors).toEqual([]);
  });
});
