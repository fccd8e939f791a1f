import { expect, it } from 'vitest';
import { buildShop, buildStaff, signIn } from '../../test/factories.js';
import { describeEachDatabase, type TestContext } from '../../test/harness.js';
import { seedCall, seedConversation, seedCustomer } from '../../test/quality-activity.js';
import { defaultScorecardItems } from '../../shared/quality.js';
import type {
  Inspection,
  InspectionWorkspace,
  Ledger,
  QaSample,
  Scorecard,
} from '../../shared/schemas/quality.js';

const shanghai = (local: string) => Date.parse(`${local}+08:00`);
let now = shanghai('2026-11-20T15:00:00');
const clock = () => now;

const fullMarks = Object.fromEntries(defaultScorecardItems.map((item) => [item.key, item.points]));
/** 59 points: attitude 20, timeliness 0, greeting 0, accuracy 20, process 9, proactive 5, records 5. */
const failing = { ...fullMarks, timeliness: 0, greeting: 0, process: 9, proactive: 5, records: 5 };

async function qaShop(context: TestContext) {
  const db = context.database.db;
  const shop = await buildShop(context);
  const agent = await buildStaff(context, shop);
  const other = await buildStaff(context, shop);
  const inspector = await buildStaff(context, shop, { role: 'qa_inspector' });
  const supervisor = await buildStaff(context, shop, { role: 'supervisor' });
  const customer = await seedCustomer(db, shop.id);
  const chats = [];
  for (const [index, day] of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'].entries()) {
    chats.push(
      await seedConversation(db, shop.id, {
        agentId: agent.id,
        customerId: customer,
        assignedAt: shanghai(`${day}T10:00:00`),
        messages: [
          { author: 'customer', text: '这件有货吗？', after: 0 },
          {
            author: 'agent',
            text: index === 0 ? '不知道，你自己看' : '您好，有货的',
            after: index === 0 ? 90 : 10,
          },
          { author: 'customer', text: '什么时候发货？', after: 120 },
        ],
        closed: true,
        ...(index === 1 ? { rating: { score: 'bad' as const } } : {}),
      }),
    );
  }
  await seedConversation(db, shop.id, {
    agentId: other.id,
    customerId: customer,
    assignedAt: shanghai('2026-11-17T10:00:00'),
    messages: [
      { author: 'customer', text: '你好', after: 0 },
      { author: 'agent', text: '您好', after: 5 },
    ],
    closed: true,
  });
  await seedCall(db, shop.id, {
    agentId: agent.id,
    startedAt: shanghai('2026-11-18T11:00:00'),
    ringsBeforeAnswer: 5,
  });
  const [agentApi, otherApi, inspectorApi, boss] = await Promise.all([
    signIn(context.app, agent.login),
    signIn(context.app, other.login),
    signIn(context.app, inspector.login),
    signIn(context.app, supervisor.login),
  ]);
  return { shop, agent, other, chats, agentApi, otherApi, inspectorApi, boss };
}

describeEachDatabase(
  'quality inspection: sample, pre-checks, scoring, weekly cap, appeals and access',
  (context) => {
    it('draws a week’s sample with rule-based picks and pre-check marks; drawing again adds nothing', async () => {
      now = shanghai('2026-11-20T15:00:00');
      const { agent, other, chats, inspectorApi, agentApi } = await qaShop(context());
      const drawn = await inspectorApi.post('/api/qa/samples/draw', { week: '2026-11-18' });
      expect(drawn.statusCode, drawn.body).toBe(200);
      const body = drawn.json<{ week: string; created: number; samples: QaSample[] }>();
      expect(body.week).toBe('2026-11-16');
      // Agent: 1 bad rating + 1 slow first reply + 3 random of the rest (only 2 left) + 1 call; other: 1 chat.
      const mine = body.samples.filter((sample) => sample.agentId === agent.id);
      expect(mine.filter((s) => s.subjectKind === 'conversation')).toHaveLength(4);
      expect(mine.filter((s) => s.subjectKind === 'call')).toHaveLength(1);
      expect(body.samples.filter((sample) => sample.agentId === other.id)).toHaveLength(1);
      const slow = mine.find((sample) => sample.subjectId === chats[0]!.id)!;
      expect(slow.reasons).toEqual(['slow_first_reply']);
      expect(slow.prechecks.map((mark) => [mark.kind, mark.detail])).toEqual([
        ['first_reply_late', '90'],
        ['forbidden_word', '不知道'],
        ['forbidden_word', '你自己看'],
        ['no_greeting', ''],
        ['unanswered_question', ''],
      ]);
      expect(mine.find((sample) => sample.subjectId === chats[1]!.id)!.reasons).toEqual(['bad_rating']);
      const again = await inspectorApi.post('/api/qa/samples/draw', { week: '2026-11-16' });
      expect(again.json().created).toBe(0);
      expect(again.json().samples).toHaveLength(body.samples.length);
      // Agents do not work the queue.
      expect((await agentApi.get('/api/qa/samples?week=2026-11-16')).statusCode).toBe(403);
      expect((await agentApi.post('/api/qa/samples/draw', {})).statusCode).toBe(403);
    });

    it('scores with comments anchored to messages; the deduction table is capped at 3 points a week; an upheld appeal takes the points off the month', async () => {
      now = shanghai('2026-11-20T15:00:00');
      const { agent, other, chats, inspectorApi, agentApi, otherApi, boss } = await qaShop(context());
      const samples = (await inspectorApi.post('/api/qa/samples/draw', { week: '2026-11-16' })).json<{
        samples: QaSample[];
      }>().samples;
      const sampleOf = (index: number) => samples.find((sample) => sample.subjectId === chats[index]!.id)!;

      const workspace = (
        await inspectorApi.get(`/api/qa/samples/${sampleOf(0).id}`)
      ).json<InspectionWorkspace>();
      expect(workspace.transcript.map((line) => line.text)).toEqual([
        '这件有货吗？',
        '不知道，你自己看',
        '什么时候发货？',
      ]);
      expect(workspace.scorecard.items.reduce((sum, item) => sum + item.points, 0)).toBe(100);
      const anchored = workspace.transcript[1]!.id;

      const badAnchor = await inspectorApi.post(`/api/qa/samples/${sampleOf(0).id}/inspection`, {
        scores: failing,
        comments: [{ messageId: 'nope', text: 'x' }],
      });
      expect(badAnchor.json().error.code).toBe('comment_anchor_invalid');
      const overItem = await inspectorApi.post(`/api/qa/samples/${sampleOf(0).id}/inspection`, {
        scores: { ...failing, greeting: 11 },
      });
      expect(overItem.statusCode).toBe(400);
      expect(overItem.json().error.code).toBe('score_invalid');

      // 75 → 1 point.
      const first = await inspectorApi.post(`/api/qa/samples/${sampleOf(0).id}/inspection`, {
        scores: { ...fullMarks, timeliness: 0, greeting: 0 },
        comments: [{ messageId: anchored, text: '使用禁用语“不知道”' }],
        summary: '态度需改进',
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json<Inspection>()).toMatchObject({ score: 75, tablePoints: 1, points: 1 });
      expect(first.json<Inspection>().comments).toEqual([
        { messageId: anchored, text: '使用禁用语“不知道”' },
      ]);
      const twice = await inspectorApi.post(`/api/qa/samples/${sampleOf(0).id}/inspection`, {
        scores: fullMarks,
      });
      expect(twice.json().error.code).toBe('sample_already_inspected');
      // 59 → 3 by the table, 2 left in the week.
      const second = (
        await inspectorApi.post(`/api/qa/samples/${sampleOf(1).id}/inspection`, { scores: failing })
      ).json<Inspection>();
      expect(second).toMatchObject({ score: 59, tablePoints: 3, points: 2 });
      // The week is full: nothing more.
      const third = (
        await inspectorApi.post(`/api/qa/samples/${sampleOf(2).id}/inspection`, { scores: failing })
      ).json<Inspection>();
      expect(third).toMatchObject({ tablePoints: 3, points: 0 });

      const monthTotal = async () =>
        (await boss.get(`/api/discipline/ledger?month=2026-11&userId=${agent.id}`))
          .json<Ledger>()
          .totals.find((total) => total.userId === agent.id)?.points;
      expect(await monthTotal()).toBe(3);

      // Access: the agent sees their own; another agent gets 404 for it; the list holds only one's own.
      expect((await agentApi.get(`/api/qa/inspections/${second.id}`)).statusCode).toBe(200);
      expect((await otherApi.get(`/api/qa/inspections/${second.id}`)).statusCode).toBe(404);
      expect((await otherApi.get(`/api/qa/samples/${sampleOf(1).id}`)).statusCode).toBe(404);
      expect((await otherApi.get(`/api/qa/inspections?agentId=${agent.id}`)).statusCode).toBe(404);
      expect((await otherApi.get('/api/qa/inspections')).json()).toEqual([]);
      expect(
        (await otherApi.post(`/api/qa/inspections/${second.id}/appeal`, { reason: 'x' })).statusCode,
      ).toBe(404);
      expect((await agentApi.get('/api/qa/inspections')).json<Inspection[]>()).toHaveLength(3);
      expect(
        (await agentApi.get(`/api/qa/samples/${sampleOf(1).id}`)).json<InspectionWorkspace>().inspection?.id,
      ).toBe(second.id);
      expect((await inspectorApi.get(`/api/qa/inspections?agentId=${agent.id}`)).json()).toHaveLength(3);
      expect(
        (await otherApi.post(`/api/qa/samples/${sampleOf(3).id}/inspection`, { scores: fullMarks }))
          .statusCode,
      ).toBe(403);
      void other;

      // The agent appeals the 59; a supervisor upholds it: a reversal entry of 2 points, the month's total drops.
      const appeal = await agentApi.post(`/api/qa/inspections/${second.id}/appeal`, {
        reason: '顾客问题已解决',
      });
      expect(appeal.statusCode, appeal.body).toBe(201);
      const pending = (await boss.get('/api/appeals')).json<Array<{ id: string; subjectId: string }>>();
      expect(pending.map((row) => row.subjectId)).toEqual([second.id]);
      const upheld = await boss.post(`/api/appeals/${appeal.json().id}/decision`, {
        decision: 'upheld',
        note: '维持申诉',
      });
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect(await monthTotal()).toBe(1);
      const own = (await agentApi.get('/api/discipline/ledger?month=2026-11')).json<Ledger>();
      expect(own.totals[0]!.points).toBe(1);
      expect(own.entries.map((entry) => [entry.kind, entry.points]).sort()).toEqual([
        ['reversal', -2],
        ['violation', 1],
        ['violation', 2],
      ]);
      const afterAppeal = (await agentApi.get(`/api/qa/inspections/${second.id}`)).json<Inspection>();
      expect(afterAppeal).toMatchObject({ reversed: true, canAppeal: false, appeal: { status: 'upheld' } });

      // With the 2 points reversed, the week has room again for the next inspection.
      const fourth = (
        await inspectorApi.post(`/api/qa/samples/${sampleOf(3).id}/inspection`, { scores: failing })
      ).json<Inspection>();
      expect(fourth.points).toBe(2);

      // The window: 3 workdays from Friday 15:00 is Wednesday 15:00.
      now = shanghai('2026-11-25T15:00:01');
      const tooLate = await agentApi.post(`/api/qa/inspections/${first.json().id}/appeal`, {
        reason: 'late',
      });
      expect(tooLate.json().error.code).toBe('appeal_window_closed');
    });

    it("pre-checks use the shop's own forbidden words; only qa.manage changes the settings", async () => {
      now = shanghai('2026-11-20T15:00:00');
      const { chats, inspectorApi, boss } = await qaShop(context());
      expect((await inspectorApi.patch('/api/qa/settings', { forbiddenWords: ['x'] })).statusCode).toBe(403);
      const bad = await boss.patch('/api/qa/settings', { chatsPerAgent: -1 });
      expect(bad.statusCode).toBe(400);
      const saved = await boss.patch('/api/qa/settings', { forbiddenWords: ['你自己看'], chatsPerAgent: 0 });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        forbiddenWords: ['你自己看'],
        chatsPerAgent: 0,
        appealWorkdays: 3,
      });
      const samples = (await inspectorApi.post('/api/qa/samples/draw', { week: '2026-11-16' })).json<{
        samples: QaSample[];
      }>().samples;
      // No random picks any more: only the rule-based ones (slow first reply, bad rating) and the call.
      expect(samples.filter((s) => s.subjectKind === 'conversation').map((s) => s.reasons)).toEqual([
        ['slow_first_reply'],
        ['bad_rating'],
      ]);
      const slow = samples.find((s) => s.subjectId === chats[0]!.id)!;
      expect(slow.prechecks.filter((m) => m.kind === 'forbidden_word').map((m) => m.detail)).toEqual([
        '你自己看',
      ]);
    });

    it('a saved scorecard is a new version; earlier inspections keep the card they were scored with', async () => {
      now = shanghai('2026-11-20T15:00:00');
      const { chats, inspectorApi, boss } = await qaShop(context());
      const samples = (await inspectorApi.post('/api/qa/samples/draw', { week: '2026-11-16' })).json<{
        samples: QaSample[];
      }>().samples;
      const sample = samples.find((s) => s.subjectId === chats[0]!.id)!;
      const scored = (
        await inspectorApi.post(`/api/qa/samples/${sample.id}/inspection`, { scores: fullMarks })
      ).json<Inspection>();
      expect(scored.scorecard.version).toBe(1);

      const wrongTotal = await boss.post('/api/qa/scorecards', {
        name: '新卡',
        items: [{ key: 'a', title: 'A', guidance: '', zeroCases: '', points: 90, critical: false }],
      });
      expect(wrongTotal.json().error.code).toBe('scorecard_total_invalid');
      const saved = await boss.post('/api/qa/scorecards', {
        name: '新卡',
        items: [
          { key: 'a', title: 'A', guidance: '', zeroCases: '', points: 60, critical: true },
          { key: 'b', title: 'B', guidance: '', zeroCases: '', points: 40, critical: false },
        ],
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const cards = (await boss.get('/api/qa/scorecards')).json<Scorecard[]>();
      expect(cards.map((card) => [card.version, card.active])).toEqual([
        [2, true],
        [1, false],
      ]);
      const again = (await inspectorApi.get(`/api/qa/inspections/${scored.id}`)).json<Inspection>();
      expect(again.scorecard.version).toBe(1);
      expect(again.scorecard.items).toHaveLength(defaultScorecardItems.length);
      // Inspectors may not edit the card.
      expect((await inspectorApi.post('/api/qa/scorecards', { name: 'x', items: [] })).statusCode).toBe(403);
    });
  },
  { clock },
);
