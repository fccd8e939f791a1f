// Idle while online (SPEC §1): an online agent without any activity for longer than the shop's limit (60 s by
// default) is a violation candidate for the supervisor.

export interface PresenceSnapshot {
  userId: string;
  status: string;
  lastActivityAt: number;
}

/** The agents idle past the limit at `now`, with when their idleness began (their last activity). */
export function idleAgents(
  presence: readonly PresenceSnapshot[],
  limitSeconds: number,
  now: number,
): Array<{ userId: string; idleSince: number }> {
  return presence
    .filter((row) => row.status === 'online' && now - row.lastActivityAt >= limitSeconds * 1000)
    .map((row) => ({ userId: row.userId, idleSince: row.lastActivityAt }));
}
