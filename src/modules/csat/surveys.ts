// Satisfaction surveys (SPEC §6): questionnaires an admin composes (single choice, scale, text) and the verdict on
// a work order, each sent as a link that needs no login, answered once per recipient, that expires. The link carries
// 256 random bits and only their hash is stored; behind it the customer sees the shop's name and the questions,
// nothing else of the shop. A verdict answered through a link closes or reopens the work order.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoOf } from '../../db/instants.js';
import { newId } from '../../db/ids.js';
import type { Database, QuestionnaireTable, SurveyLinkTable } from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { withTransaction } from '../../db/transaction.js';
import { runCommand } from '../../server/events.js';
import type { Locale } from '../../shared/locales.js';
import type {
  PublicSurvey,
  Question,
  Questionnaire,
  SurveyLink,
  saveQuestionnaireSchema,
  sendSurveySchema,
  surveyAnswerSchema,
} from '../../shared/schemas/feedback.js';
import type { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { customerFacts } from '../customers/service.js';
import { getChatSettings } from '../shops/service.js';
import { applyCustomerVerdict, getWorkOrder, workOrderBrief, type TicketDeps } from '../tickets/service.js';
import * as repo from './repo.js';
import { checkAnswers } from './rules.js';

type Db = Kysely<Database>;
const dayMs = 24 * 60 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The path a link opens in the console's public survey page. */
export const surveyPath = (token: string) => `/s/${token}`;

function presentQuestionnaire(
  row: QuestionnaireTable,
  counts?: { sent: number; answered: number },
): Questionnaire {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    questions: JSON.parse(row.questions) as Question[],
    sent: counts?.sent ?? 0,
    answered: counts?.answered ?? 0,
    createdAt: isoOf(row.createdAt),
  };
}

export async function listQuestionnaires(db: Db, actor: Actor): Promise<Questionnaire[]> {
  const rows = await repo.listQuestionnaires(db, actor.shopId);
  const counts = new Map(
    (
      await repo.linkCounts(
        db,
        actor.shopId,
        rows.map((row) => row.id),
      )
    ).map((row) => [row.questionnaireId, { sent: Number(row.sent), answered: Number(row.answered) }]),
  );
  return rows.map((row) => presentQuestionnaire(row, counts.get(row.id)));
}

export function saveQuestionnaire(
  db: Db,
  actor: Actor,
  input: z.output<typeof saveQuestionnaireSchema>,
  id?: string,
): Promise<Questionnaire> {
  return withTransaction(db, async (trx) => {
    const now = Date.now();
    let row: QuestionnaireTable;
    if (id) {
      const existing = await repo.findQuestionnaire(trx, actor.shopId, id);
      if (!existing) throw notFound();
      row = {
        ...existing,
        title: input.title,
        intro: input.intro,
        questions: JSON.stringify(input.questions),
        updatedAt: now,
      };
      await repo.updateQuestionnaire(trx, actor.shopId, id, row);
    } else {
      row = {
        id: newId(now),
        shopId: actor.shopId,
        title: input.title,
        intro: input.intro,
        questions: JSON.stringify(input.questions),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insertQuestionnaire(trx, row);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: id ? 'questionnaire.updated' : 'questionnaire.created',
      entityType: 'questionnaire',
      entityId: row.id,
      changes: { title: input.title, questions: input.questions.length },
    });
    return presentQuestionnaire(row);
  });
}

function newLink(
  actor: Actor,
  base: Pick<SurveyLinkTable, 'kind' | 'questionnaireId' | 'workOrderId' | 'customerId' | 'recipientKey'>,
  validDays: number,
  now: number,
): { row: SurveyLinkTable; token: string } {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    row: {
      id: newId(now),
      shopId: actor.shopId,
      tokenHash: hashToken(token),
      ...base,
      recipient: base.customerId ?? '',
      expiresAt: now + validDays * dayMs,
      answeredAt: null,
      createdBy: actor.userId,
      createdAt: now,
    },
  };
}

const presentLink = (row: SurveyLinkTable, token: string | null): SurveyLink => ({
  id: row.id,
  kind: row.kind,
  customerId: row.customerId,
  url: token ? surveyPath(token) : null,
  expiresAt: isoOf(row.expiresAt),
  answeredAt: row.answeredAt === null ? null : isoOf(row.answeredAt),
});

/** One link per customer for a questionnaire; a customer who already has one is skipped (once per recipient). */
export function sendQuestionnaire(
  deps: TicketDeps,
  actor: Actor,
  id: string,
  input: z.output<typeof sendSurveySchema>,
): Promise<{ links: SurveyLink[]; skipped: string[] }> {
  return withTransaction(deps.db, async (trx) => {
    const now = deps.now();
    if (!(await repo.findQuestionnaire(trx, actor.shopId, id))) throw notFound();
    const links: SurveyLink[] = [];
    const skipped: string[] = [];
    for (const customerId of [...new Set(input.customerIds)]) {
      if (!(await customerFacts(trx, actor.shopId, customerId))) throw notFound();
      const { row, token } = newLink(
        actor,
        {
          kind: 'questionnaire',
          questionnaireId: id,
          workOrderId: null,
          customerId,
          recipientKey: `questionnaire:${id}:${customerId}`,
        },
        input.validDays,
        now,
      );
      if (await repo.insertLink(trx, row)) links.push(presentLink(row, token));
      else skipped.push(customerId);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: 'questionnaire.sent',
      entityType: 'questionnaire',
      entityId: id,
      changes: { recipients: links.length, skipped: skipped.length },
    });
    return { links, skipped };
  });
}

/** A verdict link for the customer of a resolved or closed work order (one per round: a reopened order gets a new one). */
export async function verdictLink(
  deps: TicketDeps,
  actor: Actor,
  workOrderId: string,
  validDays: number,
): Promise<SurveyLink> {
  const { workOrder } = await getWorkOrder(deps, actor, workOrderId);
  if (!workOrder.customer) throw new AppError('customer_required');
  if (!['resolved', 'awaiting_verdict', 'closed'].includes(workOrder.status))
    throw new AppError('verdict_not_expected');
  const customerId = workOrder.customer.id;
  return runCommand(deps.db, deps.bus, async (trx) => {
    const { row, token } = newLink(
      actor,
      {
        kind: 'verdict',
        questionnaireId: null,
        workOrderId,
        customerId,
        recipientKey: `verdict:${workOrderId}:${workOrder.reopenCount}:${customerId}`,
      },
      validDays,
      deps.now(),
    );
    if (!(await repo.insertLink(trx, row))) throw new AppError('survey_already_answered');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'verdict_link.created',
      entityType: 'questionnaire',
      entityId: row.id,
      changes: { workOrderId },
    });
    return presentLink(row, token);
  });
}

const verdictTitles: Record<Locale, string> = {
  'zh-CN': '您对工单 {number} 的处理结果满意吗？',
  en: 'Are you satisfied with how we handled request {number}?',
};

/** The link's shop and survey, or a refusal: forged or unknown → survey_link_invalid, past its time → expired. */
async function openLink(db: Db, token: string, now: number) {
  const link = await repo.findLinkByToken(db, hashToken(token));
  if (!link) throw new AppError('survey_link_invalid');
  if (link.answeredAt === null && link.expiresAt <= now) throw new AppError('survey_link_expired');
  return link;
}

async function surveyOf(
  db: Db,
  link: SurveyLinkTable,
): Promise<{ title: string; intro: string; questions: Question[] }> {
  if (link.kind === 'questionnaire' && link.questionnaireId) {
    const row = await repo.findQuestionnaire(db, link.shopId, link.questionnaireId);
    if (!row) throw new AppError('survey_link_invalid');
    return { title: row.title, intro: row.intro, questions: JSON.parse(row.questions) as Question[] };
  }
  return { title: '', intro: '', questions: [] };
}

/** What the customer sees behind a link (no login): the shop's name and the questions. */
export async function publicSurvey(deps: TicketDeps, token: string): Promise<PublicSurvey> {
  const link = await openLink(deps.db, token, deps.now());
  const settings = await getChatSettings(deps.db, link.shopId);
  const survey = await surveyOf(deps.db, link);
  let title = survey.title;
  if (link.kind === 'verdict' && link.workOrderId) {
    const brief = await workOrderBrief(deps.db, link.shopId, link.workOrderId);
    title = verdictTitles[settings.locale].replace('{number}', brief?.number ?? '');
  }
  return {
    kind: link.kind,
    shopName: settings.name,
    title,
    intro: survey.intro,
    questions: survey.questions,
    answered: link.answeredAt !== null,
  };
}

/** Stores the one answer of a link; a second answer is refused and stores nothing. */
export async function answerSurvey(
  deps: TicketDeps,
  token: string,
  input: z.output<typeof surveyAnswerSchema>,
): Promise<{ ok: true }> {
  const now = deps.now();
  const link = await openLink(deps.db, token, now);
  if (link.answeredAt !== null) throw new AppError('survey_already_answered');
  const survey = await surveyOf(deps.db, link);
  if (link.kind === 'verdict' ? !input.satisfaction : !checkAnswers(survey.questions, input.answers)) {
    throw new AppError('survey_answer_incomplete');
  }
  await runCommand(deps.db, deps.bus, async (trx, emit) => {
    if (!(await repo.claimLink(trx, link.id, now))) throw new AppError('survey_already_answered');
    await repo.insertAnswer(trx, {
      id: newId(now),
      shopId: link.shopId,
      linkId: link.id,
      questionnaireId: link.questionnaireId,
      workOrderId: link.workOrderId,
      customerId: link.customerId,
      answers: JSON.stringify(link.kind === 'verdict' ? {} : input.answers),
      satisfaction: input.satisfaction ?? null,
      comment: input.comment,
      createdAt: now,
    });
    if (link.kind === 'verdict' && link.workOrderId && input.satisfaction) {
      await applyCustomerVerdict(deps, trx, emit, link.shopId, link.workOrderId, {
        satisfaction: input.satisfaction,
        note: input.comment,
        source: { kind: 'customer' },
      });
    }
  });
  return { ok: true };
}

/** The answers of a questionnaire (or of some customers: the profile timeline). */
export async function surveyAnswers(
  db: Db,
  shopId: string,
  filter: { questionnaireId?: string; customerIds?: readonly string[] },
) {
  const rows = await repo.answersOf(db, shopId, filter);
  return rows.map((row) => ({
    id: row.id,
    questionnaireId: row.questionnaireId,
    workOrderId: row.workOrderId,
    customerId: row.customerId,
    answers: JSON.parse(row.answers) as Record<string, string | number>,
    satisfaction: row.satisfaction,
    comment: row.comment,
    createdAt: isoOf(row.createdAt),
  }));
}
