// Quality inspection 质检 (SPEC §8, seed 001): versioned scorecards, the weekly sample per agent (random plus
// rule-based picks) with automatic pre-checks, scoring with anchored comments, the deduction table with its weekly
// cap charged to the discipline ledger, and appeals of inspections.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { isoOf, isoOrNull } from '../../db/instants.js';
import type {
  Database,
  QaInspectionTable,
  QaSampleTable,
  QaScorecardTable,
  QaSettingsTable,
} from '../../db/schema.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { runCommand } from '../../server/events.js';
import { localDateOf, parseLocalDate } from '../../shared/business-time.js';
import {
  defaultQaSettings,
  defaultScorecardItems,
  type SampleReason,
  type ScorecardItem,
} from '../../shared/quality.js';
import type {
  Appeal,
  Inspection,
  InspectionWorkspace,
  QaSample,
  QaSettings,
  Scorecard,
  inspectSchema,
  saveScorecardSchema,
  updateQaSettingsSchema,
} from '../../shared/schemas/quality.js';
import { fromZonedParts } from '../../shared/zoned-time.js';
import { recordAudit } from '../audit/service.js';
import { callForInspection, callSettingsOf, callsForInspection } from '../calls/service.js';
import { listConversationsForInspection, transcriptForInspection } from '../conversations/service.js';
import {
  appealsOfSubjects,
  disciplineRule,
  fileAppeal,
  monthTotal,
  presentAppeals,
  qaEntryKey,
  recordViolation,
  type DisciplineDeps,
} from '../discipline/service.js';
import { monthOf } from '../discipline/rules.js';
import { complaintConversations } from '../tickets/service.js';
import { staffNames } from '../team/service.js';
import { canSeeInspectionOf, qaPolicy } from './policy.js';
import { presentInspection, presentSample, presentScorecard } from './presenter.js';
import * as repo from './repo.js';
import {
  appealDeadline,
  cappedPoints,
  conversationReasons,
  deductionPoints,
  drawSample,
  precheckTranscript,
  scoreInspection,
  seedOf,
  seededRng,
  weekOf,
  type PrecheckMark,
  type SampleCandidate,
} from './rules.js';

type Db = Kysely<Database>;

export interface QaDeps extends DisciplineDeps {
  /** The random source of a week's draw (tests inject one); default: seeded by shop and week. */
  rng?: ((seed: string) => () => number) | undefined;
}

// Settings.

function settingsOfRow(row: QaSettingsTable | undefined): QaSettings {
  if (!row)
    return {
      ...defaultQaSettings,
      forbiddenWords: [...defaultQaSettings.forbiddenWords],
      greetingWords: [...defaultQaSettings.greetingWords],
    };
  return {
    chatsPerAgent: row.chatsPerAgent,
    callsPerAgent: row.callsPerAgent,
    firstReplyLimitSeconds: row.firstReplyLimitSeconds,
    longChatMessages: row.longChatMessages,
    forbiddenWords: JSON.parse(row.forbiddenWords) as string[],
    greetingWords: JSON.parse(row.greetingWords) as string[],
    appealWorkdays: row.appealWorkdays,
  };
}

export async function qaSettingsOf(db: Db, shopId: string): Promise<QaSettings> {
  return settingsOfRow(await repo.findSettings(db, shopId));
}

export async function updateQaSettings(
  db: Db,
  actor: Actor,
  input: z.infer<typeof updateQaSettingsSchema>,
): Promise<QaSettings> {
  const before = await qaSettingsOf(db, actor.shopId);
  const after = { ...before, ...input };
  await db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, {
      shopId: actor.shopId,
      chatsPerAgent: after.chatsPerAgent,
      callsPerAgent: after.callsPerAgent,
      firstReplyLimitSeconds: after.firstReplyLimitSeconds,
      longChatMessages: after.longChatMessages,
      forbiddenWords: JSON.stringify(after.forbiddenWords),
      greetingWords: JSON.stringify(after.greetingWords),
      appealWorkdays: after.appealWorkdays,
      updatedAt: Date.now(),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'qa_settings.updated',
      entityType: 'qa_settings',
      entityId: actor.shopId,
      changes: { ...input },
    });
  });
  return after;
}

// Scorecards: each save is a new version; inspections keep the version they were scored with.

export async function ensureDefaultScorecard(
  db: Db,
  shopId: string,
  now = Date.now(),
): Promise<QaScorecardTable> {
  const active = await repo.activeScorecard(db, shopId);
  if (active) return active;
  await repo.insertScorecardIfAbsent(db, {
    id: newId(now),
    shopId,
    name: '商家服务质量检验标准',
    version: 1,
    items: JSON.stringify(defaultScorecardItems),
    active: 1,
    createdBy: null,
    createdAt: now,
  });
  const created = await repo.activeScorecard(db, shopId);
  if (!created) throw new Error('default scorecard missing');
  return created;
}

export async function listScorecards(db: Db, actor: Actor): Promise<Scorecard[]> {
  await ensureDefaultScorecard(db, actor.shopId);
  return (await repo.listScorecards(db, actor.shopId)).map(presentScorecard);
}

export async function saveScorecard(
  db: Db,
  actor: Actor,
  input: z.infer<typeof saveScorecardSchema>,
): Promise<Scorecard> {
  const total = input.items.reduce((sum, item) => sum + item.points, 0);
  if (total !== 100 || new Set(input.items.map((item) => item.key)).size !== input.items.length) {
    throw new AppError('scorecard_total_invalid', { total });
  }
  const now = Date.now();
  const row = await db.transaction().execute(async (trx) => {
    const latest = (await repo.listScorecards(trx, actor.shopId))[0];
    const created: QaScorecardTable = {
      id: newId(now),
      shopId: actor.shopId,
      name: input.name,
      version: (latest?.version ?? 0) + 1,
      items: JSON.stringify(input.items),
      active: 1,
      createdBy: actor.userId,
      createdAt: now,
    };
    await repo.deactivateScorecards(trx, actor.shopId);
    if (!(await repo.insertScorecardIfAbsent(trx, created))) throw new AppError('validation_failed');
    await recordAudit(trx, auditActorOf(actor), {
      action: 'scorecard.saved',
      entityType: 'scorecard',
      entityId: created.id,
      changes: { name: input.name, version: created.version },
    });
    return created;
  });
  return presentScorecard(row);
}

// The weekly sample.

async function conversationPrechecks(db: Db, shopId: string, id: string, settings: QaSettings) {
  const transcript = await transcriptForInspection(db, shopId, id);
  if (!transcript) return [];
  return precheckTranscript(transcript.lines, transcript.conversation, settings);
}

/**
 * Draws the week's sample (the week containing `day`, shop zone): per agent every rule-based pick (bad rating,
 * complaint, slow first reply, long chat, transfer) plus `chatsPerAgent` random conversations and `callsPerAgent`
 * random calls, each with its automatic pre-checks. Drawing again keeps what was drawn and adds only new subjects.
 */
export async function drawWeeklySample(
  deps: QaDeps,
  actor: Actor,
  day?: string,
): Promise<{ week: string; created: number; samples: QaSample[] }> {
  const db = deps.db;
  const calendar = await deps.calendarOf(db, actor.shopId);
  const instant = day ? fromZonedParts({ ...parseLocalDate(day), hour: 12 }, calendar.timeZone) : deps.now();
  const { week, start, end } = weekOf(instant, calendar.timeZone);
  const settings = await qaSettingsOf(db, actor.shopId);
  const rng = (deps.rng ?? ((seed: string) => seededRng(seedOf(seed))))(`${actor.shopId}|${week}`);
  const range = { from: start, to: end };

  const conversations = await listConversationsForInspection(db, actor.shopId, range);
  const complaints = new Set(
    await complaintConversations(
      db,
      actor.shopId,
      conversations.map((chat) => chat.id),
    ),
  );
  const chatCandidates: SampleCandidate[] = conversations.map((chat) => ({
    subjectId: chat.id,
    agentId: chat.agentId,
    reasons: conversationReasons(
      {
        rating: chat.rating?.score ?? null,
        complaint: complaints.has(chat.id),
        firstReplySeconds:
          chat.firstResponseAt === null ? null : (chat.firstResponseAt - chat.assignedAt) / 1000,
        messageCount: chat.customerMessages + chat.agentMessages,
        transferCount: chat.transferCount,
      },
      settings,
    ),
  }));
  const chatPicks = drawSample(chatCandidates, settings.chatsPerAgent, rng);
  const calls = (await callsForInspection(db, actor.shopId, range)).filter(
    (call) => call.agentId !== null && call.state === 'ended',
  );
  const callPicks = drawSample(
    calls.map((call) => ({ subjectId: call.id, agentId: call.agentId!, reasons: [] })),
    settings.callsPerAgent,
    rng,
  );
  const maxRings = (await callSettingsOf(db, actor.shopId)).maxRings;

  const now = deps.now();
  const rows: QaSampleTable[] = [];
  for (const [id, reasons] of chatPicks) {
    const chat = conversations.find((c) => c.id === id)!;
    rows.push(
      sampleRow(actor.shopId, week, chat.agentId, 'conversation', id, reasons, chat.assignedAt, now, {
        prechecks: await conversationPrechecks(db, actor.shopId, id, settings),
      }),
    );
  }
  for (const [id, reasons] of callPicks) {
    const call = calls.find((c) => c.id === id)!;
    const prechecks: PrecheckMark[] =
      call.ringsBeforeAnswer !== null && call.ringsBeforeAnswer > maxRings
        ? [{ kind: 'rings_over_limit', messageId: null, detail: String(call.ringsBeforeAnswer) }]
        : [];
    rows.push(
      sampleRow(actor.shopId, week, call.agentId!, 'call', id, reasons, call.startedAt, now, { prechecks }),
    );
  }
  let created = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of rows) if (await repo.insertSampleIfNew(trx, row)) created += 1;
  });
  return { week, created, samples: await listSamples(deps, actor, { week, status: 'all' }) };
}

function sampleRow(
  shopId: string,
  week: string,
  agentId: string,
  subjectKind: QaSampleTable['subjectKind'],
  subjectId: string,
  reasons: readonly SampleReason[],
  subjectAt: number,
  now: number,
  extra: { prechecks: PrecheckMark[] },
): QaSampleTable {
  return {
    id: newId(now),
    shopId,
    week,
    agentId,
    subjectKind,
    subjectId,
    reasons: JSON.stringify(reasons),
    prechecks: JSON.stringify(extra.prechecks),
    subjectAt,
    inspectionId: null,
    createdAt: now,
  };
}

async function currentWeek(deps: QaDeps, shopId: string): Promise<string> {
  const calendar = await deps.calendarOf(deps.db, shopId);
  return weekOf(deps.now(), calendar.timeZone).week;
}

/** The inspectors' queue: the week's samples (open ones by default). */
export async function listSamples(
  deps: QaDeps,
  actor: Actor,
  query: { week?: string | undefined; status: 'open' | 'done' | 'all' },
): Promise<QaSample[]> {
  const week = query.week ?? (await currentWeek(deps, actor.shopId));
  const rows = await repo.listSamples(deps.db, actor.shopId, { week, status: query.status });
  const names = await staffNames(
    deps.db,
    actor.shopId,
    rows.map((row) => row.agentId),
  );
  return rows.map((row) => presentSample(row, names));
}

// The inspection workspace and scoring.

async function scorecardOf(db: Db, shopId: string, id: string): Promise<QaScorecardTable> {
  const card = await repo.findScorecard(db, shopId, id);
  if (!card) throw notFound();
  return card;
}

/**
 * The transcript (or call record) beside the scorecard, with the pre-check marks. Inspectors see every sample; an
 * agent sees their own sample once it is inspected; anyone else gets 404.
 */
export async function getWorkspace(
  deps: QaDeps,
  actor: Actor,
  sampleId: string,
): Promise<InspectionWorkspace> {
  const db = deps.db;
  const sample = await repo.findSample(db, actor.shopId, sampleId);
  const inspector = actor.permissions.has(qaPolicy.inspect);
  if (!sample || (!inspector && !(sample.inspectionId && canSeeInspectionOf(actor, sample.agentId))))
    throw notFound();
  const names = await staffNames(db, actor.shopId, [sample.agentId]);
  let transcript: InspectionWorkspace['transcript'] = [];
  let call: InspectionWorkspace['call'] = null;
  if (sample.subjectKind === 'conversation') {
    const found = await transcriptForInspection(db, actor.shopId, sample.subjectId);
    transcript = (found?.lines ?? []).map((line) => ({ ...line, at: isoOf(line.at) }));
  } else {
    const found = await callForInspection(db, actor.shopId, sample.subjectId);
    if (found) {
      call = {
        id: found.id,
        direction: found.direction,
        state: found.state,
        startedAt: isoOf(found.startedAt),
        answeredAt: isoOrNull(found.answeredAt),
        endedAt: isoOrNull(found.endedAt),
        ringSeconds: found.ringMs === null ? null : Math.round(found.ringMs / 100) / 10,
        ringsBeforeAnswer: found.ringsBeforeAnswer,
        missed: found.missed,
        matter: found.matter,
        handling: found.handling,
        customerReaction: found.customerReaction,
        hasRecording: found.hasRecording,
      };
    }
  }
  const inspection = sample.inspectionId ? await getInspection(deps, actor, sample.inspectionId) : null;
  const scorecard = inspection
    ? inspection.scorecard
    : presentScorecard(await ensureDefaultScorecard(db, actor.shopId));
  return { sample: presentSample(sample, names), transcript, call, scorecard, inspection };
}

/**
 * Scores a sampled record against the active scorecard: the score out of 100, the deduction table's points and
 * the points actually charged after the weekly cap (seed 001: at most 3 a week), which go to the ledger.
 */
export async function inspectSample(
  deps: QaDeps,
  actor: Actor,
  sampleId: string,
  input: z.infer<typeof inspectSchema>,
): Promise<Inspection> {
  const db = deps.db;
  const now = deps.now();
  const calendar = await deps.calendarOf(db, actor.shopId);
  const settings = await qaSettingsOf(db, actor.shopId);
  const card = await ensureDefaultScorecard(db, actor.shopId);
  const items = JSON.parse(card.items) as ScorecardItem[];
  const { score, problems } = scoreInspection(items, input.scores);
  if (problems.length > 0) throw new AppError('score_invalid', { problems });

  const id = await runCommand(db, deps.bus, async (trx) => {
    const sample = await repo.findSample(trx, actor.shopId, sampleId);
    if (!sample) throw notFound();
    if (
      sample.subjectKind === 'conversation' &&
      input.comments.some((comment) => comment.messageId !== null)
    ) {
      const transcript = await transcriptForInspection(trx, actor.shopId, sample.subjectId);
      const ids = new Set((transcript?.lines ?? []).map((line) => line.id));
      if (input.comments.some((comment) => comment.messageId !== null && !ids.has(comment.messageId)))
        throw new AppError('comment_anchor_invalid');
    }
    const inspectionId = newId(now);
    if (!(await repo.claimSample(trx, sample.id, inspectionId)))
      throw new AppError('sample_already_inspected');
    const tablePoints = deductionPoints(score);
    const alreadyCharged = await chargedInWeek(trx, actor.shopId, sample.agentId, sample.week);
    const points = cappedPoints(tablePoints, alreadyCharged);
    const row: QaInspectionTable = {
      id: inspectionId,
      shopId: actor.shopId,
      sampleId: sample.id,
      agentId: sample.agentId,
      inspectorId: actor.userId,
      scorecardId: card.id,
      scores: JSON.stringify(input.scores),
      comments: JSON.stringify(input.comments),
      summary: input.summary,
      scoreTenths: Math.round(score * 10),
      week: sample.week,
      tablePointsTenths: tablePoints * 10,
      pointsTenths: points * 10,
      ledgerEntryId: null,
      appealDueAt: appealDeadline(calendar, now, settings.appealWorkdays),
      inspectedAt: now,
    };
    await repo.insertInspection(trx, row);
    if (points > 0) {
      const entryId = await recordViolation(
        trx,
        actor.shopId,
        calendar,
        await disciplineRule(trx, actor.shopId, 'qa_inspection'),
        {
          userId: sample.agentId,
          ruleKey: 'qa_inspection',
          occurredAt: now,
          evidenceKind: 'inspection',
          evidenceId: inspectionId,
          note: `${score}`,
          dedupeKey: qaEntryKey(inspectionId),
          pointsTenths: points * 10,
          createdBy: actor.userId,
        },
        now,
      );
      await repo.setInspectionEntry(trx, inspectionId, entryId);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: 'inspection.scored',
      entityType: 'inspection',
      entityId: inspectionId,
      changes: { sampleId: sample.id, score, points },
    });
    return inspectionId;
  });
  return getInspection(deps, actor, id);
}

/** Points (whole) charged to an agent's inspections of a week, leaving out those an upheld appeal reversed. */
async function chargedInWeek(db: Db, shopId: string, agentId: string, week: string): Promise<number> {
  const rows = await repo.listInspections(db, shopId, { agentId, week, limit: 1000 });
  const upheld = new Set(
    (
      await appealsOfSubjects(
        db,
        shopId,
        'inspection',
        rows.map((row) => row.id),
      )
    )
      .filter((appeal) => appeal.status === 'upheld')
      .map((appeal) => appeal.subjectId),
  );
  return rows.filter((row) => !upheld.has(row.id)).reduce((sum, row) => sum + row.pointsTenths, 0) / 10;
}

async function presentInspections(
  deps: QaDeps,
  actor: Actor,
  rows: QaInspectionTable[],
): Promise<Inspection[]> {
  const db = deps.db;
  const appeals = await appealsOfSubjects(
    db,
    actor.shopId,
    'inspection',
    rows.map((row) => row.id),
  );
  const presentedAppeals = await presentAppeals(db, actor.shopId, appeals);
  const appealOf = new Map(presentedAppeals.map((appeal) => [appeal.subjectId, appeal]));
  const names = await staffNames(
    db,
    actor.shopId,
    rows.flatMap((row) => [row.agentId, row.inspectorId]),
  );
  const cards = new Map<string, QaScorecardTable>();
  const out: Inspection[] = [];
  for (const row of rows) {
    const sample = await repo.findSample(db, actor.shopId, row.sampleId);
    if (!sample) continue;
    const card = cards.get(row.scorecardId) ?? (await scorecardOf(db, actor.shopId, row.scorecardId));
    cards.set(card.id, card);
    out.push(
      presentInspection(row, {
        sample,
        scorecard: card,
        names,
        appeal: appealOf.get(row.id) ?? null,
        now: deps.now(),
        viewerId: actor.userId,
      }),
    );
  }
  return out;
}

/** One inspection: its agent, inspectors and supervisors see it; for anyone else it does not exist (404). */
export async function getInspection(deps: QaDeps, actor: Actor, id: string): Promise<Inspection> {
  const row = await repo.findInspection(deps.db, actor.shopId, id);
  if (!row || !canSeeInspectionOf(actor, row.agentId)) throw notFound();
  return (await presentInspections(deps, actor, [row]))[0]!;
}

/** Inspections, newest first: an agent's own; inspectors and supervisors anyone's (optionally one agent's). */
export async function listInspections(
  deps: QaDeps,
  actor: Actor,
  query: { agentId?: string | undefined; week?: string | undefined },
): Promise<Inspection[]> {
  if (query.agentId && !canSeeInspectionOf(actor, query.agentId)) throw notFound();
  const seesAll = canSeeInspectionOf(actor, '');
  const rows = await repo.listInspections(deps.db, actor.shopId, {
    agentId: seesAll ? query.agentId : actor.userId,
    week: query.week,
    limit: 500,
  });
  return presentInspections(deps, actor, rows);
}

/** The inspected agent appeals within the window (default 3 workdays on the shop's calendar). */
export async function appealInspection(
  deps: QaDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Appeal> {
  const now = deps.now();
  const row = await runCommand(deps.db, deps.bus, async (trx) => {
    const inspection = await repo.findInspection(trx, actor.shopId, id);
    if (!inspection || inspection.agentId !== actor.userId) throw notFound();
    if (now > inspection.appealDueAt) throw new AppError('appeal_window_closed');
    return fileAppeal(trx, actor, { kind: 'inspection', id }, reason, now);
  });
  return (await presentAppeals(deps.db, actor.shopId, [row]))[0]!;
}

/** An agent's QA results for the metrics page: inspections this month, average score, points charged. */
export async function qaSummaryOf(deps: QaDeps, shopId: string, userId: string) {
  const calendar = await deps.calendarOf(deps.db, shopId);
  const now = deps.now();
  const month = monthOf(now, calendar.timeZone);
  const monthStart = fromZonedParts({ ...parseLocalDate(`${month}-01`) }, calendar.timeZone);
  const rows = await repo.listInspections(deps.db, shopId, {
    agentId: userId,
    from: monthStart,
    limit: 1000,
  });
  const average =
    rows.length === 0
      ? null
      : Math.round(rows.reduce((sum, row) => sum + row.scoreTenths, 0) / rows.length) / 10;
  return {
    inspections: rows.length,
    averageScore: average,
    qaPointsThisMonth: (await monthTotal(deps.db, shopId, userId, month, 'qa_inspection')) / 10,
    disciplinePointsThisMonth: (await monthTotal(deps.db, shopId, userId, month)) / 10,
    today: localDateOf(calendar, now),
  };
}
