// Calls (SPEC §2, §5): PBX events folded into one record per call whatever order they arrive in, call-back tasks
// for missed calls, records logged by hand, self-checks, the weekly spot-check sample and call settings.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { CallSettingsTable, CallTable, Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand, type Emit, type EventBus } from '../../server/events.js';
import { parseLocalDate } from '../../shared/business-time.js';
import { defaultCallSettings } from '../../shared/calls.js';
import { fromZonedParts } from '../../shared/zoned-time.js';
import type {
  Call,
  CallSettings,
  CallWebhookEvent,
  CreateCallInput,
  SpotCheckSample,
  listCallsQuerySchema,
  spotCheckSchema,
  updateCallRecordSchema,
  updateCallSettingsSchema,
} from '../../shared/schemas/calls.js';
import { recordAudit } from '../audit/service.js';
import { getBusinessCalendar } from '../calendar/service.js';
import { customerIdByPhone } from '../customers/service.js';
import { getChatSettings } from '../shops/service.js';
import { staffNames } from '../team/service.js';
import { canEditRecord, canSeeCall, callPolicy } from './policy.js';
import { presentCall } from './presenter.js';
import * as repo from './repo.js';
import { callbackDueAt, foldCallEvents, weekOf, weeklySample, type CallEventFact } from './rules.js';

type Db = Kysely<Database>;

export async function callSettingsOf(db: Db, shopId: string): Promise<CallSettingsTable> {
  return (await repo.findSettings(db, shopId)) ?? { shopId, ...defaultCallSettings, updatedAt: 0 };
}

async function present(db: Db, shopId: string, rows: readonly CallTable[]): Promise<Call[]> {
  const [agentNames, tasks, settings] = await Promise.all([
    staffNames(
      db,
      shopId,
      rows.flatMap((row) => (row.agentId ? [row.agentId] : [])),
    ),
    repo.callbackTasksOf(
      db,
      rows.map((row) => row.id),
    ),
    callSettingsOf(db, shopId),
  ]);
  const callbacks = new Map(tasks.map((task) => [task.callId, task]));
  return rows.map((row) => presentCall(row, { agentNames, callbacks, maxRings: settings.maxRings }));
}

function changed(
  emit: Emit,
  call: Pick<CallTable, 'id' | 'shopId' | 'agentId' | 'state' | 'missed' | 'version'>,
) {
  emit({
    type: 'call.changed',
    shopId: call.shopId,
    callId: call.id,
    agentId: call.agentId,
    state: call.state,
    missed: call.missed === 1,
    version: call.version,
  });
}

/** Writes `patch` to the call with the next version, publishes the change and returns the call as presented. */
async function saveCall(
  trx: Db,
  emit: Emit,
  before: CallTable,
  patch: Partial<CallTable>,
  now: number,
): Promise<Call> {
  const after = { ...before, ...patch, version: before.version + 1, updatedAt: now };
  await repo.updateCall(trx, before.id, { ...patch, version: after.version, updatedAt: now });
  changed(emit, after);
  return (await present(trx, before.shopId, [after]))[0]!;
}

function factOf(row: { eventId: string; type: CallEventFact['type']; occurredAt: number; payload: string }) {
  const payload = JSON.parse(row.payload) as Omit<CallEventFact, 'eventId' | 'type' | 'occurredAt'>;
  return { ...payload, eventId: row.eventId, type: row.type, occurredAt: row.occurredAt };
}

/**
 * Stores one PBX event (idempotent on its event id) and recomputes the call from all its events. The call row is
 * locked first, so concurrent events of the same call are folded one after another.
 */
export function receiveCallEvent(
  db: Db,
  bus: EventBus,
  shopId: string,
  event: CallWebhookEvent,
): Promise<{ duplicate: boolean; id: string }> {
  return runCommand(db, bus, async (trx, emit) => {
    const now = Date.now();
    const occurredAt = Date.parse(event.occurredAt);
    const id = await repo.lockOrCreateCall(trx, {
      id: newId(now),
      shopId,
      source: 'pbx',
      externalCallId: event.callId,
      direction: event.direction ?? 'inbound',
      state: 'ringing',
      fromNumber: null,
      toNumber: null,
      agentExtension: null,
      agentId: null,
      customerId: null,
      startedAt: occurredAt,
      ringingAt: null,
      answeredAt: null,
      endedAt: null,
      ringMs: null,
      ringsBeforeAnswer: null,
      missed: 0,
      recordingUrl: null,
      customerName: null,
      contactPhone: null,
      contactEmail: null,
      matterKind: null,
      matter: null,
      handling: null,
      customerReaction: null,
      recordingTold: null,
      selfCheckedAt: null,
      spotCheckResult: null,
      spotCheckComment: null,
      spotCheckedBy: null,
      spotCheckedAt: null,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    const stored = await repo.insertEventIfNew(trx, {
      id: newId(now),
      shopId,
      eventId: event.eventId,
      externalCallId: event.callId,
      type: event.type,
      occurredAt,
      payload: JSON.stringify({
        direction: event.direction,
        fromNumber: event.from,
        toNumber: event.to,
        extension: event.extension,
        recordingUrl: event.recordingUrl,
      }),
      receivedAt: now,
    });
    if (!stored) return { duplicate: true, id };

    const before = await repo.findCall(trx, shopId, id);
    if (!before) throw notFound();
    const settings = await callSettingsOf(trx, shopId);
    const events = await repo.eventsOfCall(trx, shopId, event.callId);
    const fold = foldCallEvents(events.map(factOf), settings.secondsPerRing);
    const agentId = fold.agentExtension
      ? await repo.findExtensionAgent(trx, shopId, fold.agentExtension)
      : null;
    const customerNumber = fold.direction === 'inbound' ? fold.fromNumber : fold.toNumber;
    const customerId =
      before.customerId ?? (customerNumber ? await customerIdByPhone(trx, shopId, customerNumber) : null);
    const after: CallTable = {
      ...before,
      ...fold,
      missed: fold.missed ? 1 : 0,
      agentId,
      customerId,
      version: before.version + 1,
      updatedAt: now,
    };
    await repo.updateCall(trx, id, {
      state: after.state,
      direction: after.direction,
      fromNumber: after.fromNumber,
      toNumber: after.toNumber,
      agentExtension: after.agentExtension,
      agentId,
      customerId,
      startedAt: after.startedAt,
      ringingAt: after.ringingAt,
      answeredAt: after.answeredAt,
      endedAt: after.endedAt,
      ringMs: after.ringMs,
      ringsBeforeAnswer: after.ringsBeforeAnswer,
      missed: after.missed,
      recordingUrl: after.recordingUrl,
      version: after.version,
      updatedAt: now,
    });
    await syncCallbackTask(trx, after, settings, now);
    changed(emit, after);
    return { duplicate: false, id };
  });
}

/** A missed call gets one open call-back task; a late 'answered' event cancels it (the call was not missed). */
async function syncCallbackTask(db: Db, call: CallTable, settings: CallSettingsTable, now: number) {
  const [task] = await repo.callbackTasksOf(db, [call.id]);
  if (call.missed === 1 && call.endedAt !== null) {
    if (!task) {
      const calendar = await getBusinessCalendar(db, call.shopId);
      await repo.insertCallbackTask(db, {
        id: newId(now),
        shopId: call.shopId,
        callId: call.id,
        ownerAgentId: call.agentId,
        dueAt: callbackDueAt(calendar, call.endedAt, settings.callbackDelayMinutes),
        status: 'open',
        doneBy: null,
        doneAt: null,
        createdAt: now,
        updatedAt: now,
      });
    } else if (
      task.status === 'cancelled' ||
      (task.status === 'open' && task.ownerAgentId !== call.agentId)
    ) {
      // Reopened by a late 'ended', or the extension that rang became known after the task was made.
      await repo.updateCallbackTask(db, task.id, {
        status: 'open',
        ownerAgentId: call.agentId,
        updatedAt: now,
      });
    }
  } else if (task?.status === 'open') {
    await repo.updateCallbackTask(db, task.id, { status: 'cancelled', updatedAt: now });
  }
}

async function loadCall(db: Db, actor: Actor, id: string): Promise<CallTable> {
  const row = await repo.findCall(db, actor.shopId, id);
  if (!row || !canSeeCall(actor, row)) throw notFound();
  return row;
}

export async function getCall(db: Db, actor: Actor, id: string): Promise<Call> {
  const [call] = await present(db, actor.shopId, [await loadCall(db, actor, id)]);
  return call!;
}

export async function listCalls(
  db: Db,
  actor: Actor,
  query: z.output<typeof listCallsQuerySchema>,
): Promise<{ items: Call[]; nextCursor: string | null }> {
  const rows = await repo.listCalls(db, actor.shopId, {
    ...query,
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
    visibleTo: actor.permissions.has(callPolicy.supervise) ? undefined : actor.userId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await present(db, actor.shopId, page),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The calls of these customers the caller may see, presented (numbers masked), for the profile timeline. */
export async function callsOfCustomers(
  db: Db,
  actor: Actor,
  customerIds: readonly string[],
): Promise<Call[]> {
  const rows = await repo.listCalls(db, actor.shopId, {
    customerIds,
    visibleTo: actor.permissions.has(callPolicy.supervise) ? undefined : actor.userId,
    limit: 200,
  });
  return present(db, actor.shopId, rows);
}

function recordPatch(input: z.output<typeof updateCallRecordSchema>) {
  return {
    customerName: input.customerName,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
    matterKind: input.matterKind,
    matter: input.matter,
    handling: input.handling,
    customerReaction: input.customerReaction,
    recordingTold: input.recorded ? (input.recordingTold ? 1 : 0) : null,
  };
}

/** SPEC §5 a call logged by hand with the form; linked to the customer by phone. */
export function createManualCall(db: Db, bus: EventBus, actor: Actor, input: CreateCallInput): Promise<Call> {
  return runCommand(db, bus, async (trx, emit) => {
    const now = Date.now();
    const calledAt = Math.floor(Date.parse(input.calledAt) / 60_000) * 60_000;
    if (calledAt > now + 60_000) {
      throw new AppError('validation_failed', {
        issues: [{ path: ['calledAt'], message: 'the call cannot be in the future' }],
      });
    }
    const id = newId(now);
    const row: CallTable = {
      id,
      shopId: actor.shopId,
      source: 'manual',
      externalCallId: `manual:${id}`,
      direction: input.direction,
      state: 'ended',
      fromNumber: null,
      toNumber: null,
      agentExtension: null,
      agentId: actor.userId,
      customerId: input.contactPhone ? await customerIdByPhone(trx, actor.shopId, input.contactPhone) : null,
      startedAt: calledAt,
      ringingAt: null,
      answeredAt: calledAt,
      endedAt: calledAt,
      ringMs: null,
      ringsBeforeAnswer: null,
      missed: 0,
      recordingUrl: null,
      ...recordPatch(input),
      selfCheckedAt: null,
      spotCheckResult: null,
      spotCheckComment: null,
      spotCheckedBy: null,
      spotCheckedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertCall(trx, row);
    changed(emit, row);
    const [call] = await present(trx, actor.shopId, [row]);
    return call!;
  });
}

/** Writes a call's record: an agent completing a PBX call's record, or correcting a manual one. */
export function updateCallRecord(
  db: Db,
  bus: EventBus,
  actor: Actor,
  id: string,
  input: z.output<typeof updateCallRecordSchema>,
): Promise<Call> {
  return runCommand(db, bus, async (trx, emit) => {
    const before = await loadCall(trx, actor, id);
    if (!canEditRecord(actor, before)) throw new AppError('call_not_yours');
    const patch = recordPatch(input);
    if (before.agentId !== actor.userId) {
      await recordAudit(trx, auditActorOf(actor), {
        action: 'call.record_corrected',
        entityType: 'call',
        entityId: id,
        changes: { matter: [before.matter, patch.matter], handling: [before.handling, patch.handling] },
      });
    }
    return saveCall(trx, emit, before, patch, Date.now());
  });
}

/** SPEC §5 the agent checks their own record. */
export function selfCheckCall(db: Db, bus: EventBus, actor: Actor, id: string): Promise<Call> {
  return runCommand(db, bus, async (trx, emit) => {
    const before = await loadCall(trx, actor, id);
    if (before.agentId !== actor.userId) throw new AppError('call_not_yours');
    if (before.selfCheckedAt !== null) return (await present(trx, actor.shopId, [before]))[0]!;
    const now = Date.now();
    return saveCall(trx, emit, before, { selfCheckedAt: now }, now);
  });
}

/** SPEC §5 a supervisor's spot check: fine, or needs the correction said in the comment (audited). */
export function spotCheckCall(
  db: Db,
  bus: EventBus,
  actor: Actor,
  id: string,
  input: z.output<typeof spotCheckSchema>,
): Promise<Call> {
  return runCommand(db, bus, async (trx, emit) => {
    const before = await loadCall(trx, actor, id);
    const now = Date.now();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'call.spot_checked',
      entityType: 'call',
      entityId: id,
      changes: { result: input.result, comment: input.comment },
    });
    const patch = {
      spotCheckResult: input.result,
      spotCheckComment: input.comment,
      spotCheckedBy: actor.userId,
      spotCheckedAt: now,
    };
    return saveCall(trx, emit, before, patch, now);
  });
}

/** The week's spot-check sample: the same records every time the week is asked for. */
export async function spotCheckSample(
  db: Db,
  actor: Actor,
  week: string | undefined,
): Promise<SpotCheckSample> {
  const [{ serviceHours }, settings] = await Promise.all([
    getChatSettings(db, actor.shopId),
    callSettingsOf(db, actor.shopId),
  ]);
  const zone = serviceHours.timeZone;
  const at = week ? fromZonedParts({ ...parseLocalDate(week), hour: 12 }, zone) : Date.now();
  const range = weekOf(at, zone);
  const ids = weeklySample(
    await repo.agentRecordIds(db, actor.shopId, range.start, range.end),
    { shopId: actor.shopId, week: range.week },
    settings.spotCheckSampleSize,
  );
  const rows = await repo.listCalls(db, actor.shopId, { ids, limit: ids.length || 1 });
  return {
    week: range.week,
    size: settings.spotCheckSampleSize,
    items: await present(db, actor.shopId, rows),
  };
}

/** The unmasked numbers and e-mail of a call, for holders of the reveal permission; every reveal is audited. */
export function revealCallContact(db: Db, actor: Actor, id: string) {
  return withTransaction(db, async (trx) => {
    const row = await loadCall(trx, actor, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'call.contact_revealed',
      entityType: 'call',
      entityId: id,
      changes: {},
    });
    return {
      fromNumber: row.fromNumber,
      toNumber: row.toNumber,
      contactPhone: row.contactPhone,
      contactEmail: row.contactEmail,
    };
  });
}

/** Closes a call-back task: its owner, anyone for a queue task, or a supervisor. */
export function completeCallbackTask(db: Db, bus: EventBus, actor: Actor, taskId: string): Promise<Call> {
  return runCommand(db, bus, async (trx, emit) => {
    const task = await repo.findCallbackTask(trx, actor.shopId, taskId);
    if (!task) throw notFound();
    const call = await loadCall(trx, actor, task.callId);
    if (
      task.ownerAgentId !== null &&
      task.ownerAgentId !== actor.userId &&
      !actor.permissions.has(callPolicy.supervise)
    ) {
      throw new AppError('forbidden');
    }
    if (task.status !== 'open') throw new AppError('callback_closed');
    const now = Date.now();
    await repo.updateCallbackTask(trx, task.id, {
      status: 'done',
      doneBy: actor.userId,
      doneAt: now,
      updatedAt: now,
    });
    // The call's version moves too, so clients holding the call see its call-back done.
    return saveCall(trx, emit, call, {}, now);
  });
}

export async function getCallSettings(db: Db, actor: Actor): Promise<CallSettings> {
  const [settings, extensions] = await Promise.all([
    callSettingsOf(db, actor.shopId),
    repo.listExtensions(db, actor.shopId),
  ]);
  return {
    secondsPerRing: settings.secondsPerRing,
    maxRings: settings.maxRings,
    callbackDelayMinutes: settings.callbackDelayMinutes,
    spotCheckSampleSize: settings.spotCheckSampleSize,
    extensions,
  };
}

export function updateCallSettings(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateCallSettingsSchema>,
): Promise<CallSettings> {
  return withTransaction(db, async (trx) => {
    const now = Date.now();
    const { extensions, ...numbers } = input;
    const before = await callSettingsOf(trx, actor.shopId);
    await repo.upsertSettings(trx, { ...before, ...numbers, shopId: actor.shopId, updatedAt: now });
    if (extensions) {
      const names = await staffNames(
        trx,
        actor.shopId,
        extensions.map((entry) => entry.userId),
      );
      const unknown = extensions.findIndex((entry) => !names.has(entry.userId));
      if (unknown >= 0) {
        throw new AppError('validation_failed', {
          issues: [{ path: ['extensions', unknown, 'userId'], message: 'not a staff member of this shop' }],
        });
      }
      if (new Set(extensions.map((entry) => entry.extension)).size !== extensions.length) {
        throw new AppError('extension_taken');
      }
      await repo.replaceExtensions(trx, actor.shopId, extensions, now);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: 'call_settings.updated',
      entityType: 'shop',
      entityId: actor.shopId,
      changes: { ...numbers, ...(extensions ? { extensions: extensions.length } : {}) },
    });
    return getCallSettings(trx, actor);
  });
}

/** What quality inspection and the discipline ledger need of one call (no numbers: they stay masked). */
export interface InspectionCall {
  id: string;
  agentId: string | null;
  direction: CallTable['direction'];
  state: CallTable['state'];
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  ringMs: number | null;
  ringsBeforeAnswer: number | null;
  missed: boolean;
  matter: string | null;
  handling: string | null;
  customerReaction: string | null;
  hasRecording: boolean;
}

function inspectionCallOf(row: CallTable): InspectionCall {
  return {
    id: row.id,
    agentId: row.agentId,
    direction: row.direction,
    state: row.state,
    startedAt: row.startedAt,
    answeredAt: row.answeredAt,
    endedAt: row.endedAt,
    ringMs: row.ringMs,
    ringsBeforeAnswer: row.ringsBeforeAnswer,
    missed: row.missed === 1,
    matter: row.matter,
    handling: row.handling,
    customerReaction: row.customerReaction,
    hasRecording: row.recordingUrl !== null,
  };
}

/** Calls started in [from, to) (SPEC §8 sampling, §9 rings before the answer). */
export async function callsForInspection(
  db: Db,
  shopId: string,
  range: { from: number; to: number },
): Promise<InspectionCall[]> {
  const rows = await repo.listCalls(db, shopId, { from: range.from, to: range.to, limit: 5000 });
  return rows.map(inspectionCallOf);
}

export async function callForInspection(
  db: Db,
  shopId: string,
  id: string,
): Promise<InspectionCall | undefined> {
  const row = await repo.findCall(db, shopId, id);
  return row ? inspectionCallOf(row) : undefined;
}

/** Calls for the metrics (issue 6): by id, or started in [from, to). */
export function callFacts(
  db: Db,
  shopId: string,
  filter: { ids?: readonly string[]; from?: number; to?: number },
) {
  if (filter.ids?.length === 0) return Promise.resolve([]);
  return repo.callFactRows(db, shopId, filter);
}
