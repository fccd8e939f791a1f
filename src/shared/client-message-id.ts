// The id a client gives each message it sends (the widget, the agent app, the benchmark's clients): resending the
// same id never stores the message twice. 12 hex digits of the sending time in milliseconds, then 20 characters of
// [0-9a-zA-Z_-] from the caller's CSPRNG (120 random bits). The server accepts any id of 8–64 such characters;
// time-ordered ones land together at the end of the messages' unique key (led by the client id, migration 0014)
// instead of scattered through it, which saves SQLite a page written per message.
const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-';

export function newClientMessageId(now: number, randomBytes: (size: number) => Uint8Array): string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  let random = '';
  // 256 is a multiple of 64: every character equally likely
  for (const byte of randomBytes(20)) random += alphabet[byte % 64];
  return time + random;
}
