// Queries of agent_presence and presence_history.
import type { Kysely } from 'kysely';
import type { AgentPresenceTable, Database, IdleEventTable, PresenceHistoryTable } from '../../db/schema.js';

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

/** Records an idle stretch once (a second node detecting the same one changes nothing); true when new. */
export async function insertIdleEvent(db: Db, row: IdleEventTable): Promise<boolean> {
  const result = await db
    .insertInto('idleEvents')
    .values(row)
    .onConflict((oc) => oc.columns(['userId', 'idleSince']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ends the agent's open idle stretch; true when there was one. */
export async function endIdleEvents(db: Db, userId: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('idleEvents')
    .set({ endedAt: at })
    .where('userId', '=', userId)
    .where('endedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function openIdleEvents(db: Db, shopId: string) {
  return db
    .selectFrom('idleEvents')
    .select(['userId', 'idleSince'])
    .where('shopId', '=', shopId)
    .where('endedAt', 'is', null)
    .execute();
}

export function listIdleEvents(db: Db, shopId: string, since: number, limit: number) {
  return db
    .selectFrom('idleEvents')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('detectedAt', '>=', since)
    .orderBy('detectedAt', 'desc')
    .limit(limit)
    .execute();
}
