import { expect, it } from 'vitest';
import { demoAdmin, demoPassword, demoStaff, seedDemoShopIfEmpty } from './demo-seed.js';
import { signIn } from '../test/factories.js';
import { buildTestApp, describeEachDatabase } from '../test/harness.js';

describeEachDatabase('restart and demo seed', (context) => {
  it('seeds the demo shop once, and a restarted process keeps every change', async () => {
    const { testDatabase, database } = context();
    expect(await seedDemoShopIfEmpty(database.db)).toBe(true);

    const admin = await signIn(context().app, demoAdmin.login, demoPassword);
    const agents = (await admin.get('/api/agents')).json().items as Array<{
      role: string;
      groupIds: string[];
    }>;
    const groups = (await admin.get('/api/groups')).json().items as Array<{ id: string; kind: string }>;
    const inGroup = (kind: string) => {
      const groupId = groups.find((g) => g.kind === kind)?.id;
      return agents.filter((a) => a.role === 'agent' && groupId && a.groupIds.includes(groupId)).length;
    };
    expect(agents).toHaveLength(demoStaff.length + 1);
    expect(inGroup('pre_sale')).toBeGreaterThanOrEqual(3);
    expect(inGroup('after_sale')).toBeGreaterThanOrEqual(3);
    expect((await admin.get('/api/departments')).json().items.length).toBeGreaterThanOrEqual(3);
    const created = await admin.post('/api/agents', {
      login: 'restart-check',
      displayName: '重启检查',
      employeeNo: 'R001',
      password: 'restart-pass-1',
    });
    expect(created.statusCode).toBe(201);

    // A second process on the same data: nothing seeded again, nothing lost.
    const reopened = testDatabase.reopen();
    try {
      expect(await seedDemoShopIfEmpty(reopened.db)).toBe(false);
      const app = await buildTestApp(reopened, context().config);
      try {
        const again = await signIn(app, 'restart-check', 'restart-pass-1');
        const after = (await again.get('/api/shop')).json();
        expect(after.slug).toBe('demo');
        const count = await reopened.db
          .selectFrom('shops')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(1);
      } finally {
        await app.close();
      }
    } finally {
      await reopened.close();
    }
  });
});
