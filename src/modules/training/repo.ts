// Queries of the training_sessions and training_attendance tables, always scoped to one shop.
import type { Kysely } from 'kysely';
import type { Database, TrainingAttendanceTable, TrainingSessionTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function insertSession(db: Db, row: TrainingSessionTable): Promise<void> {
  await db.insertInto('trainingSessions').values(row).execute();
}

export function findSession(db: Db, shopId: string, id: string): Promise<TrainingSessionTable | undefined> {
  return db
    .selectFrom('trainingSessions')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listSessions(db: Db, shopId: string): Promise<TrainingSessionTable[]> {
  return db
    .selectFrom('trainingSessions')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('heldOn', 'desc')
    .limit(200)
    .execute();
}

export function attendanceOf(db: Db, shopId: string, filter: { sessionIds?: string[]; userId?: string }) {
  let query = db.selectFrom('trainingAttendance').selectAll().where('shopId', '=', shopId);
  if (filter.sessionIds)
    query = query.where('sessionId', 'in', filter.sessionIds.length > 0 ? filter.sessionIds : ['']);
  if (filter.userId) query = query.where('userId', '=', filter.userId);
  return query.execute();
}

export async function upsertAttendance(db: Db, row: TrainingAttendanceTable): Promise<void> {
  await db
    .insertInto('trainingAttendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['sessionId', 'userId']).doUpdateSet({
        attended: row.attended,
        score: row.score,
        passed: row.passed,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Users with a passed new-hire session. */
export async function newHirePassed(db: Db, shopId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('trainingAttendance')
    .innerJoin('trainingSessions', 'trainingSessions.id', 'trainingAttendance.sessionId')
    .select('trainingAttendance.userId')
    .where('trainingAttendance.shopId', '=', shopId)
    .where('trainingSessions.kind', '=', 'new_hire')
    .where('trainingAttendance.passed', '=', 1)
    .execute();
  return new Set(rows.map((row) => row.userId));
}
