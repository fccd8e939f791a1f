// Instants are stored as UTC epoch milliseconds and leave the server as ISO-8601 strings.

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoOf(ms);
}
