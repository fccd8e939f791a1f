// Queries of the attachments table.
import type { Kysely } from 'kysely';
import type { AttachmentTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function insertAttachment(db: Db, row: AttachmentTable): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export function findAttachmentData(db: Db, id: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'contentType', 'size', 'sha256', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findAttachmentMeta(db: Db, shopId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .select(['id', 'shopId', 'uploaderKind', 'uploaderId', 'contentType', 'size'])
    .where('shopId', '=', shopId)
    .where('id', 'in', ids)
    .execute();
}
