// Acceptance 4 of issue 5 on both databases: an agent without customer.reveal_contact never receives a customer's
// phone number or e-mail unmasked, from any GET route of the API or any socket event during a chat. The routes are
// not a hand-kept list: every GET path of /openapi.json is called, each path parameter filled with every id the
// scenario made (customer, chat, work order, call, follow-up, suggestion, …), so routes added later are covered too.
// A reveal by a permitted user is in the audit log.
import { afterEach, expect, it } from 'vitest';
import type { FollowUpTask } from '../../shared/schemas/follow-ups.js';
import type { WorkOrderDetail } from '../../shared/schemas/work-orders.js';
import {
  eventually,
  listen,
  openCustomer,
  openStaff,
  type CustomerClient,
  type StaffClient,
} from '../../test/chat-clients.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';
import { rotateSecret, signedPost } from '../../test/webhooks.js';

const phone = '13912348765';
const email = 'li.si.private@example.com';
/** Every way the raw contacts could appear in a body. */
const secrets = [phone, '139 1234 8765', '139-1234-8765', '8613912348765', email, 'li.si.private'];

const aroundTheClock = { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' };

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((client) => client.close()));

interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean }> } | undefined>
  >;
}

describeEachDatabase('contacts never leave unmasked to an agent without the reveal permission', (context) => {
  let url = '';
  const baseUrl = async () => (url ||= await listen(context().app));

  function leaks(body: string): string[] {
    return secrets.filter((secret) => body.includes(secret));
  }

  it('covers every GET route of the API and every socket event of a chat; a permitted reveal is audited', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const hours = await admin.patch('/api/shop', { serviceHours: aroundTheClock });
    expect(hours.statusCode, hours.body).toBe(200);
    const shopKey = hours.json<{ widgetKey: string }>().widgetKey;

    // The agent: no reveal permission, online, and holder of everything below.
    const agent = await buildStaff(context(), shop, { groups: ['pre_sale'] });
    const agentApi = await signIn(context().app, agent.login);
    const socketEvents: Array<[string, string]> = [];
    const staff: StaffClient = await openStaff(await baseUrl(), agentApi);
    open.push(staff);
    staff.socket.onAny((event: string, ...args: unknown[]) =>
      socketEvents.push([event, JSON.stringify(args)]),
    );
    await eventually(async () => {
      const board = (await agentApi.get('/api/presence/agents')).json<{
        items: Array<{ userId: string; status: string }>;
      }>().items;
      return board.some((entry) => entry.userId === agent.id && entry.status === 'online');
    });

    // The customer chats, leaves a phone and an e-mail in their profile (as a supervisor would record them).
    const visitor: CustomerClient = await openCustomer(await baseUrl(), context().app, { shopKey });
    open.push(visitor);
    const customerId = visitor.session.customerId;
    const contacts = await admin.patch(`/api/customers/${customerId}`, { phone, email, tags: ['老客户'] });
    expect(contacts.statusCode, contacts.body).toBe(200);
    const sent = await visitor.send('你好，我的订单还没发货');
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    await eventually(() => visitor.updates.at(-1)?.agentId === agent.id);
    const conversationId = visitor.updates.at(-1)!.id;
    await staff.send(conversationId, '您好，我来帮您查一下');
    await eventually(() => visitor.received.some((message) => message.authorKind === 'agent'));

    // A call from the customer's number (PBX), a call logged by hand with both contacts, an order event.
    const secret = await rotateSecret(admin);
    const now = new Date().toISOString();
    for (const type of ['ringing', 'ended'] as const) {
      const event = await signedPost(
        context().app,
        '/api/webhooks/calls',
        { id: shop.id, secret },
        {
          eventId: `call-${type}`,
          callId: 'pbx-1',
          type,
          occurredAt: now,
          from: phone,
          extension: '801',
        },
      );
      expect(event.statusCode, event.body).toBe(200);
    }
    const manualCall = await agentApi.post('/api/calls', {
      customerName: '李四',
      contactPhone: phone,
      contactEmail: email,
      matterKind: 'question',
      matter: '询问发货时间',
      handling: '告知明天发货',
      customerReaction: '满意',
      recorded: false,
      recordingTold: false,
      direction: 'inbound',
      calledAt: now,
    });
    expect(manualCall.statusCode, manualCall.body).toBe(201);
    const orderEvent = await signedPost(
      context().app,
      '/api/webhooks/orders',
      { id: shop.id, secret },
      {
        events: [
          { eventId: 'o-1', kind: 'order_placed', orderNo: 'DD2026112300001', phone, occurredAt: now },
        ],
      },
    );
    expect(orderEvent.statusCode, orderEvent.body).toBe(200);

    // A work order from the chat, resolved (a follow-up task), a suggestion, a questionnaire sent to the customer.
    const workOrder = await agentApi.post('/api/work-orders', {
      type: 'complex_problem',
      title: '催发货',
      conversationId,
    });
    expect(workOrder.statusCode, workOrder.body).toBe(201);
    const workOrderId = workOrder.json<WorkOrderDetail>().workOrder.id;
    await agentApi.post(`/api/work-orders/${workOrderId}/transition`, { status: 'resolved' });
    await context().app.followUpJobs.idle();
    const departments = await admin.post('/api/departments', { name: '物流部' });
    expect(departments.statusCode, departments.body).toBe(201);
    const suggestion = await admin.post('/api/suggestions', {
      customerId,
      sourceKind: 'chat',
      sourceId: conversationId,
      text: '希望增加顺丰快递',
      departmentId: departments.json<{ id: string }>().id,
    });
    expect(suggestion.statusCode, suggestion.body).toBe(201);
    const questionnaire = await admin.post('/api/questionnaires', {
      title: '售后满意度',
      questions: [{ id: 'q1', kind: 'scale', text: '整体满意度', max: 5 }],
    });
    const questionnaireId = questionnaire.json<{ id: string }>().id;
    const links = await admin.post(`/api/questionnaires/${questionnaireId}/send`, {
      customerIds: [customerId],
    });
    const token = links.json<{ links: Array<{ url: string }> }>().links[0]!.url.replace('/s/', '');
    const tasks = (await agentApi.get('/api/follow-ups')).json<{ items: FollowUpTask[] }>().items;
    expect(tasks.length).toBeGreaterThan(0);
    const calls = (await agentApi.get('/api/calls')).json<{ items: Array<{ id: string }> }>().items;
    expect(calls.length).toBe(2);

    // Every id the scenario made fills every path parameter of every GET route.
    const ids = [
      customerId,
      conversationId,
      workOrderId,
      questionnaireId,
      token,
      suggestion.json<{ id: string }>().id,
      departments.json<{ id: string }>().id,
      agent.id,
      ...tasks.map((task) => task.id),
      ...calls.map((call) => call.id),
      'follow_up',
      'phone',
    ];
    const queryValues: Record<string, string[]> = { q: [phone, email, '李四', 'DD2026112300001'] };
    const spec = (await agentApi.get('/openapi.json')).json<OpenApi>();
    let answered = 0;
    let routes = 0;
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      const operation = methods.get;
      if (!operation || !path.startsWith('/api/')) continue;
      routes += 1;
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const required = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
      const queries =
        required.length === 0
          ? ['']
          : (queryValues[required[0]!.name] ?? []).map(
              (value) => `?${required[0]!.name}=${encodeURIComponent(value)}`,
            );
      let urls = [path];
      for (const name of pathParams) {
        urls = urls.flatMap((candidate) =>
          ids.map((id) => candidate.replace(`{${name}}`, encodeURIComponent(id))),
        );
      }
      for (const candidate of urls) {
        for (const query of queries) {
          const response = await agentApi.get(`${candidate}${query}`);
          expect(leaks(response.body), `${candidate}${query}`).toEqual([]);
          if (response.statusCode === 200) {
            answered += 1;
            checked.push(path);
          }
        }
      }
    }
    // The crawl really read the places the contacts live in, masked.
    expect(routes).toBeGreaterThan(25);
    expect(answered).toBeGreaterThan(25);
    for (const path of [
      '/api/customers/{id}/profile',
      '/api/customers/{id}',
      '/api/customer-search',
      '/api/calls',
      '/api/calls/{id}',
      '/api/work-orders/{id}',
      '/api/follow-ups',
      '/api/conversations/{id}/messages',
    ]) {
      if (spec.paths[path]?.get) expect(checked, path).toContain(path);
    }
    const profile = await agentApi.get(`/api/customers/${customerId}/profile`);
    expect(profile.json()).toMatchObject({
      customer: { phone: '139****8765', email: 'l***@example.com', tags: ['老客户'] },
      canReveal: false,
    });
    const search = await agentApi.get(`/api/customer-search?q=${phone}`);
    expect(search.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([
      customerId,
    ]);
    const byOrder = await agentApi.get('/api/customer-search?q=DD2026112300001');
    expect(byOrder.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([
      customerId,
    ]);

    // The socket: everything the agent heard during the chat, the work order and the follow-up.
    expect(socketEvents.length).toBeGreaterThan(3);
    for (const [event, payload] of socketEvents) expect(leaks(payload), event).toEqual([]);

    // The agent cannot reveal; the admin can, and the reveal is in the audit log with who did it.
    const refused = await agentApi.post(`/api/customers/${customerId}/reveal`);
    expect(refused.statusCode).toBe(403);
    const revealed = await admin.post(`/api/customers/${customerId}/reveal`);
    expect(revealed.json()).toEqual({ phone, email });
    const audit = await admin.get(`/api/audit?entityType=customer&entityId=${customerId}`);
    expect(
      audit.json<{ items: Array<{ action: string; actor: { id: string } | null }> }>().items,
    ).toContainEqual(
      expect.objectContaining({
        action: 'customer.contact_revealed',
        actor: expect.objectContaining({ id: shop.admin.id }),
      }),
    );
    // The contact change itself was audited without the values.
    expect(leaks(audit.body)).toEqual([]);
  });

  it('answers search and profile of another shop’s customer with nothing', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const other = await buildShop(context());
    const otherAdmin: ApiClient = await signIn(context().app, other.admin.login);
    const key = (await admin.get('/api/shop')).json<{ widgetKey: string }>().widgetKey;
    const session = await context().app.inject({
      method: 'POST',
      url: '/api/widget/session',
      payload: { shopKey: key },
    });
    const customerId = session.json<{ customerId: string }>().customerId;
    await admin.patch(`/api/customers/${customerId}`, { phone });
    expect((await otherAdmin.get(`/api/customers/${customerId}/profile`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/customers/${customerId}/reveal`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/customer-search?q=${phone}`)).json()).toEqual({ items: [] });
  });
});
