// Shift hand-over 交接班 (SPEC §1): an agent ending a shift writes a note; their open chats, work orders and due
// follow-ups are attached as they stand; the next agent on shift acknowledges it.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import { isoOf, isoOrNull } from '../../db/instants.js';
import type { Database, HandoverTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Handover } from '../../shared/schemas/quality.js';
import { recordAudit } from '../audit/service.js';
import { openChatsOf } from '../conversations/service.js';
import { openTasksOf } from '../followups/service.js';
import { staffNames } from '../team/service.js';
import { openWorkOrdersOf } from '../tickets/service.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

interface HandoverItems {
  chats: Handover['chats'];
  workOrders: Handover['workOrders'];
  followUps: Handover['followUps'];
}

async function present(db: Db, shopId: string, rows: HandoverTable[]): Promise<Handover[]> {
  const names = await staffNames(
    db,
    shopId,
    rows.flatMap((row) => [row.fromUserId, row.toUserId ?? '', row.acknowledgedBy ?? ''].filter(Boolean)),
  );
  return rows.map((row) => {
    const items = JSON.parse(row.items) as HandoverItems;
    return {
      id: row.id,
      fromUserId: row.fromUserId,
      fromName: names.get(row.fromUserId) ?? '',
      toUserId: row.toUserId,
      toName: row.toUserId ? (names.get(row.toUserId) ?? '') : null,
      note: row.note,
      chats: items.chats,
      workOrders: items.workOrders,
      followUps: items.followUps,
      acknowledgedBy: row.acknowledgedBy,
      acknowledgedByName: row.acknowledgedBy ? (names.get(row.acknowledgedBy) ?? '') : null,
      acknowledgedAt: isoOrNull(row.acknowledgedAt),
      createdAt: isoOf(row.createdAt),
    };
  });
}

export async function createHandover(
  db: Db,
  actor: Actor,
  input: { note: string; toUserId?: string | undefined },
): Promise<Handover> {
  const now = Date.now();
  const [chats, workOrders, followUps] = await Promise.all([
    openChatsOf(db, actor.shopId, actor.userId),
    openWorkOrdersOf(db, actor.shopId, actor.userId),
    openTasksOf(db, actor.shopId, actor.userId),
  ]);
  if (input.toUserId && (await staffNames(db, actor.shopId, [input.toUserId])).size === 0) {
    throw new AppError('validation_failed', { toUserId: 'unknown' });
  }
  const row: HandoverTable = {
    id: newId(now),
    shopId: actor.shopId,
    fromUserId: actor.userId,
    toUserId: input.toUserId ?? null,
    note: input.note,
    items: JSON.stringify({
      chats: chats.map((chat) => ({ id: chat.id, preview: chat.preview })),
      workOrders: workOrders.map((order) => ({
        id: order.id,
        number: order.number,
        title: order.title,
        status: order.status,
      })),
      followUps,
    } satisfies HandoverItems),
    acknowledgedBy: null,
    acknowledgedAt: null,
    createdAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertHandover(trx, row);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'handover.created',
      entityType: 'handover',
      entityId: row.id,
      changes: { toUserId: row.toUserId },
    });
  });
  return (await present(db, actor.shopId, [row]))[0]!;
}

export async function listHandovers(db: Db, actor: Actor): Promise<Handover[]> {
  return present(db, actor.shopId, await repo.listHandovers(db, actor.shopId, 100));
}

/** The next agent on shift (anyone but its writer, or the named one) acknowledges a hand-over, once. */
export async function acknowledgeHandover(db: Db, actor: Actor, id: string): Promise<Handover> {
  const now = Date.now();
  const row = await db.transaction().execute(async (trx) => {
    const before = await repo.findHandover(trx, actor.shopId, id);
    if (!before) throw notFound();
    if (before.fromUserId === actor.userId) throw new AppError('handover_own');
    if (before.toUserId && before.toUserId !== actor.userId) throw new AppError('forbidden');
    if (!(await repo.acknowledge(trx, id, actor.userId, now))) throw new AppError('handover_acknowledged');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'handover.acknowledged',
      entityType: 'handover',
      entityId: id,
      changes: {},
    });
    return { ...before, acknowledgedBy: actor.userId, acknowledgedAt: now };
  });
  return (await present(db, actor.shopId, [row]))[0]!;
}
