// Live chat end to end over real sockets: routing by source, the most-recent agent, caps, presence, off-hours,
// internal notes, and refusals that store nothing.
import { afterEach, expect, it } from 'vitest';
import { memberSignature } from '../customers/service.js';
import { buildShop, buildStaff, signIn, type TestShop } from '../../test/factories.js';
import {
  eventually,
  listen,
  openCustomer,
  openStaff,
  type CustomerClient,
  type StaffClient,
} from '../../test/chat-clients.js';
import { describeEachDatabase, type TestContext } from '../../test/harness.js';
import type { GroupKind } from '../../shared/schemas/team.js';
import * as kpiRepo from '../kpi/repo.js';
import { recomputeSums } from '../kpi/service.js';

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((client) => client.close()));

describeEachDatabase('live chat', (context) => {
  let url = '';
  const baseUrl = async () => (url ||= await listen(context().app));

  async function shopWithHours(hours = { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' }) {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const updated = await admin.patch('/api/shop', { serviceHours: hours });
    expect(updated.statusCode).toBe(200);
    return { shop, shopKey: updated.json().widgetKey as string };
  }

  async function onlineAgent(
    shop: TestShop,
    groups: GroupKind[],
    cap = 8,
  ): Promise<StaffClient & { id: string }> {
    const agent = await buildStaff(context(), shop, { groups });
    const admin = await signIn(context().app, shop.admin.login);
    if (cap !== 8) await admin.patch(`/api/agents/${agent.id}`, { maxConcurrentChats: cap });
    const staff = await openStaff(await baseUrl(), await signIn(context().app, agent.login));
    open.push(staff);
    await eventually(async () => (await presenceOf(context(), agent.id)) === 'online');
    return Object.assign(staff, { id: agent.id });
  }

  async function customer(shopKey: string, extra: object = {}): Promise<CustomerClient> {
    const client = await openCustomer(await baseUrl(), context().app, { shopKey, ...extra });
    open.push(client);
    return client;
  }

  const assignedTo = (client: CustomerClient) => client.updates.at(-1)?.agentId ?? null;

  it('routes a product-page chat to an online pre-sale agent, who answers; each side sees each message once', async () => {
    const { shop, shopKey } = await shopWithHours();
    const pre = await onlineAgent(shop, ['pre_sale']);
    await onlineAgent(shop, ['after_sale']);
    const visitor = await customer(shopKey);
    const sent = await visitor.send('你好，这件外套有M码吗？', {
      source: 'product_detail',
      productId: 'P-100',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data.message.seq).toBe(1);
    // The acknowledgement of the message that opened the chat carries the new conversation.
    expect(sent.data.conversation).toMatchObject({
      id: sent.data.message.conversationId,
      source: 'product_detail',
      productId: 'P-100',
    });
    await eventually(() => assignedTo(visitor) === pre.id);
    const conversationId = sent.data.message.conversationId;

    // The greeting auto-reply follows the assignment; it is not the agent's first response.
    const history = await pre.sync(conversationId, 0);
    expect(history.ok && history.data.messages.map((m) => [m.kind, m.authorKind])).toEqual([
      ['text', 'customer'],
      ['auto_reply', 'system'],
    ]);
    await eventually(() => visitor.received.some((m) => m.kind === 'auto_reply'));
    expect(visitor.updates.at(-1)?.firstResponseAt).toBeNull();
    const reply = await pre.send(conversationId, '有的，M码现货');
    expect(reply.ok && reply.data.message.seq).toBe(3);
    await eventually(() => visitor.received.some((m) => m.seq === 3));
    expect(visitor.received.filter((m) => m.seq === 3)).toHaveLength(1);
    const conversation = visitor.updates.at(-1);
    expect(conversation).toMatchObject({
      status: 'assigned',
      targetGroup: 'pre_sale',
      routingTier: 'online_matching',
    });
    expect(conversation?.firstResponseAt).not.toBeNull();
    const again = await visitor.send('好的谢谢');
    await eventually(() => pre.received.some((m) => m.seq === 4));
    expect(pre.received.filter((m) => m.seq === 4)).toHaveLength(1);
    // Into the open chat only its last message changed: acknowledged without the conversation's view.
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data).toEqual({ message: expect.objectContaining({ seq: 4, conversationId }) });
  });

  it('counts each message of a running chat once in the roll-ups, refreshed while the chat goes on', async () => {
    const { app, database } = context();
    const { shop, shopKey } = await shopWithHours();
    const pre = await onlineAgent(shop, ['pre_sale']);
    const visitor = await customer(shopKey);
    const first = await visitor.send('在吗', { source: 'product_detail' });
    if (!first.ok) throw new Error(first.error.message);
    const conversationId = first.data.message.conversationId;
    await eventually(() => assignedTo(visitor) === pre.id);
    expect((await pre.send(conversationId, '在的')).ok).toBe(true);
    for (let i = 1; i <= 30; i += 1) {
      expect((await visitor.send(`第 ${i} 个问题`)).ok).toBe(true);
      if (i % 3 === 0) expect((await pre.send(conversationId, `回答 ${i}`)).ok).toBe(true);
      // the roll-up refresh reads the chat again while it runs
      if (i % 7 === 0) await app.kpiJobs.idle();
    }
    await app.kpiJobs.idle();
    const dayOf = (at: number) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const [from, to] = [dayOf(Date.now() - 86_400_000), dayOf(Date.now() + 86_400_000)];
    const rolled = await kpiRepo.sumsByAgent(database.db, shop.id, from, to);
    expect(rolled.get(pre.id)).toMatchObject({ customerMessages: 31, agentMessages: 11, responseCount: 11 });
    // a refresh while the chat was still queued leaves an all-zero row for "no agent" once it moves on
    const nonZero = (sums: Map<string, Record<string, number>>) =>
      new Map([...sums].filter(([, counters]) => Object.values(counters).some((value) => value !== 0)));
    expect(nonZero(rolled)).toEqual(nonZero(await recomputeSums(database.db, shop.id, from, to)));
  });

  it('pushes a customer message to the agent and the customer’s other tab, not back to the tab that sent it', async () => {
    const { shop, shopKey } = await shopWithHours();
    const pre = await onlineAgent(shop, ['pre_sale']);
    const tab = await customer(shopKey);
    const first = await tab.send('第一条');
    if (!first.ok) throw new Error(first.error.message);
    await eventually(() => assignedTo(tab) === pre.id);
    const otherTab = await customer(shopKey, { visitorToken: tab.session.visitorToken });
    const second = await tab.send('第二条');
    if (!second.ok) throw new Error(second.error.message);
    const seq = second.data.message.seq;
    await eventually(() => otherTab.received.some((m) => m.seq === seq));
    await eventually(() => pre.received.some((m) => m.seq === seq));
    // The sending tab has the message from its acknowledgement; an agent reply still reaches both tabs.
    const reply = await pre.send(second.data.message.conversationId, '您好');
    if (!reply.ok) throw new Error(reply.error.message);
    await eventually(() => tab.received.some((m) => m.seq === reply.data.message.seq));
    await eventually(() => otherTab.received.some((m) => m.seq === reply.data.message.seq));
    expect(tab.received.filter((m) => m.authorKind === 'customer')).toEqual([]);
    expect(otherTab.received.filter((m) => m.authorKind === 'customer').map((m) => m.text)).toEqual([
      '第二条',
    ]);
  });

  it('routes an order-detail chat to an after-sale agent', async () => {
    const { shop, shopKey } = await shopWithHours();
    await onlineAgent(shop, ['pre_sale']);
    const after = await onlineAgent(shop, ['after_sale']);
    const visitor = await customer(shopKey);
    await visitor.send('我的订单还没发货', { source: 'order_detail', orderId: 'O-1' });
    await eventually(() => assignedTo(visitor) === after.id);
    expect(visitor.updates.at(-1)).toMatchObject({ targetGroup: 'after_sale', orderId: 'O-1' });
  });

  it('brings a returning customer back to the agent who served them within 24 h, across groups', async () => {
    const { shop, shopKey } = await shopWithHours();
    const pre = await onlineAgent(shop, ['pre_sale']);
    await onlineAgent(shop, ['after_sale']);
    const visitor = await customer(shopKey);
    const first = await visitor.send('咨询尺码', { source: 'product_detail' });
    await eventually(() => assignedTo(visitor) === pre.id);
    const admin = await signIn(context().app, shop.admin.login);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    await admin.post(`/api/conversations/${first.data.message.conversationId}/close`);

    const back = await customer(shopKey, { visitorToken: visitor.session.visitorToken });
    const second = await back.send('订单什么时候到', { source: 'order_list' });
    expect(second.ok && second.data.message.conversationId).not.toBe(first.data.message.conversationId);
    await eventually(() => assignedTo(back) === pre.id);
    expect(back.updates.at(-1)?.routingTier).toBe('recent_agent');
  });

  it('never gives a chat to an away agent, and queues it until someone comes online', async () => {
    const { shop, shopKey } = await shopWithHours();
    const agent = await onlineAgent(shop, ['pre_sale']);
    expect((await agent.presence('away')).ok).toBe(true);
    const visitor = await customer(shopKey);
    await visitor.send('有人吗');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(visitor.updates.at(-1)?.status).toBe('queued');
    await agent.presence('online');
    await eventually(() => assignedTo(visitor) === agent.id);
  });

  it('keeps an agent at their cap and gives the queued chat to them when one closes', async () => {
    const { shop, shopKey } = await shopWithHours();
    const agent = await onlineAgent(shop, ['pre_sale'], 1);
    const first = await customer(shopKey);
    const second = await customer(shopKey);
    const a = await first.send('第一位');
    await eventually(() => assignedTo(first) === agent.id);
    await second.send('第二位');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.updates.at(-1)?.status).toBe('queued');
    if (!a.ok) throw new Error('send failed');
    const admin = await signIn(context().app, shop.admin.login);
    expect((await admin.post(`/api/conversations/${a.data.message.conversationId}/close`)).statusCode).toBe(
      200,
    );
    await eventually(() => assignedTo(second) === agent.id);
  });

  it('takes messages outside service hours as offline messages due by the next 09:30, without routing them', async () => {
    // A window that is closed now, whatever the time of day the test runs.
    const now = new Date();
    const hour = (now.getUTCHours() + 8 + 2) % 24;
    const hh = String(hour).padStart(2, '0');
    const { shop, shopKey } = await shopWithHours({
      opensAt: `${hh}:00`,
      closesAt: `${hh}:30`,
      offHoursReplyBy: `${hh}:15`,
    });
    await onlineAgent(shop, ['pre_sale']);
    const visitor = await customer(shopKey);
    const sent = await visitor.send('晚上好，想咨询一下');
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data.conversation).toMatchObject({ status: 'offline_message', offHours: true });
    const due = Date.parse(sent.data.conversation?.replyDueAt ?? '');
    expect(due).toBeGreaterThan(Date.now());
    expect(new Date(due).getUTCMinutes()).toBe(15);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(visitor.updates.at(-1)?.status ?? 'offline_message').toBe('offline_message');
  });

  it('tells waiting customers their place in the queue, and moves them up as chats are taken', async () => {
    const { shop, shopKey } = await shopWithHours();
    const agent = await onlineAgent(shop, ['pre_sale'], 1);
    expect((await agent.presence('away')).ok).toBe(true);
    const waiting = [await customer(shopKey), await customer(shopKey), await customer(shopKey)];
    for (const [i, client] of waiting.entries()) {
      await client.send(`排队顾客 ${i + 1}`);
      await eventually(() => client.queuePosition === i + 1);
    }
    const resumed = await customer(shopKey, { visitorToken: waiting[2]?.session.visitorToken });
    expect(resumed.session.queuePosition).toBe(3);

    await agent.presence('online');
    await eventually(() => assignedTo(waiting[0]!) === agent.id);
    await eventually(() => waiting[1]?.queuePosition === 1 && waiting[2]?.queuePosition === 2);
  });

  it('never sends an internal note to the customer', async () => {
    const { shop, shopKey } = await shopWithHours();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const visitor = await customer(shopKey);
    const sent = await visitor.send('你好');
    await eventually(() => assignedTo(visitor) === agent.id);
    if (!sent.ok) throw new Error('send failed');
    await agent.send(sent.data.message.conversationId, '这位客户上周投诉过', { internal: true });
    await agent.send(sent.data.message.conversationId, '您好，请问有什么可以帮您？');
    await eventually(() => visitor.received.some((m) => m.text.startsWith('您好')));
    expect(visitor.received.map((m) => m.text)).not.toContain('这位客户上周投诉过');
    const customerView = await visitor.sync(sent.data.message.conversationId, 0);
    expect(customerView.ok && customerView.data.messages.map((m) => [m.kind, m.internal])).toEqual([
      ['text', false],
      ['auto_reply', false],
      ['text', false],
    ]);
  });

  it('refuses bad input with a clear code and stores nothing', async () => {
    const { app, database } = context();
    const { shop, shopKey } = await shopWithHours();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const countMessages = async () =>
      Number(
        (
          await database.db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const unknownShop = await app.inject({
      method: 'POST',
      url: '/api/widget/session',
      payload: { shopKey: 'nope' },
    });
    expect(unknownShop.statusCode).toBe(404);
    expect(unknownShop.json().error.code).toBe('unknown_shop');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/widget/session',
      payload: { shopKey, member: { id: 'M-1', signature: memberSignature('not-the-secret', 'M-1') } },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('invalid_identity');
    await expect(
      openCustomer(await baseUrl(), app, { shopKey, visitorToken: 'x'.repeat(43) }).then(async (c) => {
        // An unknown token starts a new anonymous visitor; it never resumes someone else.
        open.push(c);
        return c.session.visitorToken;
      }),
    ).resolves.not.toBe('x'.repeat(43));

    const visitor = await customer(shopKey);
    const before = await countMessages();
    const tooLong = await visitor.send('长'.repeat(2001));
    expect(!tooLong.ok && tooLong.error.code).toBe('validation_failed');
    const wrongType = await visitor.socket
      .timeout(5000)
      .emitWithAck('send', { clientMessageId: 12, text: ['x'] });
    expect(wrongType.ok).toBe(false);
    const extraField = await visitor.socket
      .timeout(5000)
      .emitWithAck('send', { clientMessageId: 'abcdefgh1', text: 'x', isAdmin: true });
    expect(extraField.error.code).toBe('validation_failed');
    expect(await countMessages()).toBe(before);

    const sent = await visitor.send('你好');
    await eventually(() => assignedTo(visitor) === agent.id);
    if (!sent.ok) throw new Error('send failed');
    await eventually(() => visitor.received.some((m) => m.kind === 'auto_reply'));
    const afterGreeting = await countMessages();
    expect(afterGreeting).toBe(before + 2);
    const conversationId = sent.data.message.conversationId;
    const other = await customer(shopKey);
    const peek = await other.sync(conversationId, 0);
    expect(!peek.ok && peek.error.code).toBe('not_found');

    const otherShop = await shopWithHours();
    const stranger = await onlineAgent(otherShop.shop, ['pre_sale']);
    const intrude = await stranger.send(conversationId, '我是别家客服');
    expect(!intrude.ok && intrude.error.code).toBe('not_found');
    const colleague = await onlineAgent(shop, ['after_sale']);
    const notTheirs = await colleague.send(conversationId, '不是我的会话');
    expect(!notTheirs.ok && notTheirs.error.code).toBe('not_your_conversation');
    expect(await countMessages()).toBe(afterGreeting);

    await expect(openStaff(await baseUrl(), { cookie: 'kefu_session=forged' } as never)).rejects.toThrow(
      /unauthenticated/,
    );
  });

  it('recognises a member vouched for by the shop HMAC across devices', async () => {
    const { shop, shopKey } = await shopWithHours();
    const secret =
      (
        await context()
          .database.db.selectFrom('shops')
          .select('identitySecret')
          .where('id', '=', shop.id)
          .executeTakeFirstOrThrow()
      ).identitySecret ?? '';
    const member = { id: 'VIP-88', name: '李女士', signature: memberSignature(secret, 'VIP-88') };
    const phone = await customer(shopKey, { member });
    const laptop = await customer(shopKey, { member });
    expect(laptop.session.customerId).toBe(phone.session.customerId);
    expect(laptop.session.visitorToken).not.toBe(phone.session.visitorToken);
    // The next page view on the phone keeps its token; another member's token is not taken over.
    const nextPage = await customer(shopKey, { member, visitorToken: phone.session.visitorToken });
    expect(nextPage.session.visitorToken).toBe(phone.session.visitorToken);
    const other = { id: 'VIP-99', signature: memberSignature(secret, 'VIP-99') };
    const otherMember = await customer(shopKey, { member: other, visitorToken: phone.session.visitorToken });
    expect(otherMember.session.customerId).not.toBe(phone.session.customerId);
    expect(otherMember.session.visitorToken).not.toBe(phone.session.visitorToken);
  });
});

async function presenceOf(context: TestContext, userId: string) {
  const row = await context.database.db
    .selectFrom('agentPresence')
    .select('status')
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.status ?? 'offline';
}
