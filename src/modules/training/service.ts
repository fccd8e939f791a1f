// Training records (SPEC §10, seed 000 §8): sessions of kind new-hire, refresher, drill or special topic, attendance
// and an assessment score per person; agents are flagged as new until they pass new-hire training.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { isoOf } from '../../db/instants.js';
import type { Database, TrainingSessionTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type {
  TrainingSession,
  createTrainingSessionSchema,
  recordAttendanceSchema,
} from '../../shared/schemas/quality.js';
import { recordAudit } from '../audit/service.js';
import { activeStaff, staffNames } from '../team/service.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

async function present(db: Db, shopId: string, rows: TrainingSessionTable[]): Promise<TrainingSession[]> {
  const attendance = await repo.attendanceOf(db, shopId, { sessionIds: rows.map((row) => row.id) });
  const names = await staffNames(
    db,
    shopId,
    attendance.map((row) => row.userId),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    heldOn: row.heldOn,
    trainer: row.trainer,
    attendees: attendance
      .filter((entry) => entry.sessionId === row.id)
      .map((entry) => ({
        userId: entry.userId,
        userName: names.get(entry.userId) ?? '',
        attended: entry.attended === 1,
        score: entry.score,
        passed: entry.passed === 1,
      })),
    createdAt: isoOf(row.createdAt),
  }));
}

export async function listSessions(db: Db, actor: Actor): Promise<TrainingSession[]> {
  return present(db, actor.shopId, await repo.listSessions(db, actor.shopId));
}

export async function createSession(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createTrainingSessionSchema>,
): Promise<TrainingSession> {
  const now = Date.now();
  const row: TrainingSessionTable = {
    id: newId(now),
    shopId: actor.shopId,
    kind: input.kind,
    title: input.title,
    heldOn: input.heldOn,
    trainer: input.trainer,
    createdBy: actor.userId,
    createdAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, row);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'training_session.created',
      entityType: 'training_session',
      entityId: row.id,
      changes: { kind: input.kind, title: input.title, heldOn: input.heldOn },
    });
  });
  return (await present(db, actor.shopId, [row]))[0]!;
}

/** Attendance and the assessment score of each person (staff of this shop only). */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: z.infer<typeof recordAttendanceSchema>,
): Promise<TrainingSession> {
  const session = await repo.findSession(db, actor.shopId, sessionId);
  if (!session) throw notFound();
  const staff = new Set((await activeStaff(db, actor.shopId)).map((person) => person.id));
  if (input.attendees.some((attendee) => !staff.has(attendee.userId))) {
    throw new AppError('validation_failed', { attendees: 'unknown user' });
  }
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    for (const attendee of input.attendees) {
      await repo.upsertAttendance(trx, {
        id: newId(now),
        shopId: actor.shopId,
        sessionId,
        userId: attendee.userId,
        attended: attendee.attended ? 1 : 0,
        score: attendee.score,
        passed: attendee.passed && attendee.attended ? 1 : 0,
        updatedAt: now,
      });
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: 'training_session.attendance',
      entityType: 'training_session',
      entityId: sessionId,
      changes: { attendees: input.attendees.length },
    });
  });
  return (await present(db, actor.shopId, [session]))[0]!;
}

/** One person's training: sessions attended, the last assessment score, and whether new-hire training is passed. */
export async function trainingSummaryOf(db: Db, shopId: string, userId: string) {
  const rows = await repo.attendanceOf(db, shopId, { userId });
  const sessions = new Map((await repo.listSessions(db, shopId)).map((session) => [session.id, session]));
  const attended = rows
    .filter((row) => row.attended === 1)
    .sort((a, b) =>
      (sessions.get(a.sessionId)?.heldOn ?? '').localeCompare(sessions.get(b.sessionId)?.heldOn ?? ''),
    );
  const scored = attended.filter((row) => row.score !== null);
  return {
    trainings: attended.length,
    lastAssessmentScore: scored.at(-1)?.score ?? null,
    newHireTrainingDone: rows.some(
      (row) => row.passed === 1 && sessions.get(row.sessionId)?.kind === 'new_hire',
    ),
  };
}

/** Agents still to pass new-hire training (flagged as new on the team lists). */
export async function newAgentIds(db: Db, shopId: string): Promise<string[]> {
  const passed = await repo.newHirePassed(db, shopId);
  return (await activeStaff(db, shopId))
    .filter((person) => person.role === 'agent' && !passed.has(person.id))
    .map((person) => person.id);
}
