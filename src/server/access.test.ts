import { expect, it } from 'vitest';
import { anonymous, buildShop, buildStaff, signIn, snapshotDatabase } from '../test/factories.js';
import { describeEachDatabase } from '../test/harness.js';
import type { Role } from '../shared/roles.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>>;
}

describeEachDatabase('access control', (context) => {
  it('answers 404 to a user of shop A for shop B agents, groups, departments and audit entries', async () => {
    const { app, database } = context();
    const shopA = await buildShop(context());
    const shopB = await buildShop(context());
    const agentB = await buildStaff(context(), shopB);
    const adminB = await signIn(app, shopB.admin.login);
    const departmentB = (await adminB.post('/api/departments', { name: '物流部' })).json();
    const adminA = await signIn(app, shopA.admin.login);
    const before = await snapshotDatabase(database.db);

    const refused = [
      await adminA.get(`/api/agents/${agentB.id}`),
      await adminA.patch(`/api/agents/${agentB.id}`, { displayName: 'hijacked' }),
      await adminA.post(`/api/agents/${agentB.id}/password`, { password: 'hijacked-pass' }),
      await adminA.patch(`/api/groups/${shopB.groupIds.after_sale}`, { name: 'hijacked' }),
      await adminA.delete(`/api/groups/${shopB.groupIds.in_sale}`),
      await adminA.patch(`/api/departments/${departmentB.id}`, { name: 'hijacked' }),
      await adminA.delete(`/api/departments/${departmentB.id}`),
    ];
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    // Lists and the audit log of shop A show nothing of shop B, even when asked by id.
    const agentsA = (await adminA.get('/api/agents')).json().items.map((a: { id: string }) => a.id);
    expect(agentsA).not.toContain(agentB.id);
    expect((await adminA.get(`/api/audit?entityId=${agentB.id}`)).json().items).toEqual([]);
    expect((await adminA.get(`/api/agents?groupId=${shopB.groupIds.pre_sale}`)).json().items).toEqual([]);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it.each<Role>(['agent', 'complaint_team', 'department_member', 'qa_inspector', 'supervisor'])(
    'answers 403 to a %s calling admin routes and changes nothing',
    async (role) => {
      const { app, database } = context();
      const shop = await buildShop(context());
      const target = await buildStaff(context(), shop);
      const caller = await signIn(app, (await buildStaff(context(), shop, { role })).login);
      const before = await snapshotDatabase(database.db);
      const calls = [
        caller.post('/api/agents', {
          login: 'sneaky1',
          displayName: 'x',
          employeeNo: 'X1',
          password: 'sneaky-pass',
        }),
        caller.patch(`/api/agents/${target.id}`, { role: 'admin' }),
        caller.post(`/api/agents/${target.id}/password`, { password: 'sneaky-pass' }),
        caller.post('/api/groups', { kind: 'in_sale', name: 'x' }),
        caller.delete(`/api/groups/${shop.groupIds.in_sale}`),
        caller.post('/api/departments', { name: 'x' }),
        caller.patch('/api/shop', { name: 'x' }),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
      const reads = await Promise.all([caller.get('/api/agents'), caller.get('/api/audit')]);
      const expected = role === 'supervisor' ? [200, 200] : role === 'qa_inspector' ? [200, 403] : [403, 403];
      expect(reads.map((r) => r.statusCode)).toEqual(expected);
      expect(await snapshotDatabase(database.db)).toBe(before);
    },
  );

  it('answers 401 to every non-public API route without a session, and changes nothing', async () => {
    const { app, database } = context();
    await buildShop(context());
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDocument>();
    const before = await snapshotDatabase(database.db);
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(operations)) {
        // Public routes say so in the document with an empty security list.
        if (operations[method]?.security?.length === 0) continue;
        const url = path.replace('{id}', '0190aaaaaaaa7000800000000000000a');
        const response = await anonymous(app).request(
          method.toUpperCase() as 'GET',
          url,
          operations[method]?.requestBody ? {} : undefined,
        );
        expect(response.statusCode, `${method} ${path}`).toBe(401);
        expect(response.json().error.code).toBe('unauthenticated');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(21);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});
