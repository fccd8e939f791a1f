import { expect, it } from 'vitest';
import { buildShop, buildStaff, signIn } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';
import { seedConversation, seedCustomer } from '../../test/quality-activity.js';
import type { AgentQuality, Handover, TrainingSession } from '../../shared/schemas/quality.js';

describeEachDatabase('shift hand-over and training records', (context) => {
  it('a hand-over attaches the open chats and is acknowledged once by the next agent, not its writer', async () => {
    const { app, database } = context();
    const shop = await buildShop(context());
    const leaving = await buildStaff(context(), shop);
    const next = await buildStaff(context(), shop);
    const customer = await seedCustomer(database.db, shop.id);
    const open = await seedConversation(database.db, shop.id, {
      agentId: leaving.id,
      customerId: customer,
      assignedAt: Date.now() - 600_000,
      messages: [{ author: 'customer', text: '我的退款到哪一步了？', after: 0 }],
    });
    const leavingApi = await signIn(app, leaving.login);
    const nextApi = await signIn(app, next.login);
    const followUp = await leavingApi.post('/api/follow-ups', {
      kind: 'phone',
      title: '回访退款进度',
      customerId: customer,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(followUp.statusCode, followUp.body).toBe(201);
    const created = await leavingApi.post('/api/handovers', { note: '顾客退款进度待财务确认，明早回复' });
    expect(created.statusCode, created.body).toBe(201);
    const handover = created.json<Handover>();
    expect(handover.chats.map((chat) => chat.id)).toEqual([open.id]);
    expect(handover.followUps.map((item) => item.title)).toEqual(['回访退款进度']);
    expect((await leavingApi.post(`/api/handovers/${handover.id}/acknowledge`)).json().error.code).toBe(
      'handover_own',
    );
    const acknowledged = await nextApi.post(`/api/handovers/${handover.id}/acknowledge`);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json<Handover>()).toMatchObject({
      acknowledgedBy: next.id,
      acknowledgedByName: next.displayName,
    });
    expect((await nextApi.post(`/api/handovers/${handover.id}/acknowledge`)).json().error.code).toBe(
      'handover_acknowledged',
    );
    expect((await nextApi.post('/api/handovers', { note: '' })).statusCode).toBe(400);
  });

  it('new agents are flagged until they pass new-hire training; results appear per agent', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const newcomer = await buildStaff(context(), shop);
    const other = await buildStaff(context(), shop);
    const supervisor = await buildStaff(context(), shop, { role: 'supervisor' });
    const boss = await signIn(app, supervisor.login);
    const newcomerApi = await signIn(app, newcomer.login);

    const before = (await boss.get(`/api/agents/${newcomer.id}/quality`)).json<AgentQuality>();
    expect(before).toMatchObject({ newAgent: true, newHireTrainingDone: false, trainings: 0 });

    expect(
      (await newcomerApi.post('/api/training/sessions', { kind: 'drill', title: 'x', heldOn: '2026-11-20' }))
        .statusCode,
    ).toBe(403);
    const session = await boss.post('/api/training/sessions', {
      kind: 'new_hire',
      title: '客服入职培训：业务知识与电话礼仪',
      heldOn: '2026-11-20',
      trainer: '李主管',
    });
    expect(session.statusCode, session.body).toBe(201);
    const marked = await boss.request(
      'PUT',
      `/api/training/sessions/${session.json<TrainingSession>().id}/attendance`,
      {
        attendees: [
          { userId: newcomer.id, attended: true, score: 88, passed: true },
          { userId: other.id, attended: false, score: null, passed: false },
        ],
      },
    );
    expect(marked.statusCode, marked.body).toBe(200);

    const after = (await newcomerApi.get(`/api/agents/${newcomer.id}/quality`)).json<AgentQuality>();
    expect(after).toMatchObject({
      newAgent: false,
      newHireTrainingDone: true,
      trainings: 1,
      lastAssessmentScore: 88,
    });
    expect((await boss.get(`/api/agents/${other.id}/quality`)).json<AgentQuality>().newAgent).toBe(true);
    // An agent sees only their own results.
    expect((await newcomerApi.get(`/api/agents/${other.id}/quality`)).statusCode).toBe(404);
    expect(
      (await newcomerApi.get('/api/quality-results')).json<AgentQuality[]>().map((row) => row.userId),
    ).toEqual([newcomer.id]);
  });
});
