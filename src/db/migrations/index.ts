// The ordered list of migrations; a new one is a new numbered file added here (runs on both dialects).
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-live-chat.js';
import * as m0003 from './0003-chat-service.js';
import * as m0004 from './0004-calendar.js';
import * as m0007 from './0007-work-orders.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-live-chat': m0002,
  '0003-chat-service': m0003,
  '0004-calendar': m0004,
  '0007-work-orders': m0007,
};
