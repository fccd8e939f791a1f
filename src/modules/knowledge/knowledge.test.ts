// The knowledge base over HTTP: entries with phrasings and validity, the review-overdue list, search in Chinese,
// templates used only after approval (then a shop quick reply), refusals that change nothing.
import { describe, expect, it } from 'vitest';
import { buildShop, buildStaff, signIn, snapshotDatabase } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';
import { cleanPhrasings, isActive, isReviewOverdue } from './rules.js';

const day = 86_400_000;

describe('knowledge rules', () => {
  it('an entry is used only inside its validity dates', () => {
    const entry = { validFrom: 1000, validUntil: 2000, nextReviewAt: null };
    expect([999, 1000, 1999, 2000].map((now) => isActive(entry, now))).toEqual([false, true, true, false]);
    expect(isActive({ validFrom: null, validUntil: null, nextReviewAt: null }, 0)).toBe(true);
  });
  it('is overdue for review once the review date has come', () => {
    expect(isReviewOverdue({ validFrom: null, validUntil: null, nextReviewAt: 5 }, 5)).toBe(true);
    expect(isReviewOverdue({ validFrom: null, validUntil: null, nextReviewAt: 5 }, 4)).toBe(false);
    expect(isReviewOverdue({ validFrom: null, validUntil: null, nextReviewAt: null }, 4)).toBe(false);
  });
  it('keeps each phrasing once, never the question itself', () => {
    expect(cleanPhrasings('怎么退货', ['怎么退货', ' 能退吗 ', '能退吗', ''])).toEqual(['能退吗']);
  });
});

describeEachDatabase('knowledge base', (context) => {
  it('lists entries by search, by overdue review, and marks entries outside their validity', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const now = Date.now();
    const post = (body: object) =>
      admin.post('/api/knowledge/entries', { kind: 'faq', category: '退换货', ...body });
    const returns = await post({
      title: '如何申请7天无理由退货？',
      body: '签收后7天内可申请无理由退货。',
      phrasings: ['不想要了能退吗', '不想要了能退吗'],
      nextReviewAt: new Date(now - day).toISOString(),
    });
    expect(returns.statusCode).toBe(201);
    expect(returns.json()).toMatchObject({
      phrasings: ['不想要了能退吗'],
      reviewOverdue: true,
      active: true,
    });
    expect(returns.json().ownerId).toBe(shop.admin.id);
    const invoice = await post({
      category: '发票',
      title: '怎么开发票？',
      body: '在订单详情申请开票。',
      nextReviewAt: new Date(now + 30 * day).toISOString(),
      validUntil: new Date(now - day).toISOString(),
      validFrom: new Date(now - 10 * day).toISOString(),
    });
    expect(invoice.json()).toMatchObject({ active: false, reviewOverdue: false });

    const overdue = await admin.get('/api/knowledge/entries?reviewOverdue=true');
    expect(overdue.json().items.map((entry: { title: string }) => entry.title)).toEqual([
      '如何申请7天无理由退货？',
    ]);
    const search = await admin.get(`/api/knowledge/entries?q=${encodeURIComponent('衣服不想要了可以退吗')}`);
    expect(search.json().items[0].title).toBe('如何申请7天无理由退货？');

    // The review done: a new date takes it off the overdue list.
    const reviewed = await admin.patch(`/api/knowledge/entries/${returns.json().id}`, {
      nextReviewAt: new Date(now + 90 * day).toISOString(),
    });
    expect(reviewed.json()).toMatchObject({ reviewOverdue: false, version: 2 });
    expect((await admin.get('/api/knowledge/entries?reviewOverdue=true')).json().items).toEqual([]);
  });

  it('refuses an agent’s edit and a validity that ends before it starts, changing nothing', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const agent = await signIn(context().app, (await buildStaff(context(), shop)).login);
    const before = await snapshotDatabase(context().database.db);
    const forbidden = await agent.post('/api/knowledge/entries', { category: 'x', title: 'q', body: 'a' });
    expect(forbidden.statusCode).toBe(403);
    const backwards = await admin.post('/api/knowledge/entries', {
      category: 'x',
      title: 'q',
      body: 'a',
      validFrom: '2026-02-01T00:00:00.000Z',
      validUntil: '2026-01-01T00:00:00.000Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('validation_failed');
    expect(await snapshotDatabase(context().database.db)).toBe(before);
    // Agents read the knowledge base.
    expect((await agent.get('/api/knowledge/entries')).statusCode).toBe(200);
  });

  it('a proposed template is not usable until approved; approval publishes it as a shop quick reply', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const agent = await signIn(context().app, (await buildStaff(context(), shop)).login);
    const proposed = await agent.post('/api/knowledge/templates', {
      category: '投诉',
      shortcut: 'sorry',
      title: '投诉致歉',
      text: '非常抱歉给您带来不便，我们会在24小时内给您处理结果。',
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().status).toBe('pending');
    const shortcuts = async () =>
      (await agent.get('/api/quick-replies'))
        .json()
        .items.map((reply: { shortcut: string }) => reply.shortcut);
    expect(await shortcuts()).not.toContain('sorry');

    const byAgent = await agent.post(`/api/knowledge/templates/${proposed.json().id}/review`, {
      decision: 'approved',
    });
    expect(byAgent.statusCode).toBe(403);
    const approved = await admin.post(`/api/knowledge/templates/${proposed.json().id}/review`, {
      decision: 'approved',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: shop.admin.id });
    expect(await shortcuts()).toContain('sorry');
    const again = await admin.post(`/api/knowledge/templates/${proposed.json().id}/review`, {
      decision: 'rejected',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('template_not_pending');
    const pending = await admin.get('/api/knowledge/templates?status=pending');
    expect(pending.json().items).toEqual([]);
  });
});
