// Agent presence (SPEC §1): online, busy, away, offline, set by the agent or derived from connections; every
// change is kept as history, and routing hears of it through the presence.changed event.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { runCommand, type EventBus } from '../../server/events.js';
import type { PresenceStatus } from '../../shared/chat.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

export type PresenceReason = 'set_by_agent' | 'connected' | 'disconnected' | 'set_by_supervisor';

export async function setPresence(
  deps: { db: Db; bus: EventBus },
  who: { shopId: string; userId: string },
  status: PresenceStatus,
  reason: PresenceReason,
): Promise<PresenceStatus> {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const now = Date.now();
    const before = await repo.findPresence(trx, who.userId);
    await repo.upsertPresence(trx, {
      userId: who.userId,
      shopId: who.shopId,
      status,
      changedAt: now,
      lastActivityAt: now,
    });
    if (before?.status !== status) {
      await repo.insertHistory(trx, {
        id: newId(now),
        shopId: who.shopId,
        userId: who.userId,
        status,
        reason,
        at: now,
      });
      emit({ type: 'presence.changed', shopId: who.shopId, userId: who.userId, status, at: now });
    }
    return status;
  });
}

export async function presenceOf(db: Db, userId: string): Promise<PresenceStatus> {
  return (await repo.findPresence(db, userId))?.status ?? 'offline';
}

export async function presenceByAgent(db: Db, shopId: string): Promise<Map<string, PresenceStatus>> {
  return new Map((await repo.listPresence(db, shopId)).map((row) => [row.userId, row.status]));
}

export async function recordActivity(db: Db, userId: string): Promise<void> {
  await repo.touchActivity(db, userId, Date.now());
}
