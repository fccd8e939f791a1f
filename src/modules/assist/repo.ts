// Kysely queries for the assist module's own tables: auto-answers, classifications and corrections.
import type { Kysely } from 'kysely';
import type {
  AssistAutoAnswerTable,
  AssistClassificationTable,
  AssistCorrectionTable,
  Database,
} from '../../db/schema.js';
import type { AutoAnswerReaction } from '../../shared/assist.js';

type Db = Kysely<Database>;

export async function insertAutoAnswer(db: Db, row: AssistAutoAnswerTable): Promise<void> {
  await db.insertInto('assistAutoAnswers').values(row).execute();
}

export async function autoAnswersOf(db: Db, shopId: string, conversationId: string) {
  return db
    .selectFrom('assistAutoAnswers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('conversationId', '=', conversationId)
    .orderBy('createdAt')
    .execute();
}

export async function findAutoAnswerByMessage(
  db: Db,
  shopId: string,
  answerMessageId: string,
): Promise<AssistAutoAnswerTable | undefined> {
  return db
    .selectFrom('assistAutoAnswers')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('answerMessageId', '=', answerMessageId)
    .executeTakeFirst();
}

/** The first reaction counts; false when one was already recorded. */
export async function setReaction(
  db: Db,
  id: string,
  reaction: AutoAnswerReaction,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('assistAutoAnswers')
    .set({ reaction, reactedAt: at })
    .where('id', '=', id)
    .where('reaction', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Customer messages an auto-answer solved, per entry (they become phrasings of it). */
export async function confirmedAnswers(db: Db, shopId: string) {
  return db
    .selectFrom('assistAutoAnswers')
    .select(['entryId', 'questionText'])
    .where('shopId', '=', shopId)
    .where('reaction', '=', 'solved')
    .orderBy('createdAt')
    .execute();
}

export async function autoAnswerCounts(db: Db, shopId: string, from: number, to: number) {
  const rows = await db
    .selectFrom('assistAutoAnswers')
    .select(['conversationId', 'reaction'])
    .where('shopId', '=', shopId)
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .execute();
  return {
    autoAnswers: rows.length,
    answered: new Set(rows.map((row) => row.conversationId)).size,
    solved: rows.filter((row) => row.reaction === 'solved').length,
    handedOver: rows.filter((row) => row.reaction === 'handover').length,
  };
}

export async function findClassification(
  db: Db,
  shopId: string,
  conversationId: string,
): Promise<AssistClassificationTable | undefined> {
  return db
    .selectFrom('assistClassifications')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('conversationId', '=', conversationId)
    .executeTakeFirst();
}

export async function saveClassification(db: Db, row: AssistClassificationTable): Promise<void> {
  await db
    .insertInto('assistClassifications')
    .values(row)
    .onConflict((oc) =>
      oc.column('conversationId').doUpdateSet({
        problemType: row.problemType,
        complaintCategory: row.complaintCategory,
        source: row.source,
        confidencePermille: row.confidencePermille,
        text: row.text,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Classifications of some conversations (at most 1,000 ids a call). */
export async function classificationsOf(
  db: Db,
  shopId: string,
  conversationIds: readonly string[],
): Promise<AssistClassificationTable[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('assistClassifications')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('conversationId', 'in', [...conversationIds])
    .execute();
}

/**
 * Stores automatic classifications in one statement, except over one an agent set; returns the conversations whose
 * row was written.
 */
export async function saveAutoClassifications(
  db: Db,
  rows: readonly AssistClassificationTable[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insertInto('assistClassifications')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .column('conversationId')
        .doUpdateSet((eb) => ({
          problemType: eb.ref('excluded.problemType'),
          complaintCategory: eb.ref('excluded.complaintCategory'),
          source: eb.ref('excluded.source'),
          confidencePermille: eb.ref('excluded.confidencePermille'),
          text: eb.ref('excluded.text'),
          updatedBy: eb.ref('excluded.updatedBy'),
          updatedAt: eb.ref('excluded.updatedAt'),
        }))
        .where('assistClassifications.source', '<>', 'agent'),
    )
    .returning('conversationId')
    .execute();
  return written.map((row) => row.conversationId);
}

export async function insertCorrection(db: Db, row: AssistCorrectionTable): Promise<void> {
  await db.insertInto('assistCorrections').values(row).execute();
}

export async function listCorrections(db: Db, shopId: string): Promise<AssistCorrectionTable[]> {
  return db
    .selectFrom('assistCorrections')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Changes with every correction and every confirmed answer (the model is retrained then). */
export async function learningStamp(db: Db, shopId: string): Promise<string> {
  const corrections = await db
    .selectFrom('assistCorrections')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('createdAt').as('latest')])
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow();
  const confirmed = await db
    .selectFrom('assistAutoAnswers')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('reactedAt').as('latest')])
    .where('shopId', '=', shopId)
    .where('reaction', '=', 'solved')
    .executeTakeFirstOrThrow();
  return [corrections.count, corrections.latest, confirmed.count, confirmed.latest].map(String).join(':');
}

/** Problem types of some conversations (the metrics' history charts). */
export async function problemTypesOf(db: Db, shopId: string, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('assistClassifications')
    .select(['conversationId', 'problemType'])
    .where('shopId', '=', shopId)
    .where('conversationId', 'in', [...conversationIds])
    .execute();
}
