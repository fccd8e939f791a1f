// Runs work in a transaction, joining the caller's when there is one, so services compose into one commit.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export function withTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
