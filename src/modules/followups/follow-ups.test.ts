// Acceptance 1 and 2 of issue 5 on both databases: resolving a work order creates the phone follow-up due 2
// workdays later on the shop's calendar (the 中秋节 holiday skipped); an undone task is recorded overdue once,
// naming its owner, and a late completion says so; an unsatisfied verdict heard on the follow-up call reopens the
// work order into its owner's list, a satisfied verdict through the customer's link closes it, and both are in the
// history and the profile timeline. Time is driven by the app's injectable clock.
import { expect, it } from 'vitest';
import type { DomainEvent } from '../../server/events.js';
import type { CustomerProfile } from '../../shared/schemas/customers.js';
import type { FollowUpTask } from '../../shared/schemas/follow-ups.js';
import type { WorkOrder, WorkOrderDetail } from '../../shared/schemas/work-orders.js';
import { anonymous, buildShop, buildStaff, signIn, type ApiClient } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';

const MINUTE = 60_000;
/** Thursday 2026-09-24 10:00 in Shanghai; Friday the 25th is 中秋节 in the seeded PRC schedule. */
const start = Date.UTC(2026, 8, 24, 2, 0);
let now = start;
const clock = () => now;
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDatabase(
  'follow-ups and verdicts',
  (context) => {
    const events: DomainEvent[] = [];
    let subscribed = false;

    async function setUp() {
      if (!subscribed) {
        subscribed = true;
        context().app.deps.bus.subscribe((event) => events.push(event));
      }
      now = start;
      const shop = await buildShop(context());
      const admin = await signIn(context().app, shop.admin.login);
      const holder = await buildStaff(context(), shop);
      const holderApi = await signIn(context().app, holder.login);
      const widgetKey = (await admin.get('/api/shop')).json<{ widgetKey: string }>().widgetKey;
      const session = await anonymous(context().app).post('/api/widget/session', { shopKey: widgetKey });
      expect(session.statusCode, session.body).toBe(200);
      const customerId = session.json<{ customerId: string }>().customerId;
      return { shop, admin, holder, holderApi, customerId };
    }

    async function resolvedWorkOrder(api: ApiClient, customerId: string, at: number): Promise<WorkOrder> {
      const created = await api.post('/api/work-orders', {
        type: 'complex_problem',
        title: '退款未到账',
        customerId,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<WorkOrderDetail>().workOrder.id;
      now = at;
      const resolved = await api.post(`/api/work-orders/${id}/transition`, { status: 'resolved' });
      expect(resolved.statusCode, resolved.body).toBe(200);
      await context().app.followUpJobs.idle();
      return resolved.json<WorkOrderDetail>().workOrder;
    }

    async function tasksOf(api: ApiClient, query = ''): Promise<FollowUpTask[]> {
      const response = await api.get(`/api/follow-ups${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: FollowUpTask[] }>().items;
    }

    const followUpEvents = (taskId: string) =>
      events.filter(
        (event) =>
          (event.type === 'followup.overdue' || event.type === 'followup.completed') &&
          event.taskId === taskId,
      );

    it('creates the phone follow-up 2 workdays after resolution, skipping the holiday, for the holder', async () => {
      const { shop, holder, holderApi, customerId } = await setUp();
      // Resolved Thursday 15:00; Friday is a holiday, then the weekend: due Tuesday 15:00, not Monday.
      const resolvedAt = Date.UTC(2026, 8, 24, 7, 0);
      const workOrder = await resolvedWorkOrder(holderApi, customerId, resolvedAt);
      const [task, ...others] = await tasksOf(holderApi);
      expect(others).toEqual([]);
      expect(task).toMatchObject({
        kind: 'phone',
        status: 'open',
        workOrderId: workOrder.id,
        customer: { id: customerId },
        owner: { id: holder.id },
        dueAt: iso(Date.UTC(2026, 8, 29, 7, 0)),
        overdue: false,
      });
      // The same resolution published again creates nothing new.
      context().app.deps.bus.publish([
        { type: 'workorder.changed', shopId: shop.id, workOrder, watchers: [] },
      ]);
      await context().app.followUpJobs.idle();
      expect(await tasksOf(holderApi)).toHaveLength(1);
    });

    it('records an undone follow-up once when it passes its due time, naming the owner, and a late completion', async () => {
      const { shop, admin, holder, holderApi, customerId } = await setUp();
      await resolvedWorkOrder(holderApi, customerId, Date.UTC(2026, 8, 24, 7, 0));
      const [task] = await tasksOf(holderApi);
      const dueAt = Date.parse(task!.dueAt);

      now = dueAt - 1000;
      await context().app.followUpJobs.tick();
      expect(followUpEvents(task!.id)).toEqual([]);

      now = dueAt + 5 * MINUTE;
      expect(await context().app.followUpJobs.tick()).toBeGreaterThanOrEqual(1);
      expect(await context().app.followUpJobs.tick()).toBe(0);
      expect(followUpEvents(task!.id)).toEqual([
        {
          type: 'followup.overdue',
          shopId: shop.id,
          taskId: task!.id,
          ownerId: holder.id,
          kind: 'phone',
          dueAt: iso(dueAt),
          at: iso(now),
        },
      ]);
      const overdue = await tasksOf(admin, '?status=overdue');
      expect(overdue).toEqual([
        expect.objectContaining({ id: task!.id, owner: { id: holder.id, displayName: holder.displayName } }),
      ]);

      now = dueAt + 60 * MINUTE;
      const done = await holderApi.post(`/api/follow-ups/${task!.id}/complete`, {
        reached: false,
        note: '',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<FollowUpTask>()).toMatchObject({ status: 'done', late: true, overdue: true });
      expect(followUpEvents(task!.id).at(-1)).toEqual({
        type: 'followup.completed',
        shopId: shop.id,
        taskId: task!.id,
        ownerId: holder.id,
        kind: 'phone',
        dueAt: iso(dueAt),
        completedAt: iso(now),
        late: true,
        formComplete: false,
      });
      // Still in the record of late or undone follow-ups, under its owner.
      expect((await tasksOf(admin, '?status=overdue')).map((item) => item.id)).toEqual([task!.id]);
      // A second completion is refused and changes nothing.
      const again = await holderApi.post(`/api/follow-ups/${task!.id}/complete`, {
        reached: true,
        satisfaction: 'satisfied',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('follow_up_closed');
    });

    it('refuses a reached customer without a satisfaction level and someone else’s task', async () => {
      const { shop, holderApi, customerId } = await setUp();
      await resolvedWorkOrder(holderApi, customerId, Date.UTC(2026, 8, 24, 7, 0));
      const [task] = await tasksOf(holderApi);
      const bad = await holderApi.post(`/api/follow-ups/${task!.id}/complete`, { reached: true });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
      const other = await signIn(context().app, (await buildStaff(context(), shop)).login);
      expect(
        (
          await other.post(`/api/follow-ups/${task!.id}/complete`, {
            reached: true,
            satisfaction: 'satisfied',
          })
        ).statusCode,
      ).toBe(404);
      expect((await tasksOf(holderApi))[0]?.status).toBe('open');
    });

    it('reopens the work order on an unsatisfied verdict and closes it on a satisfied one, in history and timeline', async () => {
      const { admin, holderApi, customerId } = await setUp();
      const workOrder = await resolvedWorkOrder(holderApi, customerId, Date.UTC(2026, 8, 24, 7, 0));
      const [task] = await tasksOf(holderApi);

      now = Date.UTC(2026, 8, 28, 3, 0);
      const completed = await holderApi.post(`/api/follow-ups/${task!.id}/complete`, {
        reached: true,
        satisfaction: 'unsatisfied',
        newProblems: '退款金额少了 20 元',
      });
      expect(completed.statusCode, completed.body).toBe(200);
      expect(completed.json<FollowUpTask>()).toMatchObject({
        late: false,
        result: { satisfaction: 'unsatisfied' },
      });

      const open = await holderApi.get('/api/work-orders?status=open');
      const reopened = open.json<{ items: WorkOrder[] }>().items.find((item) => item.id === workOrder.id);
      expect(reopened).toMatchObject({ status: 'reopened', satisfaction: 'unsatisfied', reopenCount: 1 });

      // Handled again and resolved: a second phone follow-up, and the questionnaire within 2 weeks now that the
      // customer is a repeat customer; the customer answers through their link.
      now = Date.UTC(2026, 8, 28, 6, 0);
      for (const status of ['in_progress', 'resolved'] as const) {
        const moved = await holderApi.post(`/api/work-orders/${workOrder.id}/transition`, { status });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      await context().app.followUpJobs.idle();
      expect((await tasksOf(holderApi, '?status=open')).map((item) => item.kind)).toEqual([
        'phone',
        'questionnaire',
      ]);
      const link = await holderApi.post(`/api/work-orders/${workOrder.id}/verdict-link`, {});
      expect(link.statusCode, link.body).toBe(201);
      const url = link.json<{ url: string }>().url;
      const token = url.replace('/s/', '');
      const customerView = await anonymous(context().app).get(`/api/public/surveys/${token}`);
      expect(customerView.json()).toMatchObject({ kind: 'verdict', answered: false });
      const answer = await anonymous(context().app).post(`/api/public/surveys/${token}`, {
        satisfaction: 'satisfied',
        comment: '这次满意',
      });
      expect(answer.statusCode, answer.body).toBe(200);

      const detail = (await holderApi.get(`/api/work-orders/${workOrder.id}`)).json<WorkOrderDetail>();
      expect(detail.workOrder).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
      const verdicts = detail.history.flatMap((entry) =>
        entry.kind === 'status' && entry.data.satisfaction ? [[entry.data.to, entry.data.satisfaction]] : [],
      );
      expect(verdicts).toEqual([
        ['reopened', 'unsatisfied'],
        ['closed', 'satisfied'],
      ]);

      const profile = (await admin.get(`/api/customers/${customerId}/profile`)).json<CustomerProfile>();
      const timelineVerdicts = profile.timeline
        .filter((item) => item.kind === 'verdict')
        .map((item) => item.status);
      expect(timelineVerdicts).toEqual(['satisfied', 'unsatisfied']);
      // Two phone follow-ups (one done with the unsatisfied verdict) and the questionnaire.
      expect(
        profile.timeline
          .filter((item) => item.kind === 'follow_up')
          .map((item) => item.status)
          .sort(),
      ).toEqual(['done', 'open', 'open']);
      expect(profile.timeline.some((item) => item.kind === 'work_order' && item.status === 'closed')).toBe(
        true,
      );
    });

    it('reopens a closed work order when the customer says later through their link that they are unsatisfied', async () => {
      const { holderApi, customerId } = await setUp();
      const workOrder = await resolvedWorkOrder(holderApi, customerId, Date.UTC(2026, 8, 24, 7, 0));
      const [task] = await tasksOf(holderApi);
      now = Date.UTC(2026, 8, 28, 3, 0);
      await holderApi.post(`/api/follow-ups/${task!.id}/complete`, {
        reached: true,
        satisfaction: 'basically_satisfied',
      });
      const link = await holderApi.post(`/api/work-orders/${workOrder.id}/verdict-link`, {});
      expect(link.statusCode, link.body).toBe(201);
      const token = link.json<{ url: string }>().url.replace('/s/', '');
      now += 60 * MINUTE;
      const answer = await anonymous(context().app).post(`/api/public/surveys/${token}`, {
        satisfaction: 'unsatisfied',
        comment: '又坏了',
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const detail = (await holderApi.get(`/api/work-orders/${workOrder.id}`)).json<WorkOrderDetail>();
      expect(detail.workOrder).toMatchObject({ status: 'reopened', satisfaction: 'unsatisfied' });
      expect(detail.history.at(-1)).toMatchObject({
        kind: 'status',
        actorId: null,
        body: '又坏了',
        data: { from: 'closed', to: 'reopened', satisfaction: 'unsatisfied', via: 'customer' },
      });
    });

    it('lets only a supervisor end the loop of a reopened work order, with a reason', async () => {
      const { admin, holderApi, customerId } = await setUp();
      const workOrder = await resolvedWorkOrder(holderApi, customerId, Date.UTC(2026, 8, 24, 7, 0));
      const verdict = await holderApi.post(`/api/work-orders/${workOrder.id}/verdict`, {
        satisfaction: 'unsatisfied',
        note: '客户坚持要求全额赔偿',
      });
      expect(verdict.json<WorkOrderDetail>().workOrder.status).toBe('reopened');
      expect(
        (await holderApi.post(`/api/work-orders/${workOrder.id}/close`, { reason: '已按政策处理' }))
          .statusCode,
      ).toBe(403);
      const noReason = await admin.post(`/api/work-orders/${workOrder.id}/close`, { reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      const closed = await admin.post(`/api/work-orders/${workOrder.id}/close`, {
        reason: '已按政策补偿 50 元，客户仍不满意',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const detail = closed.json<WorkOrderDetail>();
      expect(detail.workOrder).toMatchObject({ status: 'closed', satisfaction: 'unsatisfied' });
      expect(detail.history.at(-1)).toMatchObject({
        kind: 'status',
        body: '已按政策补偿 50 元，客户仍不满意',
        data: { from: 'reopened', to: 'closed', supervisorClose: true },
      });
    });

    it('creates the next-day follow-up of a consultation and lets an admin turn a rule off', async () => {
      const { shop, admin, holder, holderApi, customerId } = await setUp();
      // A chat closed Thursday 16:00: due at the end of the next workday, Monday 18:00 (Friday is the holiday).
      const closedAt = Date.UTC(2026, 8, 24, 8, 0);
      const conversation = {
        id: `conv-${holder.id}`,
        status: 'closed',
        agentId: holder.id,
        customer: { id: customerId, displayName: '访客', member: false },
        closedAt: iso(closedAt),
      } as never;
      context().app.deps.bus.publish([
        { type: 'conversation.changed', shopId: shop.id, conversation, previousAgentId: holder.id },
      ]);
      await context().app.followUpJobs.idle();
      expect(await tasksOf(holderApi)).toEqual([
        expect.objectContaining({ kind: 'consultation', dueAt: iso(Date.UTC(2026, 8, 28, 10, 0)) }),
      ]);

      const off = await admin.patch('/api/follow-up-rules/phone', { enabled: false });
      expect(off.statusCode, off.body).toBe(200);
      const badOwner = await admin.patch('/api/follow-up-rules/phone', { ownerMode: 'user' });
      expect(badOwner.json().error.code).toBe('follow_up_owner_required');
      expect(
        (await admin.get('/api/follow-up-rules')).json<{ items: Array<{ kind: string; enabled: boolean }> }>()
          .items,
      ).toContainEqual(expect.objectContaining({ kind: 'phone', enabled: false, ownerMode: 'handler' }));
      expect((await holderApi.patch('/api/follow-up-rules/phone', { enabled: true })).statusCode).toBe(403);
      await resolvedWorkOrder(holderApi, customerId, closedAt + MINUTE);
      expect((await tasksOf(holderApi)).map((task) => task.kind)).toEqual(['consultation']);
    });
  },
  { clock },
);
