// A lock held until the transaction ends, for decisions that must not run twice at once across server processes
// (a transaction-scoped advisory lock on PostgreSQL; SQLite already serialises writers).
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function lockForTransaction(trx: Kysely<Database>, key: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  }
}
