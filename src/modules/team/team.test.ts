import { expect, it } from 'vitest';
import { buildShop, buildStaff, signIn, snapshotDatabase } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';

const newAgent = (overrides: Record<string, unknown> = {}) => ({
  login: `agent${Math.random().toString(36).slice(2, 8)}`,
  displayName: '新客服',
  employeeNo: `N${Math.random().toString(36).slice(2, 7)}`,
  password: 'initial-pass-1',
  ...overrides,
});

describeEachDatabase('agents, groups and departments', (context) => {
  it('creates an agent in the pre-sale group with the default cap of 8, who can then sign in', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const body = newAgent();
    const created = await admin.post('/api/agents', body);
    expect(created.statusCode).toBe(201);
    const agent = created.json();
    expect(agent).toMatchObject({ role: 'agent', status: 'active', maxConcurrentChats: 8 });
    expect(agent.groupIds).toEqual([shop.groupIds.pre_sale]);
    expect(agent).not.toHaveProperty('passwordHash');
    expect((await signIn(context().app, body.login, body.password)).session?.user.id).toBe(agent.id);
  });

  it('moves an agent to the after-sale group and changes the chat cap, keeping both in the audit log', async () => {
    const shop = await buildShop(context());
    const agent = await buildStaff(context(), shop);
    const admin = await signIn(context().app, shop.admin.login);
    const updated = await admin.patch(`/api/agents/${agent.id}`, {
      groupIds: [shop.groupIds.after_sale],
      maxConcurrentChats: 3,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ groupIds: [shop.groupIds.after_sale], maxConcurrentChats: 3 });
    const members = (await admin.get(`/api/agents?groupId=${shop.groupIds.after_sale}`)).json();
    expect(members.items.map((a: { id: string }) => a.id)).toEqual([agent.id]);

    const audit = (await admin.get(`/api/audit?entityId=${agent.id}`)).json();
    const change = audit.items.find((entry: { action: string }) => entry.action === 'agent.updated');
    expect(change.actor.id).toBe(shop.admin.id);
    expect(change.changes).toEqual({
      maxConcurrentChats: [8, 3],
      groupIds: [[shop.groupIds.pre_sale], [shop.groupIds.after_sale]],
    });
  });

  it('refuses a taken login or employee number and stores nothing', async () => {
    const { database } = context();
    const shop = await buildShop(context());
    const existing = await buildStaff(context(), shop);
    const admin = await signIn(context().app, shop.admin.login);
    const before = await snapshotDatabase(database.db);
    const takenLogin = await admin.post('/api/agents', newAgent({ login: existing.login }));
    expect(takenLogin.statusCode).toBe(409);
    expect(takenLogin.json().error.code).toBe('login_taken');
    const takenNo = await admin.post('/api/agents', newAgent({ employeeNo: existing.employeeNo }));
    expect(takenNo.statusCode).toBe(409);
    expect(takenNo.json().error.code).toBe('employee_no_taken');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('allows the same employee number in two different shops', async () => {
    const shopA = await buildShop(context());
    const shopB = await buildShop(context());
    const adminA = await signIn(context().app, shopA.admin.login);
    const adminB = await signIn(context().app, shopB.admin.login);
    expect((await adminA.post('/api/agents', newAgent({ employeeNo: 'K100' }))).statusCode).toBe(201);
    expect((await adminB.post('/api/agents', newAgent({ employeeNo: 'K100' }))).statusCode).toBe(201);
  });

  it('keeps at least one active admin and at least one group per agent', async () => {
    const shop = await buildShop(context());
    const agent = await buildStaff(context(), shop);
    const admin = await signIn(context().app, shop.admin.login);
    const demote = await admin.patch(`/api/agents/${shop.admin.id}`, { role: 'supervisor' });
    expect(demote.json().error.code).toBe('last_admin');
    const noGroup = await admin.patch(`/api/agents/${agent.id}`, { groupIds: [] });
    expect(noGroup.json().error.code).toBe('agent_needs_group');
  });

  it('refuses a group or department id of another shop as unknown', async () => {
    const shop = await buildShop(context());
    const other = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const response = await admin.post('/api/agents', newAgent({ groupIds: [other.groupIds.after_sale] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('creates groups once per kind, and deletes only empty ones other than pre-sale', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    expect(
      (await admin.post('/api/groups', { kind: 'after_sale', name: '售后二组' })).json().error.code,
    ).toBe('group_kind_exists');
    expect((await admin.delete(`/api/groups/${shop.groupIds.pre_sale}`)).json().error.code).toBe(
      'pre_sale_group_required',
    );
    const afterSaleAgent = await buildStaff(context(), shop, { groups: ['after_sale'] });
    expect((await admin.delete(`/api/groups/${shop.groupIds.after_sale}`)).json().error.code).toBe(
      'group_not_empty',
    );
    await admin.patch(`/api/agents/${afterSaleAgent.id}`, { groupIds: [shop.groupIds.pre_sale] });
    expect((await admin.delete(`/api/groups/${shop.groupIds.after_sale}`)).statusCode).toBe(200);
    const renamed = await admin.patch(`/api/groups/${shop.groupIds.in_sale}`, { name: '售中服务组' });
    expect(renamed.json()).toMatchObject({ kind: 'in_sale', name: '售中服务组', memberCount: 0 });
    const kinds = (await admin.get('/api/groups')).json().items.map((g: { kind: string }) => g.kind);
    expect(kinds).toEqual(['in_sale', 'pre_sale']);
  });

  it('manages departments and counts their members', async () => {
    const shop = await buildShop(context());
    const admin = await signIn(context().app, shop.admin.login);
    const warehouse = (await admin.post('/api/departments', { name: '仓储部', description: '发货' })).json();
    expect((await admin.post('/api/departments', { name: '仓储部' })).json().error.code).toBe(
      'department_name_taken',
    );
    const member = await admin.post(
      '/api/agents',
      newAgent({ role: 'department_member', departmentId: warehouse.id }),
    );
    expect(member.json()).toMatchObject({
      role: 'department_member',
      departmentId: warehouse.id,
      groupIds: [],
    });
    const listed = (await admin.get('/api/departments')).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: '仓储部', memberCount: 1 })]);
    expect((await admin.delete(`/api/departments/${warehouse.id}`)).json().error.code).toBe(
      'department_not_empty',
    );
    const renamed = await admin.patch(`/api/departments/${warehouse.id}`, { name: '仓储物流部' });
    expect(renamed.json().name).toBe('仓储物流部');
  });

  it('resets a password so that only the new one works', async () => {
    const shop = await buildShop(context());
    const agent = await buildStaff(context(), shop);
    const admin = await signIn(context().app, shop.admin.login);
    expect(
      (await admin.post(`/api/agents/${agent.id}/password`, { password: 'brand-new-pass' })).statusCode,
    ).toBe(200);
    await expect(signIn(context().app, agent.login)).rejects.toThrow();
    expect((await signIn(context().app, agent.login, 'brand-new-pass')).session).not.toBeNull();
  });

  it('filters agents by role and by a search on name, login or employee number', async () => {
    const shop = await buildShop(context());
    const agent = await buildStaff(context(), shop);
    await buildStaff(context(), shop, { role: 'qa_inspector' });
    const admin = await signIn(context().app, shop.admin.login);
    const qa = (await admin.get('/api/agents?role=qa_inspector')).json().items;
    expect(qa).toHaveLength(1);
    const found = (await admin.get(`/api/agents?q=${agent.employeeNo.toLowerCase()}`)).json().items;
    expect(found.map((a: { id: string }) => a.id)).toEqual([agent.id]);
  });
});
