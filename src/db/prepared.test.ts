// Prepared chat statements give the same answers as the query built per call, on both dialects, inside and outside
// transactions, and keep the constants the builder put into them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.js';
import { preparedQuery } from './prepared.js';

const shopsNamed = preparedQuery<{ id: string; name: string }>((db, slot) =>
  db
    .selectFrom('shops')
    .select(['id', 'name'])
    .where('timezone', '=', 'Asia/Shanghai')
    .where('name', 'like', slot(0))
    .orderBy('name')
    .limit(slot(1)),
);

const renameShop = preparedQuery<{ id: string; name: string }>((db, slot) =>
  db
    .updateTable('shops')
    .set({ name: slot(1) })
    .where('id', '=', slot(0))
    .returning(['id', 'name']),
);

for (const dialect of testDialects()) {
  describe(`prepared queries [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const shop = (id: string, name: string, timezone: string) => ({
        id,
        slug: id,
        name,
        timezone,
        locale: 'zh-CN' as const,
        createdAt: 1,
        updatedAt: 1,
        serviceOpensAt: '09:00',
        serviceClosesAt: '23:00',
        offHoursReplyBy: '09:30',
        maxQueueLength: 200,
        idleLimitSeconds: 60,
      });
      await database.handle.db
        .insertInto('shops')
        .values([
          shop('p1', 'Pine A', 'Asia/Shanghai'),
          shop('p2', 'Pine B', 'Asia/Shanghai'),
          shop('p3', 'Pine C', 'Europe/London'),
          shop('o1', 'Oak', 'Asia/Shanghai'),
        ])
        .execute();
    }, 60_000);
    afterAll(() => database.drop());

    it('runs with each call’s parameters and keeps the built-in constant', async () => {
      const db = database.handle.db;
      expect(await shopsNamed.all(db, ['Pine%', 10])).toEqual([
        { id: 'p1', name: 'Pine A' },
        { id: 'p2', name: 'Pine B' },
      ]);
      expect(await shopsNamed.all(db, ['Oak', 10])).toEqual([{ id: 'o1', name: 'Oak' }]);
      expect(await shopsNamed.first(db, ['Pine%', 1])).toEqual({ id: 'p1', name: 'Pine A' });
      expect(await shopsNamed.first(db, ['Elm%', 1])).toBeUndefined();
    });

    it('writes inside a transaction, and a rollback undoes it', async () => {
      const db = database.handle.db;
      await db.transaction().execute(async (trx) => {
        expect(await renameShop.first(trx, ['o1', 'Oak Two'])).toEqual({ id: 'o1', name: 'Oak Two' });
      });
      await expect(
        db.transaction().execute(async (trx) => {
          await renameShop.first(trx, ['o1', 'Oak Three']);
          throw new Error('give up');
        }),
      ).rejects.toThrow('give up');
      const row = await db.selectFrom('shops').select('name').where('id', '=', 'o1').executeTakeFirst();
      expect(row?.name).toBe('Oak Two');
    });
  });
}
