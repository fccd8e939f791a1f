// Queries of the questionnaires, survey_links, survey_answers and suggestions tables.
import type { Kysely } from 'kysely';
import type {
  Database,
  QuestionnaireTable,
  SuggestionTable,
  SurveyAnswerTable,
  SurveyLinkTable,
} from '../../db/schema.js';
import type { SuggestionStatus } from '../../shared/follow-ups.js';

type Db = Kysely<Database>;

export async function insertQuestionnaire(db: Db, row: QuestionnaireTable): Promise<void> {
  await db.insertInto('questionnaires').values(row).execute();
}

export async function updateQuestionnaire(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<QuestionnaireTable>,
) {
  await db
    .updateTable('questionnaires')
    .set(patch)
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .execute();
}

export function findQuestionnaire(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('questionnaires')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listQuestionnaires(db: Db, shopId: string) {
  return db
    .selectFrom('questionnaires')
    .selectAll()
    .where('shopId', '=', shopId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
}

/** Links sent and answered per questionnaire. */
export async function linkCounts(db: Db, shopId: string, questionnaireIds: readonly string[]) {
  if (questionnaireIds.length === 0) return [];
  return db
    .selectFrom('surveyLinks')
    .select((eb) => [
      'questionnaireId',
      eb.fn.countAll<number | string>().as('sent'),
      eb.fn.count<number | string>('answeredAt').as('answered'),
    ])
    .where('shopId', '=', shopId)
    .where('questionnaireId', 'in', [...questionnaireIds])
    .groupBy('questionnaireId')
    .execute();
}

/** Inserts a link unless the recipient already has one for this survey (once per recipient). */
export async function insertLink(db: Db, row: SurveyLinkTable): Promise<boolean> {
  const inserted = await db
    .insertInto('surveyLinks')
    .values(row)
    .onConflict((oc) => oc.columns(['shopId', 'recipientKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findLinkByToken(db: Db, tokenHash: string) {
  return db.selectFrom('surveyLinks').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Marks a link answered; true only for the first answer (two at once: one wins). */
export async function claimLink(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('surveyLinks')
    .set({ answeredAt: now })
    .where('id', '=', id)
    .where('answeredAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAnswer(db: Db, row: SurveyAnswerTable): Promise<void> {
  await db.insertInto('surveyAnswers').values(row).execute();
}

export function answersOf(
  db: Db,
  shopId: string,
  filter: { questionnaireId?: string; customerIds?: readonly string[] },
) {
  let query = db.selectFrom('surveyAnswers').selectAll().where('shopId', '=', shopId);
  if (filter.questionnaireId) query = query.where('questionnaireId', '=', filter.questionnaireId);
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return Promise.resolve([]);
    query = query.where('customerId', 'in', [...filter.customerIds]);
  }
  return query.orderBy('createdAt', 'desc').limit(1000).execute();
}

export async function insertSuggestion(db: Db, row: SuggestionTable): Promise<void> {
  await db.insertInto('suggestions').values(row).execute();
}

export function findSuggestion(db: Db, shopId: string, id: string) {
  return db
    .selectFrom('suggestions')
    .selectAll()
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateSuggestion(
  db: Db,
  shopId: string,
  id: string,
  patch: Partial<SuggestionTable>,
): Promise<SuggestionTable> {
  return db
    .updateTable('suggestions')
    .set(patch)
    .where('shopId', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSuggestions(
  db: Db,
  shopId: string,
  filter: {
    status?: SuggestionStatus | undefined;
    departmentId?: string | undefined;
    customerIds?: readonly string[] | undefined;
  },
) {
  let query = db.selectFrom('suggestions').selectAll().where('shopId', '=', shopId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.departmentId) query = query.where('departmentId', '=', filter.departmentId);
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return Promise.resolve([]);
    query = query.where('customerId', 'in', [...filter.customerIds]);
  }
  return query.orderBy('createdAt', 'desc').limit(500).execute();
}
