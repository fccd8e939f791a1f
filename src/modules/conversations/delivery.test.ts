// Delivery guarantees (issue 3, acceptance 3): 1,000 customer messages with random lost acknowledgements,
// duplicate resends and a server restart mid-stream end as exactly 1,000 stored messages, in order, and the
// agent sees each one once.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connection.js';
import type { App } from '../../server/http.js';
import type { ChatMessage } from '../../shared/schemas/chat.js';
import {
  eventually,
  listen,
  openCustomer,
  openStaff,
  type CustomerClient,
  type StaffClient,
} from '../../test/chat-clients.js';
import { buildShop, buildStaff, signIn } from '../../test/factories.js';
import { buildTestApp, describeEachDatabase } from '../../test/harness.js';

const TOTAL = 1000;
const RESTART_AT = 500;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * What an agent's screen holds: live pushes plus catch-up after reconnects, merged by seq (a live push may
 * arrive before the catch-up of earlier messages), each seq once.
 */
class AgentView {
  private readonly held = new Set<number>();
  livePushes: number[] = [];
  constructor(private readonly conversationId: string) {}
  take(messages: ChatMessage[]) {
    for (const message of messages) {
      if (message.conversationId === this.conversationId) this.held.add(message.seq);
    }
  }
  get seqs(): number[] {
    return [...this.held].sort((a, b) => a - b);
  }
  /** The highest seq up to which the view has every message: where a catch-up starts. */
  lastSeq() {
    let seq = 0;
    while (this.held.has(seq + 1)) seq += 1;
    return seq;
  }
}

describeEachDatabase('delivery guarantees', (context) => {
  it('stores 1,000 messages exactly once and in order through lost acks, resends and a restart', async () => {
    const { testDatabase } = context();
    const next = random(20261123);
    let database: DatabaseHandle = context().database;
    let app: App = await buildTestApp(database, context().config);
    let url = await listen(app);
    const reopened: DatabaseHandle[] = [];

    const shop = await buildShop({ ...context(), app });
    const admin = await signIn(app, shop.admin.login);
    const { widgetKey } = (
      await admin.patch('/api/shop', {
        serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
      })
    ).json();
    const agentAccount = await buildStaff({ ...context(), app }, shop, { groups: ['pre_sale'] });
    const agentLogin = await signIn(app, agentAccount.login);
    let agent: StaffClient = await openStaff(url, agentLogin);
    let visitor: CustomerClient = await openCustomer(url, app, { shopKey: widgetKey });

    const first = await visitor.send('消息 1', { clientMessageId: 'msg-00001' });
    if (!first.ok) throw new Error(first.error.message);
    const conversationId = first.data.message.conversationId;
    await eventually(() => visitor.updates.at(-1)?.agentId === agentAccount.id);
    const view = new AgentView(conversationId);
    const catchUp = async () => {
      const result = await agent.sync(conversationId, view.lastSeq());
      if (!result.ok) throw new Error(result.error.message);
      view.take(result.data.messages);
    };
    const listenLive = (client: StaffClient) =>
      client.socket.on('message:new', (message: ChatMessage) => {
        if (message.conversationId === conversationId) view.livePushes.push(message.seq);
        view.take([message]);
      });
    listenLive(agent);
    await catchUp();

    let lostAcks = 0;
    let duplicates = 0;
    for (let i = 2; i <= TOTAL; i += 1) {
      const clientMessageId = `msg-${String(i).padStart(5, '0')}-${randomUUID().slice(0, 8)}`;
      const text = `消息 ${i}`;
      if (i === RESTART_AT) {
        // The server dies with a send in flight; a new process on the same database takes over.
        visitor.socket.emit('send', { clientMessageId, text, source: 'product_detail' });
        app.realtime.io.disconnectSockets(true);
        await app.close();
        database = testDatabase.reopen();
        reopened.push(database);
        app = await buildTestApp(database, context().config);
        url = await listen(app);
        visitor.close();
        agent.close();
        visitor = await openCustomer(url, app, {
          shopKey: widgetKey,
          visitorToken: visitor.session.visitorToken,
        });
        agent = await openStaff(url, await signIn(app, agentAccount.login));
        listenLive(agent);
        await catchUp();
      } else if (next() < 0.1) {
        // The connection drops before the acknowledgement arrives.
        visitor.socket.emit('send', { clientMessageId, text, source: 'product_detail' });
        await visitor.reconnect();
        lostAcks += 1;
      }
      const result = await visitor.send(text, { clientMessageId });
      if (!result.ok) throw new Error(result.error.message);
      if (next() < 0.05) {
        const again = await visitor.send(text, { clientMessageId });
        expect(again.ok && again.data.message.seq).toBe(result.data.message.seq);
        duplicates += 1;
      }
    }
    expect(lostAcks).toBeGreaterThan(50);
    expect(duplicates).toBeGreaterThan(20);

    const stored = await database.db
      .selectFrom('messages')
      .select(['seq', 'text'])
      .where('conversationId', '=', conversationId)
      .where('authorKind', '=', 'customer')
      .orderBy('seq')
      .execute();
    expect(stored).toHaveLength(TOTAL);
    expect(stored.map((row) => row.text)).toEqual(Array.from({ length: TOTAL }, (_, k) => `消息 ${k + 1}`));
    const seqs = stored.map((row) => row.seq);
    expect(seqs.every((seq, k) => k === 0 || seq > seqs[k - 1]!)).toBe(true);
    // The conversation also holds the greeting auto-reply; its sequence has no gaps and no repeats.
    const all = await database.db
      .selectFrom('messages')
      .select('seq')
      .where('conversationId', '=', conversationId)
      .orderBy('seq')
      .execute();
    expect(all.length).toBe(TOTAL + 1);
    expect(all.map((row) => row.seq)).toEqual(Array.from({ length: all.length }, (_, k) => k + 1));

    await eventually(async () => {
      await catchUp();
      return view.lastSeq() === all.length;
    });
    expect(view.seqs).toEqual(Array.from({ length: all.length }, (_, k) => k + 1));
    // The server itself never pushes one message twice to a connection.
    expect(new Set(view.livePushes).size).toBe(view.livePushes.length);

    visitor.close();
    agent.close();
    await app.close();
    for (const handle of reopened) await handle.close();
  }, 180_000);
});
