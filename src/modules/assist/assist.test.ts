// FAQ auto-answers and classification over real sockets (acceptance 2 and 3 of issue 8): a confident match answers
// a waiting customer at once; never below the threshold, never after a human joined, never to a complaint, never
// after the customer asked for a person; an agent's correction changes the next suggestion after retraining.
import { afterEach, expect, it } from 'vitest';
import { starterFaq } from '../knowledge/starter-entries.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import { eventually, listen, openCustomer, openStaff, type CustomerClient } from '../../test/chat-clients.js';
import { describeEachDatabase } from '../../test/harness.js';
import { suggestClassification } from './service.js';

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((client) => client.close()));

const returnAnswer = starterFaq.find((entry) => entry.key === 'return_policy')?.answer ?? '';
const refundAnswer = starterFaq.find((entry) => entry.key === 'refund_time')?.answer ?? '';

describeEachDatabase('FAQ auto-answers and classification', (context) => {
  let url = '';
  const baseUrl = async () => (url ||= await listen(context().app));

  /** A shop open around the clock with the starter FAQ and nobody online (chats wait in the queue). */
  async function shopWithFaq() {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const updated = await admin.patch('/api/shop', {
      serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
    });
    expect(updated.statusCode).toBe(200);
    for (const entry of starterFaq) {
      const created = await admin.post('/api/knowledge/entries', {
        kind: 'faq',
        category: entry.category,
        title: entry.question,
        body: entry.answer,
        phrasings: entry.phrasings,
      });
      expect(created.statusCode).toBe(201);
    }
    return { shop, admin, shopKey: updated.json().widgetKey as string };
  }

  async function customer(shopKey: string): Promise<CustomerClient> {
    const client = await openCustomer(await baseUrl(), context().app, { shopKey });
    open.push(client);
    return client;
  }

  /** Sends and waits until the assist module has handled the message. */
  async function ask(client: CustomerClient, text: string) {
    const sent = await client.send(text, { source: 'order_detail' });
    if (!sent.ok) throw new Error(sent.error.message);
    await context().app.assist.idle();
    return { ...sent.data, conversationId: sent.data.message.conversationId };
  }

  const faqAnswers = async (client: CustomerClient, conversationId: string) => {
    const history = await client.sync(conversationId, 0);
    if (!history.ok) throw new Error(history.error.message);
    return history.data.messages.filter((message) => message.kind === 'faq_answer');
  };

  const react = (client: CustomerClient, messageId: string, reaction: string) =>
    context().app.inject({
      method: 'POST',
      url: '/api/widget/assist/reactions',
      headers: { 'x-visitor-token': client.session.visitorToken },
      payload: { messageId, reaction },
    });

  const rates = async (admin: ApiClient) => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const response = await admin.get(`/api/assist/auto-answer-rates?from=${from}&to=${to}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('answers a waiting customer’s FAQ at once with the stored answer, stores it, and counts the reaction', async () => {
    const { admin, shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '收到的衣服不喜欢 想退货');
    await eventually(() => visitor.received.some((message) => message.kind === 'faq_answer'));
    const [answer] = await faqAnswers(visitor, conversationId);
    expect(answer?.text).toBe(returnAnswer);
    expect(answer?.seq).toBeGreaterThan(1);
    expect(answer?.authorKind).toBe('system');
    expect(visitor.received.filter((message) => message.id === answer?.id)).toHaveLength(1);

    const solved = await react(visitor, answer?.id ?? '', 'solved');
    expect(solved.statusCode).toBe(200);
    // The first reaction counts; a second click does not change it.
    const again = await react(visitor, answer?.id ?? '', 'handover');
    expect(again.json()).toEqual({ reaction: 'solved' });
    expect(await rates(admin)).toMatchObject({
      conversations: 1,
      answered: 1,
      autoAnswers: 1,
      solved: 1,
      handedOver: 0,
      answerRate: 1,
      handOverRate: 0,
    });
  });

  it('stays silent below the threshold', async () => {
    const { shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '你好，在吗');
    await ask(visitor, '这款和上一代有什么区别');
    expect(await faqAnswers(visitor, conversationId)).toEqual([]);
  });

  it('never answers a complaint, even one about a question the FAQ answers', async () => {
    const { admin, shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '退货寄回去十天了还不给退款，售后一直拖着，我要投诉！');
    expect(await faqAnswers(visitor, conversationId)).toEqual([]);
    const classified = await admin.get(`/api/assist/conversations/${conversationId}/classification`);
    expect(classified.json().classification).toMatchObject({
      problemType: 'complaint',
      complaintCategory: 'after_sale_service',
      source: 'auto',
    });
    // The same question asked calmly in another chat is answered.
    const calm = await customer(shopKey);
    const other = await ask(calm, '退款多久到账呀');
    const [answer] = await faqAnswers(calm, other.conversationId);
    expect(answer?.text).toBe(refundAnswer);
  });

  it('never answers after a human joined the chat', async () => {
    const { shop, shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '你好');
    const agent = await buildStaff(context(), shop, { groups: ['pre_sale', 'after_sale'] });
    const staff = await openStaff(await baseUrl(), await signIn(context().app, agent.login));
    open.push(staff);
    await eventually(() => visitor.updates.at(-1)?.agentId === agent.id);
    await ask(visitor, '收到的衣服不喜欢 想退货');
    expect(await faqAnswers(visitor, conversationId)).toEqual([]);
  });

  it('stops answering once the customer asks for a person, and counts the hand-over', async () => {
    const { admin, shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId, conversation } = await ask(visitor, '我昨天拍的怎么还没发货');
    const [answer] = await faqAnswers(visitor, conversationId);
    expect(answer).toBeDefined();
    expect((await react(visitor, answer?.id ?? '', 'handover')).json()).toEqual({ reaction: 'handover' });
    await ask(visitor, '能开发票吗');
    expect(await faqAnswers(visitor, conversationId)).toHaveLength(1);
    expect(visitor.updates.at(-1)?.status ?? conversation?.status).toBe('queued');
    expect(await rates(admin)).toMatchObject({ autoAnswers: 1, handedOver: 1, handOverRate: 1 });
    // Another customer cannot react to this answer.
    const stranger = await customer(shopKey);
    expect((await react(stranger, answer?.id ?? '', 'solved')).statusCode).toBe(404);
  });

  it('classifies the chats an agent holds again from their latest texts, each its own, in one pass per shop', async () => {
    const { shop, admin, shopKey } = await shopWithFaq();
    const agent = await buildStaff(context(), shop, { groups: ['pre_sale', 'after_sale'] });
    const staff = await openStaff(await baseUrl(), await signIn(context().app, agent.login));
    open.push(staff);
    const visitors = [await customer(shopKey), await customer(shopKey), await customer(shopKey)];
    const chats = [];
    for (const visitor of visitors) {
      const { conversationId } = await ask(visitor, '你好');
      await eventually(() => visitor.updates.at(-1)?.agentId === agent.id);
      chats.push(conversationId);
    }
    const classification = async (conversationId: string) =>
      (await admin.get(`/api/assist/conversations/${conversationId}/classification`)).json().classification;
    // Held now: each chat's next text is classified in the shop's next pass, none mixed up with another's.
    const [angry, invoice, returning] = visitors;
    await angry!.send('退货寄回去十天了还不给退款，售后一直拖着，我要投诉！');
    await invoice!.send('能开发票吗');
    await returning!.send('收到的衣服不喜欢 想退货');
    await context().app.assist.idle();
    expect(await classification(chats[0]!)).toMatchObject({
      problemType: 'complaint',
      complaintCategory: 'after_sale_service',
    });
    expect((await classification(chats[1]!)).problemType).not.toBe('complaint');
    expect(await classification(chats[2]!)).toMatchObject({ problemType: 'return_exchange' });
    for (const [index, chat] of chats.entries()) expect(await faqAnswers(visitors[index]!, chat)).toEqual([]);

    // An agent's correction stays through the next pass; another chat is classified again.
    const corrected = await admin.request('PUT', `/api/assist/conversations/${chats[0]!}/classification`, {
      problemType: 'other',
      complaintCategory: null,
    });
    expect(corrected.statusCode).toBe(200);
    const before = await classification(chats[1]!);
    await angry!.send('还是没人处理，我要投诉你们！');
    await invoice!.send('发票抬头写公司的');
    await context().app.assist.idle();
    expect(await classification(chats[0]!)).toMatchObject({ problemType: 'other', source: 'agent' });
    expect((await classification(chats[1]!)).updatedAt > before.updatedAt).toBe(true);
  });

  it('an agent’s correction changes the next suggestion for a similar message after retraining', async () => {
    const { shop, admin, shopKey } = await shopWithFaq();
    const similar = '包装袋能换成环保的吗';
    expect((await suggestClassification(context().database.db, shop.id, similar)).problemType).toBe(
      'return_exchange',
    );
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '你们的袋子能不能用环保一点的');
    const suggested = await admin.get(`/api/assist/conversations/${conversationId}/classification`);
    expect(suggested.json().classification.problemType).toBe('return_exchange');

    const corrected = await admin.request(
      'PUT',
      `/api/assist/conversations/${conversationId}/classification`,
      {
        problemType: 'other',
        complaintCategory: null,
      },
    );
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ problemType: 'other', source: 'agent' });

    expect((await suggestClassification(context().database.db, shop.id, similar)).problemType).toBe('other');
    const next = await customer(shopKey);
    const second = await ask(next, similar);
    const nextSuggestion = await admin.get(
      `/api/assist/conversations/${second.conversationId}/classification`,
    );
    expect(nextSuggestion.json().classification).toMatchObject({ problemType: 'other', source: 'auto' });
  });

  it('refuses a complaint correction without a category and changes nothing', async () => {
    const { admin, shopKey } = await shopWithFaq();
    const visitor = await customer(shopKey);
    const { conversationId } = await ask(visitor, '你好');
    const refused = await admin.request('PUT', `/api/assist/conversations/${conversationId}/classification`, {
      problemType: 'complaint',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    const stored = await admin.get(`/api/assist/conversations/${conversationId}/classification`);
    expect(stored.json().classification.source).toBe('auto');
  });
});
