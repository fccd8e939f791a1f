// The shop's webhook signing secrets: two at most (current and, during a rotation, previous), rotated by admins.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WebhookSecretTable } from '../../db/schema.js';
import { lockForTransaction } from '../../db/locks.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import type { RotatedWebhookSecret, WebhookSecrets } from '../../shared/schemas/webhooks.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

function present(rows: readonly WebhookSecretTable[]): WebhookSecrets {
  const info = (slot: WebhookSecretTable['slot']) => {
    const row = rows.find((r) => r.slot === slot);
    return row ? { hint: row.secret.slice(-4), createdAt: new Date(row.createdAt).toISOString() } : null;
  };
  return { current: info('current'), previous: info('previous') };
}

/** The secrets a signature may be made with, current first. */
export async function webhookSecretsOf(db: Db, shopId: string): Promise<string[]> {
  const rows = await repo.listSecrets(db, shopId);
  return ['current', 'previous'].flatMap((slot) => rows.filter((r) => r.slot === slot).map((r) => r.secret));
}

export async function webhookSecretStatus(db: Db, actor: Actor): Promise<WebhookSecrets> {
  return present(await repo.listSecrets(db, actor.shopId));
}

/** A new current secret; the old current one stays valid as 'previous' so senders can switch without downtime. */
export function rotateWebhookSecret(db: Db, actor: Actor): Promise<RotatedWebhookSecret> {
  return withTransaction(db, async (trx) => {
    // Two rotations at once (a double click) must run one after the other, not both move 'current' to 'previous'.
    await lockForTransaction(trx, `kefu:webhook-secrets:${actor.shopId}`);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await repo.deleteSecret(trx, actor.shopId, 'previous');
    await repo.moveCurrentToPrevious(trx, actor.shopId);
    await repo.insertSecret(trx, { shopId: actor.shopId, slot: 'current', secret, createdAt: Date.now() });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'webhook_secret.rotated',
      entityType: 'shop',
      entityId: actor.shopId,
      changes: { hint: secret.slice(-4) },
    });
    return { secret, ...present(await repo.listSecrets(trx, actor.shopId)) };
  });
}

/** Ends the rotation: only the current secret is accepted from now on. */
export function retirePreviousWebhookSecret(db: Db, actor: Actor): Promise<WebhookSecrets> {
  return withTransaction(db, async (trx) => {
    await repo.deleteSecret(trx, actor.shopId, 'previous');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'webhook_secret.previous_retired',
      entityType: 'shop',
      entityId: actor.shopId,
      changes: {},
    });
    return present(await repo.listSecrets(trx, actor.shopId));
  });
}
