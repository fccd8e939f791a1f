// SQLite's write-ahead log is copied back into the database file by the background worker: the log does not keep
// growing while the server writes, and the data is in the database file.
import { statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../test/databases.js';

const walBytes = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

describe.runIf(testDialects().includes('sqlite'))('background WAL checkpoints [sqlite]', () => {
  it('checkpoints what the server wrote without the server connection doing it', async () => {
    const database = await createTestDatabase('sqlite');
    const file = database.handle.description.slice('sqlite:'.length);
    try {
      const db = database.handle.db;
      // 3,000 commits of 1 KB each: about 750 pages per 1,000 commits, well past what the log holds between two
      // background checkpoints (they run every 200 ms).
      await sql`create table scratch_rows (id integer primary key, body text not null)`.execute(db);
      for (let round = 0; round < 30; round += 1) {
        for (let i = 0; i < 100; i += 1) {
          await sql`insert into scratch_rows (body) values (${'x'.repeat(1000)})`.execute(db);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      // Every frame in the log has been copied back: a checkpoint now has nothing left to do.
      const reader = new SqliteDatabase(file, { readonly: true });
      try {
        const [status] = reader.pragma('wal_checkpoint(PASSIVE)') as Array<{
          log: number;
          checkpointed: number;
        }>;
        expect(status?.log).toBe(status?.checkpointed);
      } finally {
        reader.close();
      }
      expect(walBytes(file)).toBeLessThan(8 * 1024 * 1024);
    } finally {
      await database.drop();
    }
  });
});
