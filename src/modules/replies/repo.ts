// Queries of the quick_replies and auto_replies tables.
import type { Kysely } from 'kysely';
import type { AutoReplyTable, Database, QuickReplyTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export function listQuickReplies(db: Db, shopId: string, ownerKeys: string[]): Promise<QuickReplyTable[]> {
  return db
    .selectFrom('quickReplies')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('ownerKey', 'in', ownerKeys)
    .orderBy('shortcut')
    .execute();
}

export function findQuickReply(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('quickReplies')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertQuickReply(db: Db, row: QuickReplyTable): Promise<void> {
  await db.insertInto('quickReplies').values(row).execute();
}

export async function updateQuickReply(db: Db, id: string, patch: Partial<QuickReplyTable>): Promise<void> {
  await db.updateTable('quickReplies').set(patch).where('id', '=', id).execute();
}

export async function deleteQuickReply(db: Db, id: string): Promise<void> {
  await db.deleteFrom('quickReplies').where('id', '=', id).execute();
}

export function listAutoReplies(db: Db, shopId: string): Promise<AutoReplyTable[]> {
  return db
    .selectFrom('autoReplies')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('kind')
    .orderBy('startsAt')
    .execute();
}

export function findAutoReply(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('autoReplies')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Inserts unless the slot is taken (a shop's one greeting, off-hours and queue reply). */
export async function insertAutoReplyIfAbsent(db: Db, row: AutoReplyTable): Promise<void> {
  await db
    .insertInto('autoReplies')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'slot']).doNothing())
    .execute();
}

export async function updateAutoReply(db: Db, id: string, patch: Partial<AutoReplyTable>): Promise<void> {
  await db.updateTable('autoReplies').set(patch).where('id', '=', id).execute();
}

export async function deleteAutoReply(db: Db, id: string): Promise<void> {
  await db.deleteFrom('autoReplies').where('id', '=', id).execute();
}

/** Promotion auto-replies still switched on (the discipline sweep looks for expired ones left on). */
export function enabledPromotions(db: Db, shopId: string): Promise<AutoReplyTable[]> {
  return db
    .selectFrom('autoReplies')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('kind', '=', 'promotion')
    .where('enabled', '=', 1)
    .execute();
}
