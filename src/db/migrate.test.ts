// Migrations that rebuild or re-key a table keep its rows and its rules, on both databases.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.js';
import { isUniqueViolation } from './connection.js';
import { migratorFor } from './migrate.js';
import type { Database, MessageTable } from './schema.js';

async function seedChat(db: Kysely<Database>) {
  const at = Date.UTC(2026, 10, 20, 2, 0);
  await sql`insert into shops (id, slug, name, timezone, locale, created_at, updated_at)
    values ('s1', 'shop-s1', '店', 'Asia/Shanghai', 'zh-CN', ${at}, ${at})`.execute(db);
  await sql`insert into customers (id, shop_id, display_name, created_at, last_seen_at)
    values ('cu1', 's1', '顾客', ${at}, ${at})`.execute(db);
  await sql`insert into conversations (id, shop_id, customer_id, status, source, target_group, off_hours, last_seq,
      version, created_at, updated_at)
    values ('cv1', 's1', 'cu1', 'assigned', 'product', 'pre_sale', 0, 2, 1, ${at}, ${at})`.execute(db);
}

const message = (id: string, seq: number, authorId: string, clientMessageId: string): MessageTable => ({
  id,
  shopId: 's1',
  conversationId: 'cv1',
  seq,
  authorKind: authorId === 'cu1' ? 'customer' : 'agent',
  authorId,
  clientMessageId,
  kind: 'text',
  text: `第 ${seq} 条`,
  internal: 0,
  createdAt: Date.UTC(2026, 10, 20, 2, seq),
  attachmentId: null,
});

for (const dialect of testDialects()) {
  describe(`0014 message client key [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    it('keeps every message, and a resend is still refused by the key, after going down and up again', async () => {
      const db = database.handle.db;
      const down = await migratorFor(db).migrateTo('0013-lookup-indexes');
      expect(down.error).toBeUndefined();
      await seedChat(db);
      await db
        .insertInto('messages')
        .values([message('m1', 1, 'cu1', '0190a1b2c3d4aaaa'), message('m2', 2, 'u1', '0190a1b2c3d5bbbb')])
        .execute();
      const up = await migratorFor(db).migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(up.results?.map((result) => result.migrationName)).toEqual(['0014-message-client-key']);

      const rows = await db.selectFrom('messages').selectAll().orderBy('seq').execute();
      expect(rows.map((row) => [row.id, row.seq, row.authorId, row.clientMessageId, row.text])).toEqual([
        ['m1', 1, 'cu1', '0190a1b2c3d4aaaa', '第 1 条'],
        ['m2', 2, 'u1', '0190a1b2c3d5bbbb', '第 2 条'],
      ]);
      // the same author's client id again in the same conversation: refused
      const resend = await db
        .insertInto('messages')
        .values(message('m3', 3, 'cu1', '0190a1b2c3d4aaaa'))
        .execute()
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isUniqueViolation(resend)).toBe(true);
      // the same client id from someone else is another message
      await db
        .insertInto('messages')
        .values(message('m4', 3, 'u1', '0190a1b2c3d4aaaa'))
        .execute();
      const count = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(3);
    });
  });
}
