// The ordered list of migrations; a new one is a new numbered file added here (runs on both dialects).
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
