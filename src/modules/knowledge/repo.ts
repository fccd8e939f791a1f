// Kysely queries for the knowledge base's own tables: entries and reply templates.
import type { Kysely } from 'kysely';
import type { Database, KnowledgeEntryTable, ReplyTemplateTable } from '../../db/schema.js';
import type { TemplateStatus } from '../../shared/assist.js';

type Db = Kysely<Database>;

export async function listEntries(db: Db, shopId: string): Promise<KnowledgeEntryTable[]> {
  return db
    .selectFrom('knowledgeEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('updatedAt', 'desc')
    .orderBy('id')
    .execute();
}

export async function findEntry(
  db: Db,
  shopId: string,
  id: string,
): Promise<KnowledgeEntryTable | undefined> {
  return db
    .selectFrom('knowledgeEntries')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertEntry(db: Db, row: KnowledgeEntryTable): Promise<void> {
  await db.insertInto('knowledgeEntries').values(row).execute();
}

export async function updateEntry(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<KnowledgeEntryTable>,
): Promise<void> {
  await db
    .updateTable('knowledgeEntries')
    .set(patch)
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEntry(db: Db, shopId: string, id: string): Promise<void> {
  await db.deleteFrom('knowledgeEntries').where('shopId', '=', shopId).where('id', '=', id).execute();
}

/** Changes whenever an entry or template is added, changed or removed (count and latest change). */
export async function contentStamp(db: Db, shopId: string): Promise<string> {
  const entries = await db
    .selectFrom('knowledgeEntries')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('updatedAt').as('latest')])
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow();
  const templates = await db
    .selectFrom('replyTemplates')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('updatedAt').as('latest')])
    .where('shopId', '=', shopId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return [entries.count, entries.latest, templates.count, templates.latest].map(String).join(':');
}

export async function listTemplates(
  db: Db,
  shopId: string,
  status?: TemplateStatus,
): Promise<ReplyTemplateTable[]> {
  let query = db.selectFrom('replyTemplates').selectAll().where('shopId', '=', shopId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('createdAt', 'desc').orderBy('id').execute();
}

export async function findTemplate(
  db: Db,
  shopId: string,
  id: string,
): Promise<ReplyTemplateTable | undefined> {
  return db
    .selectFrom('replyTemplates')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTemplate(db: Db, row: ReplyTemplateTable): Promise<void> {
  await db.insertInto('replyTemplates').values(row).execute();
}

/** Moves a pending template to its review outcome; false when it was no longer pending (a second reviewer). */
export async function reviewTemplate(
  db: Db,
  shopId: string,
  id: string,
  patch: Pick<ReplyTemplateTable, 'status' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'updatedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('replyTemplates')
    .set(patch)
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function linkQuickReply(db: Db, id: string, quickReplyId: string): Promise<void> {
  await db.updateTable('replyTemplates').set({ quickReplyId }).where('id', '=', id).execute();
}
