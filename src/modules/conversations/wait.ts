// The estimated wait shown to a customer in the queue: from how fast the shop has been taking queued chats lately.

/** How far back assignments count for the pace. */
export const waitWindowMs = 30 * 60_000;
/** Without enough recent assignments: one minute per place ahead. */
export const fallbackSecondsPerPlace = 60;
const maxEstimateSeconds = 2 * 3600;

/**
 * Seconds until a customer at `position` (1 = next) is served: position ÷ the pace of recent assignments (chats
 * taken per second over the window), or a minute per place when fewer than three chats were taken lately.
 * Rounded up to 10 s, at most two hours.
 */
export function estimateWaitSeconds(position: number, assignedAts: readonly number[], now: number): number {
  const recent = assignedAts.filter((at) => at <= now && now - at <= waitWindowMs);
  let seconds: number;
  if (recent.length < 3) {
    seconds = position * fallbackSecondsPerPlace;
  } else {
    const oldest = Math.min(...recent);
    const spanSeconds = Math.max((now - oldest) / 1000, 60);
    const perSecond = recent.length / spanSeconds;
    seconds = position / perSecond;
  }
  return Math.min(maxEstimateSeconds, Math.ceil(seconds / 10) * 10);
}
