// Presence as the workspace sees it (SPEC §1, §3): who may take a transfer, idle-while-online, the header switch.
import type { PresenceStatus } from '@shared/chat.js';
import type { Role } from '@shared/roles.js';
import type { AgentBoardEntry, IdleEvent } from '@shared/schemas/chat.js';

/** Roles that receive chats and so show the presence switch. */
const chatRoles: ReadonlySet<Role> = new Set(['agent', 'supervisor', 'admin']);
export const takesChats = (role: Role) => chatRoles.has(role);

/** Connecting sets an offline agent online on the server; the switch shows that without asking again. */
export function presenceAfterConnect(known: PresenceStatus, role: Role): PresenceStatus {
  return role === 'agent' && known === 'offline' ? 'online' : known;
}

export type TransferTargetState = 'available' | 'self' | 'absent' | 'full';

/** Away and offline agents never get a chat, nor does an agent at their cap (SPEC §3.3). */
export function transferTargetState(entry: AgentBoardEntry, myUserId: string): TransferTargetState {
  if (entry.userId === myUserId) return 'self';
  if (entry.status === 'away' || entry.status === 'offline') return 'absent';
  if (entry.openChats >= entry.maxConcurrentChats) return 'full';
  return 'available';
}

/** Online but without activity past the shop's limit: a violation candidate (seed 003: leave >1 min without away). */
export function isIdleWhileOnline(entry: Pick<AgentBoardEntry, 'status' | 'idleSince'>): boolean {
  return entry.status === 'online' && entry.idleSince !== null;
}

export function idleSeconds(since: string | null, nowMs: number): number | null {
  if (!since) return null;
  const ms = Date.parse(since);
  return Number.isNaN(ms) ? null : Math.max(0, Math.floor((nowMs - ms) / 1000));
}

/** How long an idle event lasted, or has lasted so far while it is still going on. */
export function idleEventSeconds(event: IdleEvent, nowMs: number): number {
  const end = event.endedAt ? Date.parse(event.endedAt) : nowMs;
  return Math.max(0, Math.floor((end - Date.parse(event.idleSince)) / 1000));
}

/** A pushed presence change applied to the board (older pushes than the held status are ignored). */
export function applyPresenceUpdate(
  board: readonly AgentBoardEntry[],
  update: { userId: string; status: PresenceStatus; at: string; idleSince: string | null },
): AgentBoardEntry[] {
  return board.map((entry) => {
    if (entry.userId !== update.userId) return entry;
    if (entry.statusSince && Date.parse(entry.statusSince) > Date.parse(update.at)) return entry;
    const statusSince = entry.status === update.status ? entry.statusSince : update.at;
    return { ...entry, status: update.status, statusSince, idleSince: update.idleSince };
  });
}

/** The board ordered for the supervisor: idle-while-online first, then by presence, then by name. */
const presenceOrder: Record<PresenceStatus, number> = { online: 0, busy: 1, away: 2, offline: 3 };
export function sortBoard(board: readonly AgentBoardEntry[]): AgentBoardEntry[] {
  return [...board].sort(
    (a, b) =>
      Number(isIdleWhileOnline(b)) - Number(isIdleWhileOnline(a)) ||
      presenceOrder[a.status] - presenceOrder[b.status] ||
      a.displayName.localeCompare(b.displayName),
  );
}
