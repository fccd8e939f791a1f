// The unique key that makes a resend idempotent, (conversation, author, client message id), now starts with the
// client message id. The columns are the same, so the same resends are refused; what changes is where a new
// message's entry lands in the index. Led by the conversation, every message dirtied a page of its own
// conversation's part of the index (one page per chat and commit, each copied to the log and back to the file);
// led by the client id, which the widget and the agent app make time-ordered (src/shared/client-message-id.ts),
// new entries gather at the end of the index, a few pages shared by every chat. On SQLite a table's unique
// constraint cannot be dropped, so the table is built again with the same columns and rows.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../locks.js';

const constraint = 'messages_client_id_unique';
const before = ['conversation_id', 'author_id', 'client_message_id'];
const after = ['client_message_id', 'author_id', 'conversation_id'];

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');

async function keyOrder(db: Kysely<unknown>, from: readonly string[], to: readonly string[]): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table messages drop constraint ${constraint}`).execute(db);
    await sql.raw(`alter table messages add constraint ${constraint} unique (${quoted(to)})`).execute(db);
    return;
  }
  const found = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = 'messages'`.execute(db);
  const definition = found.rows[0]?.sql;
  const old = `constraint "${constraint}" unique (${quoted(from)})`;
  if (!definition?.includes(old)) throw new Error(`messages has no ${old}`);
  const rebuilt = definition
    .replace(/^CREATE TABLE "messages"/, 'CREATE TABLE "messages_rebuilt"')
    .replace(old, `constraint "${constraint}" unique (${quoted(to)})`);
  if (!rebuilt.startsWith('CREATE TABLE "messages_rebuilt"'))
    throw new Error('unexpected messages definition');
  // Nothing references messages, so the old table can go once its rows are copied (same columns, same order).
  // One transaction: a start that stops half-way finds the table as it was.
  await db.transaction().execute(async (trx) => {
    await sql.raw(rebuilt).execute(trx);
    await sql.raw('insert into messages_rebuilt select * from messages').execute(trx);
    await sql.raw('drop table messages').execute(trx);
    await sql.raw('alter table messages_rebuilt rename to messages').execute(trx);
  });
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await keyOrder(db, before, after);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await keyOrder(db, after, before);
}
