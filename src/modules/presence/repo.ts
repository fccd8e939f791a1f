// Queries of agent_presence and presence_history.
import type { Kysely } from 'kysely';
import type { AgentPresenceTable, Database, PresenceHistoryTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export function findPresence(db: Db, userId: string) {
  return db.selectFrom('agentPresence').selectAll().where('userId', '=', userId).executeTakeFirst();
}

export function listPresence(db: Db, shopId: string): Promise<AgentPresenceTable[]> {
  return db.selectFrom('agentPresence').selectAll().where('shopId', '=', shopId).execute();
}

export async function upsertPresence(db: Db, row: AgentPresenceTable): Promise<void> {
  await db
    .insertInto('agentPresence')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('userId')
        .doUpdateSet({ status: row.status, changedAt: row.changedAt, lastActivityAt: row.lastActivityAt }),
    )
    .execute();
}

export async function touchActivity(db: Db, userId: string, at: number): Promise<void> {
  await db.updateTable('agentPresence').set({ lastActivityAt: at }).where('userId', '=', userId).execute();
}

export async function insertHistory(db: Db, row: PresenceHistoryTable): Promise<void> {
  await db.insertInto('presenceHistory').values(row).execute();
}
