// The ordered list of migrations; a new one is a new numbered file added here (runs on both dialects).
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-live-chat.js';
import * as m0003 from './0003-chat-service.js';
import * as m0004 from './0004-calendar.js';
import * as m0005 from './0005-calls.js';
import * as m0006 from './0006-orders.js';
import * as m0007 from './0007-work-orders.js';
import * as m0008 from './0008-routing-indexes.js';
import * as m0009 from './0009-follow-ups.js';
import * as m0010 from './0010-qa-discipline.js';
import * as m0011 from './0011-knowledge.js';
import * as m0012 from './0012-metrics.js';
import * as m0013 from './0013-lookup-indexes.js';
import * as m0014 from './0014-message-client-key.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-live-chat': m0002,
  '0003-chat-service': m0003,
  '0004-calendar': m0004,
  '0005-calls': m0005,
  '0006-orders': m0006,
  '0007-work-orders': m0007,
  '0008-routing-indexes': m0008,
  '0009-follow-ups': m0009,
  '0010-qa-discipline': m0010,
  '0011-knowledge': m0011,
  '0012-metrics': m0012,
  '0013-lookup-indexes': m0013,
  '0014-message-client-key': m0014,
};
