// The agent's tools around a live chat, over real sockets and HTTP: transfers and supervisor assignment, quick
// replies, auto-replies (greeting, out-of-hours, queue, promotions), images, read receipts, ratings, the queue
// limit, idle-while-online detection and the customer panel.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/schemas/chat.js';
import { buildShop, buildStaff, signIn, snapshotDatabase, type TestShop } from '../../test/factories.js';
import {
  eventually,
  listen,
  openCustomer,
  openStaff,
  type CustomerClient,
  type StaffClient,
} from '../../test/chat-clients.js';
import { describeEachDatabase } from '../../test/harness.js';
import type { GroupKind } from '../../shared/schemas/team.js';
import { detectIdleAgents } from '../presence/service.js';

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((client) => client.close()));

const aroundTheClock = { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' };
/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describeEachDatabase('chat tools', (context) => {
  let url = '';
  const baseUrl = async () => (url ||= await listen(context().app));

  async function setUp(options: { hours?: typeof aroundTheClock; shopPatch?: object } = {}) {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const updated = await admin.patch('/api/shop', {
      serviceHours: options.hours ?? aroundTheClock,
      ...options.shopPatch,
    });
    expect(updated.statusCode).toBe(200);
    return { shop, admin, shopKey: updated.json().widgetKey as string };
  }

  async function onlineAgent(shop: TestShop, groups: GroupKind[], cap = 8) {
    const agent = await buildStaff(context(), shop, { groups });
    if (cap !== 8) {
      const admin = await signIn(context().app, shop.admin.login);
      await admin.patch(`/api/agents/${agent.id}`, { maxConcurrentChats: cap });
    }
    const api = await signIn(context().app, agent.login);
    const staff: StaffClient = await openStaff(await baseUrl(), api);
    open.push(staff);
    await eventually(async () => {
      const board = (await api.get('/api/presence/agents')).json().items as Array<{
        userId: string;
        status: string;
      }>;
      return board.some((entry) => entry.userId === agent.id && entry.status === 'online');
    });
    return Object.assign(staff, { id: agent.id, api, name: agent.displayName });
  }

  async function customer(shopKey: string, extra: object = {}): Promise<CustomerClient> {
    const client = await openCustomer(await baseUrl(), context().app, { shopKey, ...extra });
    open.push(client);
    return client;
  }

  async function chatWith(shopKey: string, agentId: string, text = '你好') {
    const visitor = await customer(shopKey);
    const sent = await visitor.send(text);
    if (!sent.ok) throw new Error(sent.error.message);
    await eventually(() => visitor.updates.at(-1)?.agentId === agentId);
    return { visitor, conversationId: sent.data.message.conversationId };
  }

  it('transfers a chat to a colleague with a note the customer never sees, keeping the history', async () => {
    const { shop, shopKey } = await setUp();
    const first = await onlineAgent(shop, ['pre_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, first.id, '想问一下退货');
    const second = await onlineAgent(shop, ['after_sale']);

    const moved = await first.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'agent', agentId: second.id },
      note: '客户要退货，请售后处理',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ agentId: second.id, routingTier: 'transfer', transferCount: 1 });
    await eventually(() => visitor.updates.at(-1)?.agentId === second.id);

    const history = await second.sync(conversationId, 0);
    if (!history.ok) throw new Error(history.error.message);
    expect(history.data.messages[0]?.text).toBe('想问一下退货');
    const note = history.data.messages.find((m) => m.kind === 'event');
    expect(note).toMatchObject({ internal: true });
    expect(note?.text).toContain('客户要退货，请售后处理');
    const customerView = await visitor.sync(conversationId, 0);
    expect(customerView.ok && customerView.data.messages.some((m) => m.kind === 'event')).toBe(false);

    // The first agent may no longer write in it; the second can.
    const stale = await first.send(conversationId, '还在吗');
    expect(!stale.ok && stale.error.code).toBe('not_your_conversation');
    expect((await second.send(conversationId, '您好，售后为您服务')).ok).toBe(true);
    const rows = await context()
      .database.db.selectFrom('conversationTransfers')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .execute();
    expect(rows).toMatchObject([{ kind: 'transfer', fromAgentId: first.id, toAgentId: second.id }]);
  });

  it('refuses a transfer to an away or full agent, or by someone else, and changes nothing', async () => {
    const { shop, shopKey } = await setUp();
    const first = await onlineAgent(shop, ['pre_sale']);
    const { conversationId } = await chatWith(shopKey, first.id);
    const away = await onlineAgent(shop, ['pre_sale']);
    await away.presence('away');
    const full = await onlineAgent(shop, ['pre_sale'], 1);
    await chatWith(shopKey, full.id);
    const outsider = await onlineAgent(shop, ['pre_sale']);
    await context().app.chatRouting.idle();
    const before = await snapshotDatabase(context().database.db);

    const toAway = await first.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'agent', agentId: away.id },
    });
    expect(toAway.json().error.code).toBe('agent_unavailable');
    const toFull = await first.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'agent', agentId: full.id },
    });
    expect(toFull.json().error.code).toBe('agent_at_capacity');
    const byOutsider = await outsider.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'agent', agentId: outsider.id },
    });
    expect(byOutsider.json().error.code).toBe('not_your_conversation');
    const toSelf = await first.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'agent', agentId: first.id },
    });
    expect(toSelf.json().error.code).toBe('transfer_to_self');
    const notSupervisor = await first.api.post(`/api/conversations/${conversationId}/assign`, {
      agentId: outsider.id,
    });
    expect(notSupervisor.statusCode).toBe(403);
    expect(await snapshotDatabase(context().database.db)).toBe(before);
  });

  it('hands a chat back to the other group, where routing picks someone other than the agent it left', async () => {
    const { shop, shopKey } = await setUp();
    const pre = await onlineAgent(shop, ['pre_sale', 'after_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, pre.id);
    const after = await onlineAgent(shop, ['after_sale']);
    const moved = await pre.api.post(`/api/conversations/${conversationId}/transfer`, {
      to: { kind: 'group', group: 'after_sale' },
      note: '转售后',
    });
    expect(moved.statusCode).toBe(200);
    await eventually(() => visitor.updates.at(-1)?.agentId === after.id);
    expect(visitor.updates.at(-1)).toMatchObject({ targetGroup: 'after_sale', status: 'assigned' });
  });

  it('lets a supervisor place a queued chat and move a chat, within caps', async () => {
    const { shop, shopKey, admin } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale'], 1);
    await chatWith(shopKey, agent.id);
    const waiting = await customer(shopKey);
    const sent = await waiting.send('排队中');
    if (!sent.ok) throw new Error(sent.error.message);
    await context().app.chatRouting.idle();
    expect(waiting.updates.at(-1)?.status).toBe('queued');

    const full = await admin.post(`/api/conversations/${sent.data.message.conversationId}/assign`, {
      agentId: agent.id,
    });
    expect(full.json().error.code).toBe('agent_at_capacity');
    const helper = await onlineAgent(shop, ['after_sale'], 1);
    await context().app.chatRouting.idle();
    // The helper came online: routing already gave them the queued chat; the supervisor moves it back.
    await eventually(() => waiting.updates.at(-1)?.agentId === helper.id);
    const supervisor = await signIn(
      context().app,
      (await buildStaff(context(), shop, { role: 'supervisor' })).login,
    );
    const second = await onlineAgent(shop, ['pre_sale']);
    const moved = await supervisor.post(`/api/conversations/${sent.data.message.conversationId}/assign`, {
      agentId: second.id,
      note: '请跟进',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ agentId: second.id, routingTier: 'supervisor' });
  });

  it('keeps shop-wide quick replies for supervisors to manage and personal ones private', async () => {
    const { shop, admin } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const colleague = await onlineAgent(shop, ['pre_sale']);
    const shared = await admin.post('/api/quick-replies', {
      scope: 'shop',
      shortcut: 'hi',
      title: '问候',
      text: '{customerName} 您好，请问有什么可以帮您？',
    });
    expect(shared.statusCode).toBe(201);
    const denied = await agent.api.post('/api/quick-replies', {
      scope: 'shop',
      shortcut: 'x',
      title: 'x',
      text: 'x',
    });
    expect(denied.statusCode).toBe(403);
    const mine = await agent.api.post('/api/quick-replies', {
      scope: 'personal',
      shortcut: 'ship',
      title: '发货',
      text: '订单 {orderNumber} 今天发出',
    });
    expect(mine.statusCode).toBe(201);
    const again = await agent.api.post('/api/quick-replies', {
      scope: 'personal',
      shortcut: 'ship',
      title: '重复',
      text: '重复',
    });
    expect(again.json().error.code).toBe('shortcut_taken');

    const seenByAgent = (await agent.api.get('/api/quick-replies')).json().items as Array<{
      shortcut: string;
    }>;
    expect(seenByAgent.map((r) => r.shortcut).sort()).toEqual(['hi', 'ship']);
    const seenByColleague = (await colleague.api.get('/api/quick-replies')).json().items as Array<{
      shortcut: string;
    }>;
    expect(seenByColleague.map((r) => r.shortcut)).toEqual(['hi']);
    expect((await colleague.api.delete(`/api/quick-replies/${mine.json().id}`)).statusCode).toBe(404);
    expect((await agent.api.patch(`/api/quick-replies/${shared.json().id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await agent.api.delete(`/api/quick-replies/${mine.json().id}`)).statusCode).toBe(200);
  });

  it('answers off-hours with the out-of-hours reply and, in hours, greets and then sends active promotions but not expired ones', async () => {
    const closed = await setUp({ hours: { opensAt: '09:00', closesAt: '09:01', offHoursReplyBy: '09:30' } });
    // 09:00–09:01 Shanghai: closed at almost every moment a test runs; skip the minute it is open.
    const night = await customer(closed.shopKey);
    const left = await night.send('晚上好，想咨询一下');
    if (!left.ok) throw new Error(left.error.message);
    if (left.data.conversation?.status === 'offline_message') {
      await eventually(() => night.received.some((m) => m.kind === 'auto_reply'));
      const reply = night.received.find((m) => m.kind === 'auto_reply');
      expect(reply?.text).toContain('09:30');
      expect(reply?.text).toContain('09:00–09:01');
    }

    const { admin, shop, shopKey } = await setUp();
    await onlineAgent(shop, ['pre_sale']);
    const now = Date.now();
    const active = await admin.post('/api/auto-replies', {
      text: '双11 全场满300减50',
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
    });
    expect(active.json()).toMatchObject({ kind: 'promotion', state: 'active' });
    const ended = await admin.post('/api/auto-replies', {
      text: '中秋礼盒八折',
      startsAt: new Date(now - 7200_000).toISOString(),
      endsAt: new Date(now - 3600_000).toISOString(),
    });
    expect(ended.json()).toMatchObject({ state: 'expired' });
    const badPeriod = await admin.post('/api/auto-replies', {
      text: 'x',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now - 1).toISOString(),
    });
    expect(badPeriod.statusCode).toBe(400);

    const visitor = await customer(shopKey);
    await visitor.send('在吗');
    await eventually(() => visitor.received.some((m) => m.kind === 'auto_reply'));
    const autoTexts = () => visitor.received.filter((m) => m.kind === 'auto_reply').map((m) => m.text);
    await eventually(() => autoTexts().length === 2);
    // The greeting comes first, then the promotion that is on; the ended one is never sent.
    expect(autoTexts()[1]).toBe('双11 全场满300减50');
    expect(autoTexts()[0]).toContain('很高兴为您服务');
    expect(autoTexts()).not.toContain('中秋礼盒八折');

    const list = (await admin.get('/api/auto-replies')).json().items as Array<{ kind: string }>;
    expect(list.map((r) => r.kind).sort()).toEqual([
      'greeting',
      'off_hours',
      'promotion',
      'promotion',
      'queue',
    ]);
    const greeting = (list as Array<{ kind: string; id: string }>).find((r) => r.kind === 'greeting');
    expect((await admin.delete(`/api/auto-replies/${greeting?.id}`)).json().error.code).toBe(
      'auto_reply_required',
    );
  });

  it('greets in the agent’s name on assignment and tells a waiting customer their place once', async () => {
    const { shop, shopKey, admin } = await setUp();
    const list = (await admin.get('/api/auto-replies')).json().items as Array<{ kind: string; id: string }>;
    const queue = list.find((r) => r.kind === 'queue');
    await admin.patch(`/api/auto-replies/${queue?.id}`, { text: '您排在第 {position} 位' });
    const agent = await onlineAgent(shop, ['pre_sale'], 1);
    const { visitor } = await chatWith(shopKey, agent.id);
    await eventually(() => visitor.received.some((m) => m.kind === 'auto_reply'));
    expect(visitor.received.find((m) => m.kind === 'auto_reply')?.text).toContain(agent.name);

    const second = await customer(shopKey);
    await second.send('我也在等');
    const third = await customer(shopKey);
    await third.send('我也在等');
    await eventually(() => third.received.some((m) => m.kind === 'auto_reply'));
    expect(second.received.filter((m) => m.kind === 'auto_reply').map((m) => m.text)).toEqual([
      '您排在第 1 位',
    ]);
    expect(third.received.filter((m) => m.kind === 'auto_reply').map((m) => m.text)).toEqual([
      '您排在第 2 位',
    ]);
    // Another routing round does not repeat the notice.
    await third.send('还要多久');
    await context().app.chatRouting.idle();
    expect(third.received.filter((m) => m.kind === 'auto_reply')).toHaveLength(1);
    await eventually(() => third.queuePosition === 2);
  });

  it('turns chats beyond the queue limit into offline messages, released in order as room frees', async () => {
    const { shop, shopKey } = await setUp({ shopPatch: { maxQueueLength: 1 } });
    const agent = await onlineAgent(shop, ['pre_sale'], 1);
    const { conversationId } = await chatWith(shopKey, agent.id);
    const waiting = await customer(shopKey);
    const queued = await waiting.send('排队');
    expect(queued.ok && queued.data.conversation?.status).toBe('queued');
    const late = await customer(shopKey);
    expect(late.session.queueFull).toBe(true);
    const message = await late.send('排不上就留言', {});
    expect(message.ok && message.data.conversation?.status).toBe('offline_message');

    await agent.api.post(`/api/conversations/${conversationId}/close`);
    await eventually(() => waiting.updates.at(-1)?.agentId === agent.id);
    await eventually(() => late.updates.at(-1)?.status === 'queued');
  });

  it('carries images checked by their bytes, and refuses other types, oversized files and others’ uploads', async () => {
    const { shop, shopKey } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, agent.id);
    const upload = (body: Buffer, type: string, token = visitor.session.visitorToken) =>
      context().app.inject({
        method: 'POST',
        url: '/api/widget/uploads',
        headers: { 'content-type': type, 'x-visitor-token': token },
        payload: body,
      });
    const before = await snapshotDatabase(context().database.db);
    expect((await upload(Buffer.from('<svg onload=alert(1)>'), 'image/png')).json().error.code).toBe(
      'unsupported_image',
    );
    expect((await upload(png, 'image/jpeg')).json().error.code).toBe('unsupported_image');
    expect((await upload(png, 'image/svg+xml')).statusCode).toBe(415);
    expect((await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x89), 'image/png')).statusCode).toBe(413);
    expect((await upload(png, 'image/png', 'y'.repeat(43))).statusCode).toBe(401);
    expect(await snapshotDatabase(context().database.db)).toBe(before);

    const stored = await upload(png, 'image/png');
    expect(stored.statusCode).toBe(201);
    const attachment = stored.json() as { id: string; url: string };
    const sent = await visitor.socket.timeout(5000).emitWithAck('send', {
      clientMessageId: randomUUID(),
      attachmentId: attachment.id,
      source: 'product_detail',
    });
    expect(sent.ok && (sent.data.message as ChatMessage).kind).toBe('image');
    await eventually(() => agent.received.some((m) => m.attachment?.id === attachment.id));
    const image = await context().app.inject({ url: attachment.url });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.rawPayload.equals(png)).toBe(true);

    // Somebody else's upload cannot be put into a message.
    const other = await customer(shopKey);
    const stolen = await other.socket.timeout(5000).emitWithAck('send', {
      clientMessageId: randomUUID(),
      attachmentId: attachment.id,
    });
    expect(!stolen.ok && stolen.error.code).toBe('validation_failed');
    const list = await agent.api.get(`/api/conversations?view=mine`);
    expect(
      (list.json().items as Array<{ id: string; lastMessagePreview: string }>).find(
        (c) => c.id === conversationId,
      )?.lastMessagePreview,
    ).toBe('🖼');
  });

  it('stores messages arriving together in one commit, and one refused message costs the others nothing', async () => {
    const { shop, shopKey } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const chats = await Promise.all([1, 2, 3, 4].map((i) => chatWith(shopKey, agent.id, `第${i}位`)));
    const before = agent.received.length;
    // Emitted in the same tick, so the server takes them as one batch; the third names someone else's image.
    const acks = await Promise.all(
      chats.map(({ visitor }, i) =>
        visitor.socket.timeout(5000).emitWithAck('send', {
          clientMessageId: randomUUID(),
          text: `一起发的第 ${i + 1} 条`,
          ...(i === 2 ? { attachmentId: 'x'.repeat(24) } : {}),
        }),
      ),
    );
    expect(acks.map((ack: { ok: boolean }) => ack.ok)).toEqual([true, true, false, true]);
    await eventually(() => agent.received.length >= before + 3);
    const stored = await context()
      .database.db.selectFrom('messages')
      .select('text')
      .where('text', 'like', '一起发的%')
      .execute();
    expect(stored.map((row) => row.text).sort()).toEqual([
      '一起发的第 1 条',
      '一起发的第 2 条',
      '一起发的第 4 条',
    ]);
  });

  it('keeps each side’s messages in order when a burst mixes plain texts with ones stored the longer way', async () => {
    // On SQLite, plain texts into a chat known to be open go through the writer thread; a message with contact
    // details, an agent's first answer or internal note, a closed chat and someone else's chat go the usual way.
    const { shop, shopKey } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const colleague = await onlineAgent(shop, ['after_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, agent.id, '第 0 条');
    const burst = Array.from({ length: 12 }, (_, i) =>
      visitor.socket.timeout(5000).emitWithAck('send', {
        clientMessageId: randomUUID(),
        text: `第 ${i + 1} 条`,
        source: 'product_detail',
        ...(i === 4 ? { contact: { name: '王先生' } } : {}),
      }),
    );
    const replies = [
      agent.send(conversationId, '首次回复'),
      agent.send(conversationId, '内部备注', { internal: true }),
      agent.send(conversationId, '第二次回复'),
      colleague.send(conversationId, '不是我的会话'),
      agent.send(conversationId, '第三次回复'),
    ];
    const acks = (await Promise.all(burst)) as Array<{ ok: boolean; data: { message: { seq: number } } }>;
    const answered = await Promise.all(replies);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(answered.map((ack) => (ack.ok ? 'ok' : ack.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'not_your_conversation',
      'ok',
    ]);
    const history = await agent.sync(conversationId, 0);
    if (!history.ok) throw new Error(history.error.message);
    const texts = (author: string) =>
      history.data.messages.filter((m) => m.authorKind === author).map((m) => m.text);
    expect(texts('customer')).toEqual(Array.from({ length: 13 }, (_, i) => `第 ${i} 条`));
    expect(texts('agent')).toEqual(['首次回复', '内部备注', '第二次回复', '第三次回复']);
    // one sequence, no gaps, each message once
    expect(history.data.messages.map((m) => m.seq)).toEqual(history.data.messages.map((_, i) => i + 1));
    await eventually(() => visitor.received.filter((m) => m.authorKind === 'agent').length === 3);
    expect(visitor.received.some((m) => m.internal)).toBe(false);

    // Closed since the customer's last message: the next one opens a new chat.
    expect((await agent.api.post(`/api/conversations/${conversationId}/close`)).statusCode).toBe(200);
    const [later, last] = await Promise.all([visitor.send('还有一个问题'), visitor.send('在吗')]);
    if (!later.ok || !last.ok) throw new Error('send failed');
    expect(later.data.message.conversationId).not.toBe(conversationId);
    expect(last.data.message.conversationId).toBe(later.data.message.conversationId);
    expect(later.data.message.seq).toBe(1);
    const reopened = await visitor.sync(later.data.message.conversationId, 0);
    expect(
      reopened.ok && reopened.data.messages.filter((m) => m.authorKind === 'customer').map((m) => m.text),
    ).toEqual(['还有一个问题', '在吗']);
  });

  it('records read receipts both ways and one rating after the chat ends', async () => {
    const { shop, shopKey } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, agent.id, '请问有货吗');
    const reply = await agent.send(conversationId, '有货');
    if (!reply.ok) throw new Error(reply.error.message);
    const agentSawRead: number[] = [];
    agent.socket.on('read', (payload: { seq: number }) => agentSawRead.push(payload.seq));
    const customerSawRead: number[] = [];
    visitor.socket.on('read', (payload: { seq: number }) => customerSawRead.push(payload.seq));

    visitor.socket.emit('read', { conversationId, seq: reply.data.message.seq });
    agent.socket.emit('read', { conversationId, seq: 1 });
    await eventually(() => agentSawRead.includes(reply.data.message.seq) && customerSawRead.includes(1));
    const stored = await agent.api.get(`/api/conversations/${conversationId}`);
    expect(stored.json()).toMatchObject({ customerReadSeq: reply.data.message.seq, agentReadSeq: 1 });

    const early = await visitor.socket.timeout(5000).emitWithAck('rate', { conversationId, score: 'good' });
    expect(!early.ok && early.error.code).toBe('not_ratable');
    await agent.api.post(`/api/conversations/${conversationId}/close`);
    const ratings: unknown[] = [];
    agent.socket.on('rating:new', (rating: unknown) => ratings.push(rating));
    const rated = await visitor.socket
      .timeout(5000)
      .emitWithAck('rate', { conversationId, score: 'bad', comment: '回复太慢' });
    expect(rated.ok).toBe(true);
    await eventually(() => ratings.length === 1);
    expect(ratings[0]).toMatchObject({ score: 'bad', comment: '回复太慢' });
    const before = await snapshotDatabase(context().database.db);
    for (const payload of [
      { conversationId, score: 'excellent' },
      { conversationId, score: 'good', comment: '长'.repeat(501) },
      { conversationId, score: 'good', stars: 5 },
      'good',
    ]) {
      const bad = await visitor.socket.timeout(5000).emitWithAck('rate', payload);
      expect(!bad.ok && bad.error.code, JSON.stringify(payload)).toBe('validation_failed');
    }
    // Malformed read and typing events are dropped without an answer and change nothing.
    visitor.socket.emit('read', { conversationId, seq: -1 });
    visitor.socket.emit('read', { conversationId: '../x', seq: 1 });
    visitor.socket.emit('typing', { conversationId, typing: 'yes' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await snapshotDatabase(context().database.db)).toBe(before);
    const twice = await visitor.socket.timeout(5000).emitWithAck('rate', { conversationId, score: 'good' });
    expect(!twice.ok && twice.error.code).toBe('not_ratable');
    const stranger = await customer(shopKey);
    const forged = await stranger.socket.timeout(5000).emitWithAck('rate', { conversationId, score: 'good' });
    expect(!forged.ok && forged.error.code).toBe('not_found');
  });

  it('sends a customer’s typing to the assigned agent only', async () => {
    const { shop, shopKey } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const { visitor, conversationId } = await chatWith(shopKey, agent.id);
    const bystander = await onlineAgent(shop, ['pre_sale']);
    const heard: string[] = [];
    agent.socket.on('typing', () => heard.push('agent'));
    bystander.socket.on('typing', () => heard.push('bystander'));
    visitor.socket.emit('typing', { conversationId, typing: true });
    await eventually(() => heard.includes('agent'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['agent']);
  });

  it('flags an agent idle while online past the limit once, and clears it on activity', async () => {
    const { shop, admin } = await setUp({ shopPatch: { idleLimitSeconds: 15 } });
    const agent = await onlineAgent(shop, ['pre_sale']);
    const deps = { db: context().database.db, bus: context().app.deps.bus };
    expect(await detectIdleAgents(deps, shop.id, Date.now() + 14_000)).toBe(0);
    expect(await detectIdleAgents(deps, shop.id, Date.now() + 16_000)).toBe(1);
    await detectIdleAgents(deps, shop.id, Date.now() + 20_000);
    const events = (await admin.get('/api/presence/idle-events')).json().items as Array<{
      userId: string;
      endedAt: string | null;
      limitSeconds: number;
    }>;
    expect(events).toMatchObject([{ userId: agent.id, endedAt: null, limitSeconds: 15 }]);
    const board = (await admin.get('/api/presence/agents')).json().items as Array<{
      userId: string;
      idleSince: string | null;
    }>;
    expect(board.find((entry) => entry.userId === agent.id)?.idleSince).not.toBeNull();
    const colleagueView = (await agent.api.get('/api/presence/agents')).json().items as Array<{
      idleSince: string | null;
    }>;
    expect(colleagueView.every((entry) => entry.idleSince === null)).toBe(true);
    expect((await agent.api.get('/api/presence/idle-events')).statusCode).toBe(403);

    agent.socket.emit('activity');
    await eventually(async () => {
      const items = (await admin.get('/api/presence/idle-events')).json().items as Array<{
        endedAt: string | null;
      }>;
      return items[0]?.endedAt !== null;
    });
  });

  it('shows the customer panel with past chats, the phone masked; the permitted reveal is audited', async () => {
    const { shop, shopKey, admin } = await setUp();
    const agent = await onlineAgent(shop, ['pre_sale']);
    const visitor = await customer(shopKey);
    await visitor.socket.timeout(5000).emitWithAck('send', {
      clientMessageId: randomUUID(),
      text: '请回电',
      contact: { name: '王先生', phone: '13812345678' },
    });
    await eventually(() => visitor.updates.at(-1)?.agentId === agent.id);
    const customerId = visitor.session.customerId;
    const forAgent = (await agent.api.get(`/api/customers/${customerId}`)).json();
    expect(forAgent.phone).toBe('138****5678');
    expect(forAgent.displayName).toContain('王先生');
    expect(forAgent.conversations).toHaveLength(1);
    expect((await admin.get(`/api/customers/${customerId}`)).json().phone).toBe('138****5678');
    expect((await agent.api.post(`/api/customers/${customerId}/reveal`)).statusCode).toBe(403);
    const revealed = await admin.post(`/api/customers/${customerId}/reveal`);
    expect(revealed.json()).toEqual({ phone: '13812345678', email: null });
    const audit = (await admin.get('/api/audit?entityType=customer')).json<{
      items: Array<{ entityId: string; action: string }>;
    }>();
    expect(audit.items).toContainEqual(
      expect.objectContaining({ entityId: customerId, action: 'customer.contact_revealed' }),
    );
    const elsewhere = await setUp();
    expect((await elsewhere.admin.get(`/api/customers/${customerId}`)).statusCode).toBe(404);
  });
});
