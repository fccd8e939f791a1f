// Queries of the calls, call_events, callback_tasks, call_extensions and call_settings tables.
import type { Kysely } from 'kysely';
import type {
  CallbackTaskTable,
  CallEventTable,
  CallSettingsTable,
  CallTable,
  Database,
} from '../../db/schema.js';
import type { CallbackStatus, CallSource, CallState } from '../../shared/calls.js';

type Db = Kysely<Database>;

/**
 * Creates the call row if it is new, else takes its row lock (a no-op update), so that concurrent events of one
 * call are folded one after another and the last fold sees every event. Returns the call's id.
 */
export async function lockOrCreateCall(db: Db, row: CallTable): Promise<string> {
  const { id } = await db
    .insertInto('calls')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['shopId', 'externalCallId']).doUpdateSet((eb) => ({ version: eb.ref('calls.version') })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** false when an event with this id was stored before. */
export async function insertEventIfNew(db: Db, row: CallEventTable): Promise<boolean> {
  const inserted = await db
    .insertInto('callEvents')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'eventId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function eventsOfCall(db: Db, shopId: string, externalCallId: string): Promise<CallEventTable[]> {
  return db
    .selectFrom('callEvents')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('externalCallId', '=', externalCallId)
    .execute();
}

export function findCall(db: Db, shopId: string, id: string): Promise<CallTable | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertCall(db: Db, row: CallTable): Promise<void> {
  await db.insertInto('calls').values(row).execute();
}

export async function updateCall(db: Db, id: string, patch: Partial<CallTable>): Promise<void> {
  await db.updateTable('calls').set(patch).where('id', '=', id).execute();
}

export interface CallFilter {
  from?: number | undefined;
  to?: number | undefined;
  source?: CallSource | undefined;
  state?: CallState | undefined;
  missed?: boolean | undefined;
  callback?: CallbackStatus | undefined;
  agentId?: string | undefined;
  selfChecked?: boolean | undefined;
  /** Agents without calls.supervise: their own calls and those no agent took. */
  visibleTo?: string | undefined;
  ids?: readonly string[] | undefined;
  before?: string | undefined;
  /** calls of these customers (the profile timeline) */
  customerIds?: readonly string[] | undefined;
  limit: number;
}

export function listCalls(db: Db, shopId: string, filter: CallFilter): Promise<CallTable[]> {
  let query = db.selectFrom('calls').selectAll('calls').where('calls.shopId', '=', shopId);
  if (filter.from !== undefined) query = query.where('calls.startedAt', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('calls.startedAt', '<', filter.to);
  if (filter.source) query = query.where('calls.source', '=', filter.source);
  if (filter.state) query = query.where('calls.state', '=', filter.state);
  if (filter.missed !== undefined) query = query.where('calls.missed', '=', filter.missed ? 1 : 0);
  if (filter.agentId) query = query.where('calls.agentId', '=', filter.agentId);
  if (filter.selfChecked !== undefined) {
    query = query.where('calls.selfCheckedAt', filter.selfChecked ? 'is not' : 'is', null);
  }
  if (filter.visibleTo) {
    const userId = filter.visibleTo;
    query = query.where((eb) => eb.or([eb('calls.agentId', '=', userId), eb('calls.agentId', 'is', null)]));
  }
  if (filter.customerIds) {
    query = query.where(
      'calls.customerId',
      'in',
      filter.customerIds.length > 0 ? [...filter.customerIds] : [''],
    );
  }
  if (filter.ids) query = query.where('calls.id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  if (filter.callback) {
    const status = filter.callback;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('callbackTasks')
          .select('callbackTasks.id')
          .whereRef('callbackTasks.callId', '=', 'calls.id')
          .where('callbackTasks.status', '=', status),
      ),
    );
  }
  if (filter.before) query = query.where('calls.id', '<', filter.before);
  return query.orderBy('calls.id', 'desc').limit(filter.limit).execute();
}

/** Ids of the records agents made in [from, to): ended PBX calls with an agent, and manual records. */
export async function agentRecordIds(db: Db, shopId: string, from: number, to: number): Promise<string[]> {
  const rows = await db
    .selectFrom('calls')
    .select('id')
    .where('shopId', '=', shopId)
    .where('startedAt', '>=', from)
    .where('startedAt', '<', to)
    .where('agentId', 'is not', null)
    .where('state', '=', 'ended')
    .execute();
  return rows.map((row) => row.id);
}

export function callbackTasksOf(db: Db, callIds: readonly string[]): Promise<CallbackTaskTable[]> {
  if (callIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('callbackTasks')
    .selectAll()
    .where('callId', 'in', [...callIds])
    .execute();
}

export function findCallbackTask(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('callbackTasks')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertCallbackTask(db: Db, row: CallbackTaskTable): Promise<void> {
  await db
    .insertInto('callbackTasks')
    .values(row)
    .onConflict((oc) => oc.column('callId').doNothing())
    .execute();
}

export async function updateCallbackTask(
  db: Db,
  id: string,
  patch: Partial<CallbackTaskTable>,
): Promise<void> {
  await db.updateTable('callbackTasks').set(patch).where('id', '=', id).execute();
}

export function findSettings(db: Db, shopId: string): Promise<CallSettingsTable | undefined> {
  return db.selectFrom('callSettings').selectAll().where('shopId', '=', shopId).executeTakeFirst();
}

export async function upsertSettings(db: Db, row: CallSettingsTable): Promise<void> {
  await db
    .insertInto('callSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('shopId').doUpdateSet({
        secondsPerRing: row.secondsPerRing,
        maxRings: row.maxRings,
        callbackDelayMinutes: row.callbackDelayMinutes,
        spotCheckSampleSize: row.spotCheckSampleSize,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export function listExtensions(db: Db, shopId: string) {
  return db
    .selectFrom('callExtensions')
    .select(['extension', 'userId'])
    .where('shopId', '=', shopId)
    .orderBy('extension')
    .execute();
}

export async function findExtensionAgent(db: Db, shopId: string, extension: string): Promise<string | null> {
  const row = await db
    .selectFrom('callExtensions')
    .select('userId')
    .where('shopId', '=', shopId)
    .where('extension', '=', extension)
    .executeTakeFirst();
  return row?.userId ?? null;
}

export async function replaceExtensions(
  db: Db,
  shopId: string,
  rows: ReadonlyArray<{ extension: string; userId: string }>,
  now: number,
): Promise<void> {
  await db.deleteFrom('callExtensions').where('shopId', '=', shopId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('callExtensions')
    .values(rows.map((row) => ({ shopId, ...row, createdAt: now })))
    .execute();
}

// ── facts for metrics (issue 6, docs/metrics.md §2.9) ──────────────────────────────────────────────────────

export function callFactRows(
  db: Db,
  shopId: string,
  filter: { ids?: readonly string[]; from?: number; to?: number },
) {
  let query = db
    .selectFrom('calls')
    .select(['id', 'direction', 'agentId', 'startedAt', 'answeredAt'])
    .where('shopId', '=', shopId);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  if (filter.from !== undefined) query = query.where('startedAt', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('startedAt', '<', filter.to);
  return query.execute();
}
