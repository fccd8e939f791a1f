// Acceptance 4 of issue 4 on both databases: a work order's clock pauses while it waits on the customer, resumes,
// warns and breaches on time, the breach names the agent; an extension without a reason is refused and changes
// nothing; access is scoped to shop and role. Time is driven by the app's injectable clock, never by sleeping.
import { afterEach, expect, it } from 'vitest';
import type { DomainEvent } from '../../server/events.js';
import type { CommerceEvent } from '../../shared/commerce.js';
import type { SlaAlert, SlaClock } from '../../shared/schemas/sla.js';
import type { WorkOrder, WorkOrderDetail } from '../../shared/schemas/work-orders.js';
import { eventually, listen, openCustomer, openStaff, type CustomerClient } from '../../test/chat-clients.js';
import { buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';
import { sweepSla } from '../sla/service.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { ownerOfOrderSubject } from './service.js';

const MINUTE = 60_000;
/** Wednesday 2026-05-06 10:00 in Shanghai. */
const start = Date.UTC(2026, 4, 6, 2, 0);
let now = start;
const clock = () => now;
const iso = (ms: number) => new Date(ms).toISOString();

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((client) => client.close()));

describeEachDatabase(
  'work orders and their SLA clocks',
  (context) => {
    const events: DomainEvent[] = [];
    let url = '';
    const baseUrl = async () => (url ||= await listen(context().app));
    const subscribed = { done: false };
    const recordEvents = () => {
      if (subscribed.done) return;
      subscribed.done = true;
      context().app.deps.bus.subscribe((event) => events.push(event));
    };

    async function setUp() {
      recordEvents();
      now = start;
      const shop = await buildShop(context());
      const admin = await signIn(context().app, shop.admin.login);
      const holder = await buildStaff(context(), shop);
      const creator = await buildStaff(context(), shop);
      return {
        shop,
        admin,
        holder,
        holderApi: await signIn(context().app, holder.login),
        creatorApi: await signIn(context().app, creator.login),
      };
    }

    async function create(api: ApiClient, body: object): Promise<WorkOrderDetail> {
      const response = await api.post('/api/work-orders', body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<WorkOrderDetail>();
    }

    async function show(api: ApiClient, id: string): Promise<WorkOrderDetail> {
      const response = await api.get(`/api/work-orders/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<WorkOrderDetail>();
    }

    async function move(api: ApiClient, id: string, status: string, extra: object = {}) {
      const response = await api.post(`/api/work-orders/${id}/transition`, { status, ...extra });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<WorkOrderDetail>();
    }

    const clockOf = (order: WorkOrder, key: string): SlaClock => {
      const found = order.clocks.find((candidate) => candidate.policyKey === key);
      if (!found) throw new Error(`no ${key} clock on ${order.number}`);
      return found;
    };
    const sweep = () => context().app.slaJobs.tick();
    const alertsOf = (workOrderId: string) =>
      events.flatMap((event) =>
        (event.type === 'sla.warning' || event.type === 'sla.breached') &&
        event.alert.workOrderId === workOrderId
          ? [{ type: event.type, ...event.alert }]
          : [],
      );

    it('pauses while waiting on the customer, resumes, warns and breaches on time and names the agent', async () => {
      const { admin, holder, creatorApi, holderApi } = await setUp();
      const created = await create(creatorApi, {
        type: 'urgent',
        title: '快递显示签收但客户未收到',
        assignTo: { kind: 'agent', agentId: holder.id },
      });
      const id = created.workOrder.id;
      expect(clockOf(created.workOrder, 'urgent_resolution')).toMatchObject({
        phase: 'running',
        state: 'ok',
        dueAt: iso(start + 60 * MINUTE),
        warnAt: iso(start + 45 * MINUTE),
      });

      now = start + 20 * MINUTE;
      const waiting = await move(holderApi, id, 'waiting_customer', { note: '请客户提供快递面单照片' });
      expect(clockOf(waiting.workOrder, 'urgent_resolution')).toMatchObject({ phase: 'paused', dueAt: null });

      // Two hours waiting on the customer: nothing warns, nothing breaches.
      now = start + 140 * MINUTE;
      expect(await sweep()).toEqual({ warnings: 0, breaches: 0 });

      const resumed = await move(holderApi, id, 'in_progress');
      const resolution = clockOf(resumed.workOrder, 'urgent_resolution');
      expect(resolution).toMatchObject({
        phase: 'running',
        state: 'ok',
        dueAt: iso(now + 40 * MINUTE),
        warnAt: iso(now + 25 * MINUTE),
      });

      now = Date.parse(resolution.warnAt ?? '') - 1000;
      expect(await sweep()).toEqual({ warnings: 0, breaches: 0 });
      now += 1000;
      expect((await sweep()).warnings).toBeGreaterThanOrEqual(1);
      expect(clockOf((await show(holderApi, id)).workOrder, 'urgent_resolution').state).toBe('warning');

      now = Date.parse(resolution.dueAt ?? '') - 1000;
      expect((await sweep()).breaches).toBe(0);
      now += 1000;
      expect((await sweep()).breaches).toBeGreaterThanOrEqual(1);
      // A second sweep, and a sweep from a second process on the same database, record nothing again.
      const second = context().testDatabase.reopen();
      try {
        const twice = await Promise.all([
          sweep(),
          sweepSla({
            db: second.db,
            bus: context().app.deps.bus,
            now: clock,
            calendarOf: getBusinessCalendar,
            subjectOwner: ownerOfOrderSubject,
          }),
        ]);
        expect(twice).toEqual([
          { warnings: 0, breaches: 0 },
          { warnings: 0, breaches: 0 },
        ]);
      } finally {
        await second.close();
      }

      const breaches = alertsOf(id).filter((alert) => alert.policyKey === 'urgent_resolution');
      expect(breaches.map((alert) => alert.type)).toEqual(['sla.warning', 'sla.breached']);
      expect(breaches[1]).toMatchObject({ agentId: holder.id, dueAt: resolution.dueAt, at: iso(now) });

      // Listed for the agent and for the supervisors; the work order shows as overdue.
      const mine = (await holderApi.get('/api/sla/alerts?kind=breach')).json<{ items: SlaAlert[] }>().items;
      expect(
        mine
          .filter((alert) => alert.workOrderId === id)
          .map((alert) => alert.policyKey)
          .sort(),
      ).toEqual(['urgent_reply', 'urgent_resolution']);
      const shopWide = await admin.get(`/api/sla/alerts?scope=shop&agentId=${holder.id}&open=true`);
      expect(shopWide.json<{ items: SlaAlert[] }>().items.length).toBeGreaterThanOrEqual(2);
      expect((await holderApi.get('/api/sla/alerts?scope=shop')).statusCode).toBe(403);
      const overdue = (await holderApi.get('/api/work-orders?overdue=true')).json<{ items: WorkOrder[] }>();
      expect(overdue.items.map((order) => order.id)).toEqual([id]);

      // Resolving stops the clock: it stays breached, and nothing more is recorded.
      const resolved = await move(holderApi, id, 'resolved');
      expect(clockOf(resolved.workOrder, 'urgent_resolution')).toMatchObject({
        phase: 'stopped',
        state: 'breached',
      });
      now += 60 * MINUTE;
      expect(await sweep()).toEqual({ warnings: 0, breaches: 0 });
    });

    it('a clock stopped in time is met and records nothing; the history keeps every step', async () => {
      const { creatorApi } = await setUp();
      const created = await create(creatorApi, { type: 'delivery', title: '催件' });
      const id = created.workOrder.id;
      now = start + 10 * MINUTE;
      await move(creatorApi, id, 'in_progress');
      now = start + 30 * MINUTE;
      const resolved = await move(creatorApi, id, 'resolved');
      expect(clockOf(resolved.workOrder, 'urgent_resolution')).toMatchObject({
        phase: 'stopped',
        state: 'met',
      });
      now = start + 300 * MINUTE;
      await sweep();
      expect(alertsOf(id).filter((alert) => alert.policyKey === 'urgent_resolution')).toEqual([]);
      await move(creatorApi, id, 'awaiting_verdict');
      const reopened = await move(creatorApi, id, 'reopened');
      expect(reopened.workOrder).toMatchObject({ satisfaction: 'unsatisfied', reopenCount: 1 });
      // Handled again: a fresh resolution clock runs from the reopening.
      expect(
        reopened.workOrder.clocks.find(
          (clock) => clock.policyKey === 'urgent_resolution' && clock.phase === 'running',
        ),
      ).toMatchObject({ dueAt: iso(now + 60 * MINUTE) });
      const history = reopened.history.map((entry) => [entry.kind, entry.data.to ?? null]);
      expect(history).toEqual([
        ['created', null],
        ['status', 'in_progress'],
        ['status', 'resolved'],
        ['status', 'awaiting_verdict'],
        ['status', 'reopened'],
      ]);
    });

    it('refuses illegal steps with 409 and a code, and closing an unsatisfied customer', async () => {
      const { creatorApi } = await setUp();
      const { workOrder } = await create(creatorApi, { type: 'urgent', title: '加急' });
      const skip = await creatorApi.post(`/api/work-orders/${workOrder.id}/transition`, { status: 'closed' });
      expect(skip.statusCode).toBe(409);
      expect(skip.json().error.code).toBe('illegal_transition');
      await move(creatorApi, workOrder.id, 'resolved');
      await move(creatorApi, workOrder.id, 'awaiting_verdict');
      const unhappy = await creatorApi.post(`/api/work-orders/${workOrder.id}/transition`, {
        status: 'closed',
        satisfaction: 'unsatisfied',
      });
      expect(unhappy.statusCode).toBe(409);
      expect(unhappy.json().error.code).toBe('unsatisfied_cannot_close');
      expect((await show(creatorApi, workOrder.id)).workOrder.status).toBe('awaiting_verdict');
    });

    it('extending without a reason is refused and changes nothing; with one the clock is due at the new ETA', async () => {
      const { holder, creatorApi, holderApi } = await setUp();
      const { workOrder } = await create(creatorApi, {
        type: 'urgent',
        title: '补发配件',
        assignTo: { kind: 'agent', agentId: holder.id },
      });
      const before = await show(holderApi, workOrder.id);
      now = start + 50 * MINUTE;
      for (const reason of ['', '   ']) {
        const refused = await holderApi.post(`/api/work-orders/${workOrder.id}/extend`, {
          reason,
          newDueAt: iso(start + 180 * MINUTE),
        });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().error.code).toBe('extension_reason_required');
      }
      const noReason = await holderApi.post(`/api/work-orders/${workOrder.id}/extend`, {
        newDueAt: iso(start + 180 * MINUTE),
      });
      expect(noReason.statusCode).toBe(400);
      now = start;
      expect(await show(holderApi, workOrder.id)).toEqual(before);

      now = start + 50 * MINUTE;
      const extended = await holderApi.post(`/api/work-orders/${workOrder.id}/extend`, {
        reason: '仓库盘点，配件明早到货',
        newDueAt: iso(start + 180 * MINUTE),
      });
      expect(extended.statusCode, extended.body).toBe(200);
      const detail = extended.json<WorkOrderDetail>();
      expect(clockOf(detail.workOrder, 'urgent_resolution').dueAt).toBe(iso(start + 180 * MINUTE));
      expect(detail.workOrder.deadline).toBe(iso(start + 180 * MINUTE));
      expect(detail.history.at(-1)).toMatchObject({ kind: 'extended', body: '仓库盘点，配件明早到货' });
      expect(String(detail.history.at(-1)?.data.notice)).toContain('2026-05-06 13:00');
    });

    it('scopes work orders to the shop and to who holds them', async () => {
      const { shop, admin, holder, creatorApi, holderApi } = await setUp();
      const complaintMember = await buildStaff(context(), shop, { role: 'complaint_team' });
      const complaintApi = await signIn(context().app, complaintMember.login);
      const bystander = await signIn(context().app, (await buildStaff(context(), shop)).login);
      const { workOrder } = await create(creatorApi, {
        type: 'complaint',
        title: '商品破损',
        complaintCategory: 'product_quality',
        assignTo: { kind: 'agent', agentId: holder.id },
      });
      const team = await create(creatorApi, {
        type: 'complaint',
        title: '客服态度',
        complaintCategory: 'attitude',
        assignTo: { kind: 'complaint_team' },
        keyPoints: '客户三次来电未解决',
      });

      expect((await bystander.get(`/api/work-orders/${workOrder.id}`)).statusCode).toBe(404);
      expect((await bystander.get('/api/work-orders')).json().items).toEqual([]);
      const bystanderMove = await bystander.post(`/api/work-orders/${workOrder.id}/transition`, {
        status: 'solution',
      });
      expect(bystanderMove.statusCode).toBe(404);
      expect((await show(holderApi, workOrder.id)).workOrder.title).toBe('商品破损');
      expect((await admin.get('/api/work-orders')).json().items).toHaveLength(2);

      // The complaint team sees what is handed to it, not the rest, and acting on it makes it theirs.
      const teamList = (await complaintApi.get('/api/work-orders')).json<{ items: WorkOrder[] }>().items;
      expect(teamList.map((order) => order.id)).toEqual([team.workOrder.id]);
      expect((await complaintApi.get(`/api/work-orders/${workOrder.id}`)).statusCode).toBe(404);
      const taken = await move(complaintApi, team.workOrder.id, 'solution');
      expect(taken.workOrder.assignment).toMatchObject({ kind: 'agent', agentId: complaintMember.id });

      const other = await buildShop(context());
      const otherAdmin = await signIn(context().app, other.admin.login);
      expect((await otherAdmin.get(`/api/work-orders/${workOrder.id}`)).statusCode).toBe(404);
      expect((await otherAdmin.get('/api/work-orders')).json().items).toEqual([]);
      const foreignAssign = await admin.post(`/api/work-orders/${workOrder.id}/assign`, {
        target: { kind: 'agent', agentId: other.admin.id },
      });
      expect(foreignAssign.statusCode).toBe(409);
      expect(foreignAssign.json().error.code).toBe('invalid_assignee');
    });

    it('turns a chat into a complaint: the apology is offered and replies reach the customer', async () => {
      const { shop, admin } = await setUp();
      const shopKey = (
        await admin.patch('/api/shop', {
          serviceHours: { opensAt: '00:00', closesAt: '00:00', offHoursReplyBy: '09:30' },
        })
      ).json().widgetKey as string;
      const agent = await buildStaff(context(), shop);
      const agentApi = await signIn(context().app, agent.login);
      const staff = await openStaff(await baseUrl(), agentApi);
      open.push(staff);
      await eventually(async () =>
        (await admin.get('/api/presence/agents'))
          .json<{ items: Array<{ userId: string; status: string }> }>()
          .items.some((entry) => entry.userId === agent.id && entry.status === 'online'),
      );
      const visitor: CustomerClient = await openCustomer(await baseUrl(), context().app, { shopKey });
      open.push(visitor);
      const sent = await visitor.send('买的杯子收到就是碎的，太失望了');
      if (!sent.ok) throw new Error(sent.error.message);
      const conversationId = sent.data.message.conversationId;
      await eventually(() => visitor.updates.at(-1)?.agentId === agent.id);

      const created = await create(agentApi, {
        type: 'complaint',
        title: '杯子破损',
        conversationId,
        complaintCategory: 'product_quality',
      });
      expect(created.workOrder.customer?.id).toBe(sent.data.conversation?.customer.id);
      expect(created.workOrder.sourceKind).toBe('chat');
      expect(created.apologyText).toContain('非常抱歉');

      const replied = await agentApi.post(`/api/work-orders/${created.workOrder.id}/replies`, {
        text: created.apologyText,
        internal: false,
      });
      expect(replied.statusCode, replied.body).toBe(200);
      expect(replied.json<WorkOrderDetail>().apologyText).toBeNull();
      await agentApi.post(`/api/work-orders/${created.workOrder.id}/replies`, {
        text: '客户情绪激动，需优先处理',
        internal: true,
      });
      await eventually(() => visitor.received.some((message) => message.text.includes('非常抱歉')));
      expect(visitor.received.some((message) => message.text.includes('情绪激动'))).toBe(false);
      const history = (await show(agentApi, created.workOrder.id)).history;
      expect(history.map((entry) => entry.kind)).toEqual(['created', 'reply', 'note']);
      expect(history[1]?.conversationId).toBe(conversationId);
    });

    it('an anomaly report opens an order-anomaly work order once; its breach names the holder', async () => {
      const { shop, admin, holder } = await setUp();
      const report: CommerceEvent = {
        id: `ev-${shop.id}`,
        kind: 'anomaly_reported',
        orderNo: 'DD20260506001',
        subjectKey: 'DD20260506001',
        customerId: null,
        occurredAt: start,
        amountFen: null,
      };
      const publish = () =>
        context().app.deps.bus.publish([{ type: 'commerce.recorded', shopId: shop.id, events: [report] }]);
      publish();
      publish();
      let anomaly: WorkOrder | undefined;
      await eventually(async () => {
        const items = (await admin.get('/api/work-orders?type=order_anomaly')).json<{ items: WorkOrder[] }>()
          .items;
        anomaly = items[0];
        return items.length === 1;
      });
      await context().app.slaJobs.idle();
      expect((await admin.get('/api/work-orders?type=order_anomaly')).json().items).toHaveLength(1);
      await admin.post(`/api/work-orders/${anomaly?.id}/assign`, {
        target: { kind: 'agent', agentId: holder.id },
      });
      now = start + 24 * 60 * MINUTE;
      await sweep();
      const breach = events.find(
        (event) =>
          event.type === 'sla.breached' &&
          event.alert.policyKey === 'anomaly_verification' &&
          event.alert.subjectKey === 'DD20260506001',
      );
      expect(breach).toMatchObject({ alert: { agentId: holder.id, workOrderId: anomaly?.id } });
    });
  },
  { clock },
);
