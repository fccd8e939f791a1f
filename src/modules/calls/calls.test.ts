import { expect, it } from 'vitest';
import { identifyWidgetCustomer, recordOfflineContact } from '../customers/service.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { workingTimeBetween } from '../../shared/business-time.js';
import { buildShop, buildStaff, signIn, type TestShop } from '../../test/factories.js';
import { describeEachDatabase, type TestContext } from '../../test/harness.js';
import { rotateSecret, signedPost } from '../../test/webhooks.js';
import { signWebhook } from '../webhooks/rules.js';
import type { Call } from '../../shared/schemas/calls.js';

const url = '/api/webhooks/calls';

async function countRows(context: TestContext) {
  const db = context.database.db;
  const count = async (table: 'calls' | 'callEvents' | 'callbackTasks') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    calls: await count('calls'),
    events: await count('callEvents'),
    tasks: await count('callbackTasks'),
  };
}

/** A shop with a secret, an agent on extension 801 and a supervisor. */
async function callShop(context: TestContext) {
  const shop = await buildShop(context);
  const admin = await signIn(context.app, shop.admin.login);
  const secret = await rotateSecret(admin);
  const agent = await buildStaff(context, shop);
  const supervisor = await buildStaff(context, shop, { role: 'supervisor' });
  const settings = await admin.patch('/api/call-settings', {
    extensions: [{ extension: '801', userId: agent.id }],
  });
  expect(settings.statusCode, settings.body).toBe(200);
  return { shop, admin, secret, agent, supervisor, signed: { id: shop.id, secret } };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

describeEachDatabase('calls webhook and records', (context) => {
  it('refuses unsigned, tampered, stale and wrongly-keyed requests with 401 before parsing, storing nothing', async () => {
    const { app } = context();
    const { shop, signed } = await callShop(context());
    const before = await countRows(context());
    const event = {
      eventId: 'e-1',
      callId: 'c-1',
      type: 'ringing',
      occurredAt: new Date().toISOString(),
      from: '13812345678',
    };
    const raw = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);

    const unsigned = await app.inject({ method: 'POST', url, payload: event });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('webhook_unsigned');

    const tampered = await app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        'x-kefu-shop': shop.id,
        'x-kefu-timestamp': String(now),
        'x-kefu-signature': signWebhook(signed.secret, now, raw),
      },
      payload: raw.replace('e-1', 'e-2'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().error.code).toBe('webhook_signature_invalid');

    const stale = await signedPost(app, url, signed, event, { timestamp: now - 301 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('webhook_stale');

    const otherKey = await signedPost(app, url, { id: shop.id, secret: 'whsec_guessed' }, event);
    expect(otherKey.statusCode).toBe(401);
    const unknownShop = await signedPost(app, url, { id: 'nosuchshop', secret: signed.secret }, event);
    expect(unknownShop.json().error.code).toBe('webhook_signature_invalid');

    // Not even broken JSON is looked at before the signature is checked.
    const broken = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      payload: '{"eventId":',
    });
    expect(broken.statusCode).toBe(401);
    expect(broken.json().error.message).toBe('请求缺少签名或时间戳');

    expect(await countRows(context())).toEqual(before);
    const ok = await signedPost(app, url, signed, event);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await countRows(context())).events).toBe(before.events + 1);
  });

  it('takes two rotations at once (a double click) one after the other: both answer, two secrets stay valid', async () => {
    const { app } = context();
    const { admin, signed } = await callShop(context());
    const [first, second] = await Promise.all([
      admin.post('/api/webhook-secrets/rotate'),
      admin.post('/api/webhook-secrets/rotate'),
    ]);
    expect([first?.statusCode, second?.statusCode]).toEqual([201, 201]);
    const secrets = [first, second].map((r) => r?.json<{ secret: string }>().secret ?? '');
    const event = (id: string) => ({
      eventId: id,
      callId: 'dbl-1',
      type: 'ringing',
      occurredAt: new Date().toISOString(),
    });
    const answers = await Promise.all(
      secrets.map((secret, i) => signedPost(app, url, { ...signed, secret }, event(`dbl-${i}`))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    // The secret from before both rotations is no longer accepted.
    expect((await signedPost(app, url, signed, event('dbl-old'))).statusCode).toBe(401);
  });

  it('accepts the previous secret during a rotation and refuses it once retired; validates signed bodies', async () => {
    const { app } = context();
    const { admin, signed } = await callShop(context());
    const newSecret = await rotateSecret(admin);
    const event = (id: string) => ({
      eventId: id,
      callId: 'r-1',
      type: 'ringing',
      occurredAt: new Date().toISOString(),
    });
    expect((await signedPost(app, url, signed, event('r-a'))).statusCode).toBe(200);
    expect((await signedPost(app, url, { ...signed, secret: newSecret }, event('r-b'))).statusCode).toBe(200);
    const status = await admin.delete('/api/webhook-secrets/previous');
    expect(status.json().previous).toBeNull();
    expect(status.json().current.hint).toBe(newSecret.slice(-4));
    expect((await signedPost(app, url, signed, event('r-c'))).statusCode).toBe(401);
    const invalid = await signedPost(
      app,
      url,
      { ...signed, secret: newSecret },
      { ...event('r-d'), type: 'exploded' },
    );
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.json().error.details)).toContain('type');
  });

  it('replayed 1–5 times each, concurrently and out of order, events leave one record per call in its final state', async () => {
    const { app } = context();
    const { signed, agent } = await callShop(context());
    const t = Date.now() - 3_600_000;
    const calls: Record<string, Array<Record<string, unknown>>> = {
      // answered after 12 s on extension 801, recorded
      answered: [
        { type: 'ringing', occurredAt: at(t, 0), from: '13800000001', to: '4008001234', extension: '801' },
        { type: 'answered', occurredAt: at(t, 12), extension: '801' },
        { type: 'ended', occurredAt: at(t, 100) },
        { type: 'recording_ready', occurredAt: at(t, 110), recordingUrl: 'https://pbx.example/rec/1.mp3' },
      ],
      // answered after 20 s: 4 rings, late
      late: [
        { type: 'ringing', occurredAt: at(t, 200), from: '13800000002', extension: '801' },
        { type: 'answered', occurredAt: at(t, 220), extension: '801' },
        { type: 'ended', occurredAt: at(t, 260) },
      ],
      // nobody answered
      missed: [
        { type: 'ringing', occurredAt: at(t, 300), from: '13800000003' },
        { type: 'ended', occurredAt: at(t, 330) },
      ],
      // missed on an agent's extension
      missedAgent: [
        { type: 'ringing', occurredAt: at(t, 400), from: '13800000004', extension: '801' },
        { type: 'ended', occurredAt: at(t, 409) },
      ],
      // still talking
      open: [
        { type: 'ringing', occurredAt: at(t, 500), from: '13800000005' },
        { type: 'answered', occurredAt: at(t, 505), extension: '801' },
      ],
    };
    const deliveries = Object.entries(calls).flatMap(([callId, events]) =>
      events.flatMap((event, index) => {
        const body = { eventId: `${callId}-${index}`, callId, ...event };
        const times = 1 + ((callId.length + index * 3) % 5);
        return Array.from({ length: times }, () => body);
      }),
    );
    expect(deliveries.length).toBeGreaterThan(30);
    const responses = await Promise.all(
      shuffle(deliveries, 7).map((body) => signedPost(app, url, signed, body)),
    );
    expect(responses.map((r) => r.statusCode).every((code) => code === 200)).toBe(true);
    const stored = responses.filter((r) => !r.json().duplicate).length;
    expect(stored).toBe(Object.values(calls).flat().length);

    const rows = await context()
      .database.db.selectFrom('calls')
      .selectAll()
      .where('shopId', '=', signed.id)
      .execute();
    expect(rows.map((row) => row.externalCallId).sort()).toEqual(Object.keys(calls).sort());
    const byId = Object.fromEntries(rows.map((row) => [row.externalCallId, row]));
    expect(byId.answered).toMatchObject({
      state: 'ended',
      missed: 0,
      ringMs: 12_000,
      ringsBeforeAnswer: 3,
      agentId: agent.id,
    });
    expect(byId.answered!.recordingUrl).toBe('https://pbx.example/rec/1.mp3');
    expect(byId.late).toMatchObject({ state: 'ended', missed: 0, ringsBeforeAnswer: 4 });
    expect(byId.missed).toMatchObject({ state: 'ended', missed: 1, agentId: null, ringMs: 30_000 });
    expect(byId.missedAgent).toMatchObject({ state: 'ended', missed: 1, agentId: agent.id });
    expect(byId.open).toMatchObject({ state: 'answered', missed: 0, ringMs: 5_000 });

    const tasks = await context()
      .database.db.selectFrom('callbackTasks')
      .selectAll()
      .where('shopId', '=', signed.id)
      .execute();
    const open = tasks.filter((task) => task.status === 'open');
    expect(open.map((task) => task.callId).sort()).toEqual([byId.missed!.id, byId.missedAgent!.id].sort());
    expect(open.find((task) => task.callId === byId.missedAgent!.id)?.ownerAgentId).toBe(agent.id);
    // Due after 30 minutes of the shop's working time.
    const calendar = await getBusinessCalendar(context().database.db, signed.id);
    const missedTask = open.find((task) => task.callId === byId.missed!.id)!;
    expect(workingTimeBetween(calendar, byId.missed!.endedAt!, missedTask.dueAt)).toBe(30 * 60_000);
  });

  it("'ended' before 'answered' first makes a call-back task, then the late answer cancels it", async () => {
    const { app } = context();
    const { signed, agent } = await callShop(context());
    const t = Date.now() - 60_000;
    const send = (eventId: string, type: string, seconds: number) =>
      signedPost(app, url, signed, {
        eventId,
        callId: 'ooo',
        type,
        occurredAt: at(t, seconds),
        extension: '801',
      });
    await send('o1', 'ringing', 0);
    await send('o3', 'ended', 60);
    const agentClient = await signIn(app, agent.login);
    const missed = (await agentClient.get('/api/calls?missed=true')).json<{ items: Call[] }>().items;
    expect(missed).toHaveLength(1);
    expect(missed[0]!.callback?.status).toBe('open');
    await send('o2', 'answered', 8);
    await send('o0', 'ringing', 2);
    const [call] = (await agentClient.get('/api/calls')).json<{ items: Call[] }>().items;
    expect(call).toMatchObject({
      state: 'ended',
      missed: false,
      ringSeconds: 8,
      ringsBeforeAnswer: 2,
      answeredInTime: true,
    });
    expect(call!.callback?.status).toBe('cancelled');

    // A missed call whose 'ended' arrives before the 'ringing' that names the extension: the task goes to that agent.
    await signedPost(app, url, signed, {
      eventId: 'n2',
      callId: 'nnn',
      type: 'ended',
      occurredAt: at(t, 30),
    });
    await signedPost(app, url, signed, {
      eventId: 'n1',
      callId: 'nnn',
      type: 'ringing',
      occurredAt: at(t, 0),
      extension: '801',
    });
    const [late] = (await agentClient.get('/api/calls?callback=open')).json<{ items: Call[] }>().items;
    expect(late).toMatchObject({ missed: true, agent: { id: agent.id }, ringSeconds: 30 });
    expect(late!.callback?.ownerAgentId).toBe(agent.id);
  });
});

async function customerWithPhone(context: TestContext, shop: TestShop, phone: string) {
  const { customer } = await identifyWidgetCustomer(context.database.db, {
    shopId: shop.id,
    identitySecret: 'x',
  });
  await recordOfflineContact(context.database.db, customer, { phone });
  return customer;
}

describeEachDatabase('call records (SPEC §5)', (context) => {
  const form = {
    customerName: '王女士',
    contactPhone: '13912345678',
    direction: 'inbound',
    calledAt: new Date(Date.now() - 600_000).toISOString(),
    matterKind: 'complaint',
    matter: '快递延误三天',
    handling: '致歉并联系快递加急，承诺明天回电',
    customerReaction: '表示理解',
    recorded: true,
    recordingTold: true,
  };

  it('an agent logs a call by hand: linked by phone, masked, to the minute; recording needs the customer told', async () => {
    const { app } = context();
    const { shop, agent } = await callShop(context());
    const customer = await customerWithPhone(context(), shop, '+86 139 1234 5678');
    const client = await signIn(app, agent.login);
    const refused = await client.post('/api/calls', { ...form, recordingTold: false });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().error.details)).toContain('recordingTold');
    const noContact = await client.post('/api/calls', { ...form, contactPhone: undefined });
    expect(noContact.statusCode).toBe(400);

    const created = await client.post('/api/calls', form);
    expect(created.statusCode, created.body).toBe(201);
    const call = created.json<Call>();
    expect(call).toMatchObject({
      source: 'manual',
      customerId: customer.id,
      contactPhone: '139****5678',
      agent: { id: agent.id },
      matterKind: 'complaint',
      recorded: true,
      recordingTold: true,
      selfCheckedAt: null,
    });
    expect(new Date(call.startedAt).getUTCSeconds()).toBe(0);

    const checked = await client.post(`/api/calls/${call.id}/self-check`);
    expect(checked.json<Call>().selfCheckedAt).not.toBeNull();
    const other = await signIn(app, (await buildStaff(context(), shop)).login);
    expect((await other.post(`/api/calls/${call.id}/self-check`)).statusCode).toBe(404);
    expect((await other.get('/api/calls')).json().items).toHaveLength(0);
  });

  it('supervisors draw the same weekly sample every time, mark corrections with a comment, and reveals are audited', async () => {
    const { app } = context();
    const { agent, supervisor, admin } = await callShop(context());
    const client = await signIn(app, agent.login);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/calls', { ...form, matter: `事项 ${i}` })).statusCode).toBe(201);
    }
    expect((await admin.patch('/api/call-settings', { spotCheckSampleSize: 3 })).statusCode).toBe(200);
    const boss = await signIn(app, supervisor.login);
    const first = (await boss.get('/api/calls/spot-check-sample')).json();
    const again = (await boss.get('/api/calls/spot-check-sample')).json();
    expect(first.items).toHaveLength(3);
    expect(again.items.map((c: Call) => c.id)).toEqual(first.items.map((c: Call) => c.id));
    expect((await client.get('/api/calls/spot-check-sample')).statusCode).toBe(403);

    const target = first.items[0].id as string;
    const noComment = await boss.post(`/api/calls/${target}/spot-check`, { result: 'needs_correction' });
    expect(noComment.statusCode).toBe(400);
    const marked = await boss.post(`/api/calls/${target}/spot-check`, {
      result: 'needs_correction',
      comment: '未记录客户的联系邮箱',
    });
    expect(marked.json<Call>().spotCheck).toMatchObject({
      result: 'needs_correction',
      byUserId: supervisor.id,
    });
    // The agent sees the correction on their record.
    expect((await client.get(`/api/calls/${target}`)).json<Call>().spotCheck?.comment).toBe(
      '未记录客户的联系邮箱',
    );

    expect((await client.post(`/api/calls/${target}/reveal`)).statusCode).toBe(403);
    const revealed = await boss.post(`/api/calls/${target}/reveal`);
    expect(revealed.json().contactPhone).toBe('13912345678');
    const audit = (await admin.get(`/api/audit?entityType=call&entityId=${target}`)).json();
    expect(audit.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['call.contact_revealed', 'call.spot_checked']),
    );
  });

  it('the call-back of a missed call is closed once, by its owner', async () => {
    const { app } = context();
    const { signed, agent } = await callShop(context());
    const t = Date.now() - 60_000;
    await signedPost(app, url, signed, {
      eventId: 'x1',
      callId: 'cb',
      type: 'ringing',
      occurredAt: at(t, 0),
      extension: '801',
    });
    await signedPost(app, url, signed, { eventId: 'x2', callId: 'cb', type: 'ended', occurredAt: at(t, 20) });
    const client = await signIn(app, agent.login);
    const [call] = (await client.get('/api/calls?callback=open')).json<{ items: Call[] }>().items;
    const done = await client.post(`/api/callback-tasks/${call!.callback!.id}/done`);
    expect(done.json<Call>().callback?.status).toBe('done');
    expect((await client.post(`/api/callback-tasks/${call!.callback!.id}/done`)).json().error.code).toBe(
      'callback_closed',
    );
    expect((await client.get('/api/calls?callback=open')).json().items).toHaveLength(0);
  });
});
