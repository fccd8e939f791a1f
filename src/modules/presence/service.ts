// Agent presence (SPEC §1): online, busy, away, offline, set by the agent or derived from connections; every
// change is kept as history, and routing hears of it through the presence.changed event.
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { runCommand, type EventBus } from '../../server/events.js';
import type { PresenceStatus } from '../../shared/chat.js';
import type { AgentBoardEntry, IdleEvent } from '../../shared/schemas/chat.js';
import { agentLoads } from '../conversations/service.js';
import { getChatSettings } from '../shops/service.js';
import { routingStaff, staffNames } from '../team/service.js';
import * as repo from './repo.js';
import { idleAgents } from './rules.js';
import { isoOrNull } from '../../db/instants.js';

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
    // Any change of status ends an idle stretch (a new one starts from this moment if they stay online).
    await repo.endIdleEvents(trx, who.userId, now);
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

/** The agent did something (typed, clicked): they are not idle; an open idle stretch ends now. */
export async function recordActivity(
  deps: { db: Db; bus: EventBus },
  who: { shopId: string; userId: string },
): Promise<void> {
  await runCommand(deps.db, deps.bus, async (trx, emit) => {
    const now = Date.now();
    await repo.touchActivity(trx, who.userId, now);
    if (await repo.endIdleEvents(trx, who.userId, now)) {
      const status = (await repo.findPresence(trx, who.userId))?.status ?? 'offline';
      emit({
        type: 'presence.changed',
        shopId: who.shopId,
        userId: who.userId,
        status,
        at: now,
        idleSince: null,
      });
    }
  });
}

/**
 * Records every online agent idle past the shop's limit as a violation candidate (SPEC §1), once per idle
 * stretch, and tells supervisors. Safe to run on every node at once.
 */
export function detectIdleAgents(deps: { db: Db; bus: EventBus }, shopId: string, now = Date.now()) {
  return runCommand(deps.db, deps.bus, async (trx, emit) => {
    const { idleLimitSeconds } = await getChatSettings(trx, shopId);
    const idle = idleAgents(await repo.listPresence(trx, shopId), idleLimitSeconds, now);
    for (const { userId, idleSince } of idle) {
      const created = await repo.insertIdleEvent(trx, {
        id: newId(now),
        shopId,
        userId,
        idleSince,
        detectedAt: now,
        endedAt: null,
        limitSeconds: idleLimitSeconds,
      });
      if (created) emit({ type: 'presence.changed', shopId, userId, status: 'online', at: now, idleSince });
    }
    return idle.length;
  });
}

/** Every agent with presence, load and cap, and since when they have been idle while online. */
export async function agentBoard(db: Db, shopId: string): Promise<AgentBoardEntry[]> {
  const [staff, presence, loads, idle] = await Promise.all([
    routingStaff(db, shopId),
    repo.listPresence(db, shopId),
    agentLoads(db, shopId),
    repo.openIdleEvents(db, shopId),
  ]);
  const names = await staffNames(
    db,
    shopId,
    staff.map((agent) => agent.agentId),
  );
  const presenceOfAgent = new Map(presence.map((row) => [row.userId, row]));
  const idleSince = new Map(idle.map((row) => [row.userId, row.idleSince]));
  return staff
    .map((agent) => {
      const row = presenceOfAgent.get(agent.agentId);
      return {
        userId: agent.agentId,
        displayName: names.get(agent.agentId) ?? '',
        groups: agent.groups,
        status: row?.status ?? 'offline',
        statusSince: isoOrNull(row?.changedAt ?? null),
        openChats: loads.get(agent.agentId)?.openChats ?? 0,
        maxConcurrentChats: agent.maxConcurrentChats,
        idleSince: isoOrNull(idleSince.get(agent.agentId) ?? null),
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

/** Idle-while-online stretches detected since `since`, newest first (violation candidates). */
export async function idleEvents(db: Db, shopId: string, since: number): Promise<IdleEvent[]> {
  const rows = await repo.listIdleEvents(db, shopId, since, 500);
  const names = await staffNames(
    db,
    shopId,
    rows.map((row) => row.userId),
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    displayName: names.get(row.userId) ?? '',
    idleSince: new Date(row.idleSince).toISOString(),
    detectedAt: new Date(row.detectedAt).toISOString(),
    endedAt: isoOrNull(row.endedAt),
    limitSeconds: row.limitSeconds,
  }));
}
