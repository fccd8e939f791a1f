// Instants are stored as UTC epoch milliseconds and leave the server as ISO-8601 strings.

/** Recent instants' strings: a conversation's view repeats its instants with every message. */
const recent = new Map<number, string>();

export function isoOf(ms: number): string {
  let iso = recent.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (recent.size >= 10_000) recent.clear();
    recent.set(ms, iso);
  }
  return iso;
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoOf(ms);
}
