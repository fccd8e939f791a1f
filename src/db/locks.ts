// A lock held until the transaction ends, for decisions that must not run twice at once across server processes
// (a transaction-scoped advisory lock on PostgreSQL; SQLite already serialises writers).
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Whether this database is PostgreSQL (several server processes may share it) rather than SQLite (one process). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function lockForTransaction(trx: Kysely<Database>, key: string): Promise<void> {
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  }
}
