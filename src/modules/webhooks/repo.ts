// Queries of the webhook_secrets table.
import type { Kysely } from 'kysely';
import type { Database, WebhookSecretTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export function listSecrets(db: Db, shopId: string): Promise<WebhookSecretTable[]> {
  return db.selectFrom('webhookSecrets').selectAll().where('shopId', '=', shopId).execute();
}

export async function deleteSecret(db: Db, shopId: string, slot: WebhookSecretTable['slot']): Promise<void> {
  await db.deleteFrom('webhookSecrets').where('shopId', '=', shopId).where('slot', '=', slot).execute();
}

export async function insertSecret(db: Db, row: WebhookSecretTable): Promise<void> {
  await db.insertInto('webhookSecrets').values(row).execute();
}

export async function moveCurrentToPrevious(db: Db, shopId: string): Promise<void> {
  await db
    .updateTable('webhookSecrets')
    .set({ slot: 'previous' })
    .where('shopId', '=', shopId)
    .where('slot', '=', 'current')
    .execute();
}
