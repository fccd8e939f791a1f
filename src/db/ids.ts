// Time-ordered, unguessable record ids (UUIDv7 without dashes): sortable by creation, safe to expose.
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
// Random bytes are drawn in blocks: one system call per 256 ids instead of one per id.
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;
let sequence = 0;

export function newId(now: number = Date.now()): string {
  // A 12-bit counter keeps ids created in the same millisecond in order.
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = 0;
  }
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return bytes.toString('hex');
}
