// The SQLite writer thread: steps run in order in one transaction, a step whose take finds nothing writes nothing,
// a failing statement undoes the whole batch (with the driver's error code), and the main connection sees the
// commit. Requests queue in order, and a writer that was stopped answers no more.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.js';
import type { SqliteWriter, TakeThenInsert } from './sqlite-writer.js';

describe.runIf(testDialects().includes('sqlite'))('SQLite writer thread [sqlite]', () => {
  let database: TestDatabase;
  let writer: SqliteWriter;
  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    writer = database.handle.writer!;
    const db = database.handle.db;
    await sql`create table scratch_counters (id text primary key, open integer not null, last integer not null, owner text)`.execute(
      db,
    );
    await sql`create table scratch_items (counter_id text not null, seq integer not null, body text not null, unique (counter_id, seq))`.execute(
      db,
    );
    await sql`insert into scratch_counters values ('a', 1, 0, 'Ann'), ('b', 1, 0, 'Bo'), ('closed', 0, 0, null)`.execute(
      db,
    );
  });
  afterEach(async () => {
    await database.drop();
  });

  const step = (counter: string, body: string, withOwner = false): TakeThenInsert => ({
    take: {
      sql: 'update scratch_counters set last = last + 1 where id = ? and open = 1 returning *',
      parameters: [counter],
    },
    insert: {
      sql: 'insert into scratch_items (counter_id, seq, body) values (?, ?, ?)',
      parameters: [counter, null, body],
      fromTake: { parameter: 1, column: 'last' },
    },
    read: withOwner
      ? {
          sql: 'select upper(?) as shout',
          parameters: [null],
          fromTake: { parameter: 0, column: 'owner' },
        }
      : undefined,
  });
  /** A step whose insert breaks the unique key (b's take, a's insert at seq 1, which a already has) */
  const clash = (): TakeThenInsert => ({
    ...step('b', 'clash'),
    insert: { ...step('a', 'clash').insert, fromTake: { parameter: 1, column: 'open' } },
  });
  const items = async () =>
    (
      await sql<{
        counterId: string;
        seq: number;
        body: string;
      }>`select counter_id, seq, body from scratch_items order by counter_id, seq`.execute(database.handle.db)
    ).rows.map((row) => `${row.counterId}${row.seq}:${row.body}`);

  it('runs the steps in order in one commit, skipping a step whose take finds nothing', async () => {
    const result = await writer.takeThenInsert([
      step('a', 'one'),
      step('closed', 'lost'),
      step('b', 'two', true),
      step('a', 'three'),
    ]);
    expect(result.map((row) => row && [row.taken.last, row.read])).toEqual([
      [1, null],
      null,
      [1, { shout: 'BO' }],
      [2, null],
    ]);
    // the main connection reads what the writer committed
    expect(await items()).toEqual(['a1:one', 'a2:three', 'b1:two']);
  });

  it('names the columns of its rows as the main connection’s queries name theirs', async () => {
    const db = database.handle.db;
    const [row] = await writer.takeThenInsert([
      {
        ...step('b', 'named'),
        take: {
          sql: 'update scratch_counters set last = last + 1 where id = ? returning id, last as last_seq, owner as owner_name',
          parameters: ['b'],
        },
        insert: { ...step('b', 'named').insert, fromTake: { parameter: 1, column: 'last_seq' } },
      },
    ]);
    const own = await sql<
      Record<string, unknown>
    >`select id, last as last_seq, owner as owner_name from scratch_counters where id = 'b'`.execute(db);
    expect(row?.taken).toEqual({ id: 'b', lastSeq: 1, ownerName: 'Bo' });
    expect(row?.taken).toEqual(own.rows[0]);
    expect(await items()).toEqual(['b1:named']);
  });

  it('writes nothing of a batch in which a statement fails, and says why', async () => {
    await writer.takeThenInsert([step('a', 'kept')]);
    const clash: TakeThenInsert = {
      ...step('b', 'clash'),
      // every item of counter a gets seq 1 here: the unique key refuses the second
      insert: { ...step('a', 'clash').insert, fromTake: { parameter: 1, column: 'open' } },
    };
    await expect(writer.takeThenInsert([step('b', 'undone'), clash])).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(await items()).toEqual(['a1:kept']);
    const counters = await sql<{
      id: string;
      last: number;
    }>`select id, last from scratch_counters order by id`.execute(database.handle.db);
    expect(counters.rows.map((row) => [row.id, row.last])).toEqual([
      ['a', 1],
      ['b', 0],
      ['closed', 0],
    ]);
    // and goes on working
    await writer.takeThenInsert([step('b', 'after')]);
    expect(await items()).toEqual(['a1:kept', 'b1:after']);
  });

  it('runs none of the batches sent behind a failed one, and runs those sent after its answer', async () => {
    await writer.takeThenInsert([step('a', 'kept')]);
    const settled = await Promise.allSettled([
      writer.takeThenInsert([clash()]),
      writer.takeThenInsert([step('b', 'behind')]),
      writer.takeThenInsert([step('a', 'behind')]),
    ]);
    expect(
      settled.map((result) => result.status === 'rejected' && (result.reason as { code: string }).code),
    ).toEqual(['SQLITE_CONSTRAINT_UNIQUE', 'KEFU_WRITER_SKIPPED', 'KEFU_WRITER_SKIPPED']);
    await writer.takeThenInsert([step('b', 'after')]);
    expect(await items()).toEqual(['a1:kept', 'b1:after']);
  });

  it('knows a statement first sent with a batch it did not run, and the reads a step asked for', async () => {
    await writer.takeThenInsert([step('a', 'kept')]);
    // The owner's read is new with the skipped batch: it is sent once, and must work in the next one.
    const settled = await Promise.allSettled([
      writer.takeThenInsert([clash()]),
      writer.takeThenInsert([step('b', 'behind', true)]),
    ]);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const [withOwner, closed, plain] = await writer.takeThenInsert([
      step('b', 'after', true),
      step('closed', 'lost', true),
      step('a', 'more'),
    ]);
    expect(withOwner).toEqual({ taken: { id: 'b', open: 1, last: 1, owner: 'Bo' }, read: { shout: 'BO' } });
    expect(closed).toBeNull();
    expect(plain).toEqual({ taken: { id: 'a', open: 1, last: 2, owner: 'Ann' }, read: null });
    expect(await items()).toEqual(['a1:kept', 'a2:more', 'b1:after']);
  });

  it('makes a write of the main connection wait while a batch is on its way, instead of blocking on the lock', async () => {
    const release = await writer.gate.shared();
    let written = false;
    const write = sql`insert into scratch_items (counter_id, seq, body) values ('b', 9, 'main')`
      .execute(database.handle.db)
      .then(() => {
        written = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    release();
    await write;
    expect(await items()).toEqual(['b9:main']);
  });

  it('answers requests sent together in the order they were sent', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => writer.takeThenInsert([step('a', `m${index}`)])),
    );
    expect(results.map(([row]) => row?.taken.last)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses work once closed', async () => {
    await writer.takeThenInsert([step('a', 'before')]);
    await writer.close();
    await expect(writer.takeThenInsert([step('a', 'after')])).rejects.toThrow(/closed/);
    expect(await items()).toEqual(['a1:before']);
  });
});
