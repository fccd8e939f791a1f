import { expect, it } from 'vitest';
import { buildShop, buildStaff, signIn, snapshotDatabase } from '../../test/factories.js';
import { describeEachDatabase, type TestContext } from '../../test/harness.js';
import {
  seedCall,
  seedConversation,
  seedCustomer,
  seedCutoffBreach,
  seedIdleEvent,
  seedPromotion,
} from '../../test/quality-activity.js';
import type { Ledger, LedgerEntry } from '../../shared/schemas/quality.js';

// The week of 2026-11-16 (Monday) to 2026-11-22 in Asia/Shanghai; "now" is the Tuesday after.
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const weekStart = shanghai('2026-11-16T00:00:00');
const weekEnd = shanghai('2026-11-23T00:00:00');
let now = shanghai('2026-11-24T14:00:00');
const clock = () => now;

/** A shop with two agents, a supervisor, and a week of activity that breaks each automatic rule once or more. */
async function weekOfActivity(context: TestContext) {
  const db = context.database.db;
  const shop = await buildShop(context);
  const agent = await buildStaff(context, shop);
  const other = await buildStaff(context, shop);
  const supervisor = await buildStaff(context, shop, { role: 'supervisor' });
  const customer = await seedCustomer(db, shop.id);

  const evidence: Record<string, string> = {};
  // Monday: a first reply after 80 s and a bad rating without text.
  evidence.lateReply = (
    await seedConversation(db, shop.id, {
      agentId: agent.id,
      customerId: customer,
      assignedAt: shanghai('2026-11-16T10:00:00'),
      messages: [
        { author: 'customer', text: '有货吗？', after: 0 },
        { author: 'agent', text: '有的', after: 80 },
      ],
      closed: true,
      rating: { score: 'bad' },
    })
  ).id;
  // Tuesday: a customer nobody answered.
  evidence.missed = (
    await seedConversation(db, shop.id, {
      agentId: agent.id,
      customerId: customer,
      assignedAt: shanghai('2026-11-17T11:00:00'),
      messages: [{ author: 'customer', text: '在吗', after: 0 }],
      closed: true,
    })
  ).id;
  // Wednesday: a bad rating with written text.
  evidence.badText = (
    await seedConversation(db, shop.id, {
      agentId: agent.id,
      customerId: customer,
      assignedAt: shanghai('2026-11-18T15:00:00'),
      messages: [
        { author: 'customer', text: '怎么还不发货', after: 0 },
        { author: 'agent', text: '您好，马上为您查询', after: 10 },
      ],
      closed: true,
      rating: { score: 'bad', comment: '态度很差' },
    })
  ).id;
  // The other agent: a prompt, well-rated chat breaks nothing.
  await seedConversation(db, shop.id, {
    agentId: other.id,
    customerId: customer,
    assignedAt: shanghai('2026-11-17T09:30:00'),
    messages: [
      { author: 'customer', text: '你好', after: 0 },
      { author: 'agent', text: '您好，请问有什么可以帮您', after: 5 },
    ],
    closed: true,
    rating: { score: 'good' },
  });
  evidence.idle = await seedIdleEvent(db, shop.id, agent.id, shanghai('2026-11-17T14:00:00'));
  evidence.call = await seedCall(db, shop.id, {
    agentId: agent.id,
    startedAt: shanghai('2026-11-19T10:00:00'),
    ringsBeforeAnswer: 12,
  });
  // A call answered at the 4th ring is within seed 003's 10 rings.
  await seedCall(db, shop.id, {
    agentId: other.id,
    startedAt: shanghai('2026-11-19T10:05:00'),
    ringsBeforeAnswer: 4,
  });
  evidence.cutoff = await seedCutoffBreach(
    db,
    shop.id,
    agent.id,
    evidence.missed,
    shanghai('2026-11-19T12:00:00'),
  );
  evidence.promotion = await seedPromotion(
    db,
    shop.id,
    shanghai('2026-11-01T00:00:00'),
    shanghai('2026-11-16T00:00:00'),
  );
  return { shop, agent, other, supervisor, evidence };
}

const pointsOf = (entries: LedgerEntry[], userId: string, ruleKey: string) =>
  entries
    .filter((entry) => entry.userId === userId && entry.ruleKey === ruleKey)
    .map((entry) => entry.points);

describeEachDatabase(
  'discipline ledger: automatic detection, doubling, appeals and who sees what',
  (context) => {
    it('a week of activity yields one entry per violation, each with its evidence; running again adds nothing', async () => {
      now = shanghai('2026-11-24T14:00:00');
      const { app } = context();
      const { shop, agent, other, supervisor, evidence } = await weekOfActivity(context());
      const agentApi = await signIn(app, agent.login);
      const boss = await signIn(app, supervisor.login);

      // Daily reports: Monday's in on time (Tuesday 09:00), Tuesday's late (Wednesday 11:00), Wednesday's never.
      now = shanghai('2026-11-17T09:00:00');
      expect(
        (await agentApi.post('/api/daily-reports', { day: '2026-11-16', content: '接待 1 人' })).statusCode,
      ).toBe(201);
      now = shanghai('2026-11-18T11:00:00');
      const late = await agentApi.post('/api/daily-reports', { day: '2026-11-17', content: '接待 1 人' });
      expect(late.statusCode).toBe(201);
      expect(late.json().late).toBe(true);
      const again = await agentApi.post('/api/daily-reports', { day: '2026-11-17', content: '再交一次' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('daily_report_exists');
      now = shanghai('2026-11-24T14:00:00');

      // Follow-ups (issue 5 emits these): three not done the next day, the third doubled; one form missing.
      const bus = app.deps.bus;
      for (const task of ['t1', 't2', 't3', 't3']) {
        bus.publish([
          {
            type: 'followup.overdue',
            shopId: shop.id,
            taskId: task,
            ownerId: agent.id,
            kind: 'consultation_next_day',
            dueAt: '2026-11-20T04:00:00.000Z',
            at: `2026-11-20T0${task.slice(1)}:30:00.000Z`,
          },
        ]);
      }
      bus.publish([
        {
          type: 'followup.completed',
          shopId: shop.id,
          taskId: 't4',
          ownerId: agent.id,
          kind: 'resolution_call',
          dueAt: '2026-11-20T04:00:00.000Z',
          completedAt: '2026-11-20T03:00:00.000Z',
          late: false,
          formComplete: false,
        },
        {
          type: 'followup.completed',
          shopId: shop.id,
          taskId: 't5',
          ownerId: agent.id,
          kind: 'resolution_call',
          dueAt: '2026-11-20T04:00:00.000Z',
          completedAt: '2026-11-20T03:00:00.000Z',
          late: false,
          formComplete: true,
        },
      ]);
      await app.disciplineJobs.idle();

      const range = { from: new Date(weekStart).toISOString(), to: new Date(weekEnd).toISOString() };
      const first = await boss.post('/api/discipline/detect', range);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().byRule).toEqual({
        first_reply_late: 1,
        missed_customer: 1,
        idle_online: 1,
        message_cutoff: 1,
        promotion_expired: 1,
        call_unanswered: 1,
        bad_rating: 1,
        bad_rating_text: 1,
        daily_report_late: 3,
      });
      const second = await boss.post('/api/discipline/detect', range);
      expect(second.json()).toEqual({ created: 0, byRule: {} });

      const ledger = (await boss.get('/api/discipline/ledger?month=2026-11')).json<Ledger>();
      const entries = ledger.entries;
      expect(pointsOf(entries, agent.id, 'first_reply_late')).toEqual([0.5]);
      expect(pointsOf(entries, agent.id, 'missed_customer')).toEqual([1]);
      expect(pointsOf(entries, agent.id, 'idle_online')).toEqual([1]);
      expect(pointsOf(entries, supervisor.id, 'idle_online')).toEqual([2]);
      expect(pointsOf(entries, agent.id, 'message_cutoff')).toEqual([1.5]);
      expect(pointsOf(entries, supervisor.id, 'promotion_expired')).toEqual([0.5]);
      expect(pointsOf(entries, agent.id, 'call_unanswered')).toEqual([1]);
      expect(pointsOf(entries, agent.id, 'bad_rating')).toEqual([3]);
      expect(pointsOf(entries, agent.id, 'bad_rating_text')).toEqual([5]);
      expect(pointsOf(entries, agent.id, 'daily_report_late')).toEqual([1.5, 1.5]);
      expect(pointsOf(entries, agent.id, 'followup_form_missing')).toEqual([1]);
      const followups = entries
        .filter((entry) => entry.ruleKey === 'followup_late')
        .sort((a, b) => a.repeatNo - b.repeatNo);
      expect(followups.map((entry) => [entry.repeatNo, entry.points, entry.doubled])).toEqual([
        [1, 0.5, false],
        [2, 0.5, false],
        [3, 1, true],
      ]);
      // The other agent served on Tuesday and never sent that day's report: that is all they broke.
      expect(entries.filter((entry) => entry.userId === other.id).map((entry) => entry.ruleKey)).toEqual([
        'daily_report_late',
      ]);

      // Each entry points at its evidence.
      const evidenceOf = (ruleKey: string) =>
        entries
          .filter((entry) => entry.ruleKey === ruleKey)
          .map((entry) => [entry.evidenceKind, entry.evidenceId]);
      expect(evidenceOf('first_reply_late')).toEqual([['conversation', evidence.lateReply]]);
      expect(evidenceOf('missed_customer')).toEqual([['conversation', evidence.missed]]);
      expect(evidenceOf('bad_rating')).toEqual([['conversation', evidence.lateReply]]);
      expect(evidenceOf('bad_rating_text')).toEqual([['conversation', evidence.badText]]);
      expect(evidenceOf('idle_online')).toEqual([
        ['idle_event', evidence.idle],
        ['idle_event', evidence.idle],
      ]);
      expect(evidenceOf('call_unanswered')).toEqual([['call', evidence.call]]);
      expect(evidenceOf('message_cutoff')).toEqual([['sla_alert', evidence.cutoff]]);
      expect(evidenceOf('promotion_expired')).toEqual([['auto_reply', evidence.promotion]]);
      expect(evidenceOf('followup_form_missing')).toEqual([['followup', 't4']]);
      const reports = entries
        .filter((entry) => entry.ruleKey === 'daily_report_late' && entry.userId === agent.id)
        .map((entry) => entry.note);
      expect(reports.sort()).toEqual(['2026-11-17', '2026-11-18']);

      // Monthly totals: 0.5 + 1 + 1 + 1.5 + 1 + 3 + 5 + 3 + (0.5 + 0.5 + 1) + 1 = 19 for the agent.
      const totalOf = (l: Ledger, userId: string) =>
        l.totals.find((total) => total.userId === userId)?.points;
      expect(totalOf(ledger, agent.id)).toBe(19);
      expect(totalOf(ledger, supervisor.id)).toBe(2.5);
      const own = (await agentApi.get('/api/discipline/ledger?month=2026-11')).json<Ledger>();
      expect(own.totals).toEqual([
        { userId: agent.id, userName: agent.displayName, points: 19, entries: 13 },
      ]);

      // An agent appeals the bad rating; a supervisor upholds it: a reversal entry, the total drops, nothing deleted.
      const badRating = entries.find((entry) => entry.ruleKey === 'bad_rating')!;
      const appeal = await agentApi.post(`/api/discipline/entries/${badRating.id}/appeal`, {
        reason: '顾客误评',
      });
      expect(appeal.statusCode, appeal.body).toBe(201);
      expect(
        (await agentApi.post(`/api/discipline/entries/${badRating.id}/appeal`, { reason: '再申诉' })).json()
          .error.code,
      ).toBe('appeal_exists');
      const decided = await boss.post(`/api/appeals/${appeal.json().id}/decision`, {
        decision: 'upheld',
        note: '核实为误评',
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(
        (await boss.post(`/api/appeals/${appeal.json().id}/decision`, { decision: 'rejected' })).json().error
          .code,
      ).toBe('appeal_decided');
      const after = (await agentApi.get('/api/discipline/ledger?month=2026-11')).json<Ledger>();
      expect(totalOf(after, agent.id)).toBe(16);
      const reversal = after.entries.find((entry) => entry.reversesId === badRating.id)!;
      expect(reversal).toMatchObject({ kind: 'reversal', points: -3 });
      expect(after.entries.find((entry) => entry.id === badRating.id)).toMatchObject({
        reversed: true,
        points: 3,
        appeal: { status: 'upheld' },
      });
      expect(totalOf((await boss.get('/api/discipline/ledger?month=2026-11')).json<Ledger>(), agent.id)).toBe(
        16,
      );
    });

    it('an agent sees only their own ledger and entries: anyone else’s is 404', async () => {
      now = shanghai('2026-11-24T14:00:00');
      const { app } = context();
      const { agent, other, supervisor } = await weekOfActivity(context());
      const boss = await signIn(app, supervisor.login);
      await boss.post('/api/discipline/detect', {
        from: new Date(weekStart).toISOString(),
        to: new Date(weekEnd).toISOString(),
      });
      const entry = (await boss.get(`/api/discipline/ledger?month=2026-11&userId=${agent.id}`)).json<Ledger>()
        .entries[0]!;
      const otherApi = await signIn(app, other.login);
      expect((await otherApi.get(`/api/discipline/ledger?month=2026-11&userId=${agent.id}`)).statusCode).toBe(
        404,
      );
      expect((await otherApi.get(`/api/discipline/entries/${entry.id}`)).statusCode).toBe(404);
      expect(
        (await otherApi.post(`/api/discipline/entries/${entry.id}/appeal`, { reason: 'x' })).statusCode,
      ).toBe(404);
      const own = (await otherApi.get('/api/discipline/ledger?month=2026-11')).json<Ledger>();
      expect(own.entries.map((e) => [e.userId, e.ruleKey])).toEqual([[other.id, 'daily_report_late']]);
      expect((await otherApi.post('/api/discipline/detect', {})).statusCode).toBe(403);
      expect(
        (
          await otherApi.post('/api/discipline/entries', {
            userId: agent.id,
            ruleKey: 'lunch_absence',
            occurredAt: new Date(now).toISOString(),
            note: 'x',
          })
        ).statusCode,
      ).toBe(403);
      const agentApi = await signIn(app, agent.login);
      expect((await agentApi.get(`/api/discipline/entries/${entry.id}`)).statusCode).toBe(200);
    });

    it('a supervisor adds an entry by hand with its evidence; the evidence is required', async () => {
      now = shanghai('2026-11-24T14:00:00');
      const { app } = context();
      const shop = await buildShop(context());
      const agent = await buildStaff(context(), shop);
      const supervisor = await buildStaff(context(), shop, { role: 'supervisor' });
      const boss = await signIn(app, supervisor.login);
      const body = {
        userId: agent.id,
        ruleKey: 'wrong_promise',
        occurredAt: new Date(shanghai('2026-11-24T10:00:00')).toISOString(),
        note: '向顾客承诺次日达，导致投诉（工单 #12）',
      };
      // The shop's rules are created on first use; a refused entry then changes nothing at all.
      expect((await boss.get('/api/discipline/rules')).json()).toHaveLength(19);
      const before = await snapshotDatabase(context().database.db);
      const missingNote = await boss.post('/api/discipline/entries', { ...body, note: '' });
      expect(missingNote.statusCode).toBe(400);
      expect(missingNote.json().error.code).toBe('validation_failed');
      const qaByHand = await boss.post('/api/discipline/entries', { ...body, ruleKey: 'qa_inspection' });
      expect(qaByHand.json().error.code).toBe('discipline_rule_unknown');
      expect(await snapshotDatabase(context().database.db)).toBe(before);
      const created = await boss.post('/api/discipline/entries', body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        points: 5,
        evidenceKind: 'manual',
        note: body.note,
        kind: 'violation',
      });
    });
  },
  { clock },
);
