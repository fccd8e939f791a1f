// API contract of quality inspection 质检 (SPEC §8), the discipline ledger (SPEC §9), appeals, daily data reports,
// shift hand-overs and training records.
import { z } from 'zod';
import {
  appealStatuses,
  appealSubjectKinds,
  disciplineRuleKeys,
  entryKinds,
  evidenceKinds,
  precheckKinds,
  sampleReasons,
  sampleSubjectKinds,
  trainingKinds,
} from '../quality.js';
import { idSchema, instantSchema, shortText } from './common.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** Points as shown to people (1.5), kept in tenths on the server. */
const points = z.number().min(0).max(100).multipleOf(0.1);

export const scorecardItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,32}$/),
  title: shortText(64),
  guidance: z.string().trim().max(1000),
  zeroCases: z.string().trim().max(1000),
  points: z.int().min(1).max(100),
  critical: z.boolean(),
});

export const scorecardSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    version: z.int(),
    items: z.array(scorecardItemSchema),
    active: z.boolean(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Scorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;

export const saveScorecardSchema = z.strictObject({
  name: shortText(64),
  items: z.array(scorecardItemSchema).min(1).max(30).describe('Points must add up to 100'),
});

export const qaSettingsSchema = z
  .object({
    chatsPerAgent: z.int().min(0).max(50),
    callsPerAgent: z.int().min(0).max(50),
    firstReplyLimitSeconds: z.int().min(1).max(3600),
    longChatMessages: z.int().min(2).max(1000),
    forbiddenWords: z.array(z.string().trim().min(1).max(32)).max(200),
    greetingWords: z.array(z.string().trim().min(1).max(32)).max(50),
    appealWorkdays: z.int().min(1).max(30),
  })
  .meta({ id: 'QaSettings' });
export type QaSettings = z.infer<typeof qaSettingsSchema>;
export const updateQaSettingsSchema = qaSettingsSchema.partial().strict();

export const precheckMarkSchema = z.object({
  kind: z.enum(precheckKinds),
  messageId: z.string().nullable(),
  detail: z.string(),
});

export const appealSchema = z
  .object({
    id: idSchema,
    subjectKind: z.enum(appealSubjectKinds),
    subjectId: idSchema,
    userId: idSchema,
    userName: z.string(),
    reason: z.string(),
    status: z.enum(appealStatuses),
    decidedBy: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: instantSchema.nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Appeal' });
export type Appeal = z.infer<typeof appealSchema>;

export const sampleSchema = z
  .object({
    id: idSchema,
    week: localDate,
    agentId: idSchema,
    agentName: z.string(),
    subjectKind: z.enum(sampleSubjectKinds),
    subjectId: idSchema,
    subjectAt: instantSchema,
    reasons: z.array(z.enum(sampleReasons)),
    prechecks: z.array(precheckMarkSchema),
    inspectionId: z.string().nullable(),
  })
  .meta({ id: 'QaSample' });
export type QaSample = z.infer<typeof sampleSchema>;

export const sampleQuerySchema = z.strictObject({
  week: localDate.optional().describe('Monday of the week (shop zone); default this week'),
  status: z.enum(['open', 'done', 'all']).default('open'),
});
export const drawSamplesSchema = z.strictObject({
  week: localDate.optional().describe('Any day of the week to draw (shop zone); default the current week'),
});
export const drawSamplesResultSchema = z.object({
  week: localDate,
  created: z.int(),
  samples: z.array(sampleSchema),
});

export const transcriptLineSchema = z.object({
  id: idSchema,
  seq: z.int(),
  authorKind: z.enum(['customer', 'agent', 'system']),
  kind: z.string(),
  text: z.string(),
  internal: z.boolean(),
  at: instantSchema,
});

export const inspectedCallSchema = z.object({
  id: idSchema,
  direction: z.string(),
  state: z.string(),
  startedAt: instantSchema,
  answeredAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  ringSeconds: z.number().nullable(),
  ringsBeforeAnswer: z.int().nullable(),
  missed: z.boolean(),
  matter: z.string().nullable(),
  handling: z.string().nullable(),
  customerReaction: z.string().nullable(),
  hasRecording: z.boolean(),
});

export const anchoredCommentSchema = z.strictObject({
  messageId: idSchema.nullable().describe('The message the comment is anchored to (null: the whole record)'),
  text: z.string().trim().min(1).max(1000),
});

export const inspectionSchema = z
  .object({
    id: idSchema,
    sampleId: idSchema,
    subjectKind: z.enum(sampleSubjectKinds),
    subjectId: idSchema,
    agentId: idSchema,
    agentName: z.string(),
    inspectorId: idSchema,
    inspectorName: z.string(),
    scorecard: scorecardSchema,
    scores: z.record(z.string(), z.number()),
    comments: z.array(anchoredCommentSchema),
    summary: z.string(),
    score: z.number().describe('Out of 100'),
    week: localDate,
    tablePoints: z.number().describe('SPEC §8 deduction table: ≥80 → 0, ≥70 → 1, ≥60 → 2, <60 → 3'),
    points: z.number().describe('Points charged after the weekly cap of 3'),
    reversed: z.boolean(),
    appealDueAt: instantSchema,
    canAppeal: z.boolean(),
    inspectedAt: instantSchema,
    appeal: appealSchema.nullable(),
  })
  .meta({ id: 'Inspection' });
export type Inspection = z.infer<typeof inspectionSchema>;

export const workspaceSchema = z
  .object({
    sample: sampleSchema,
    transcript: z.array(transcriptLineSchema),
    call: inspectedCallSchema.nullable(),
    scorecard: scorecardSchema,
    inspection: inspectionSchema.nullable(),
  })
  .meta({ id: 'InspectionWorkspace' });
export type InspectionWorkspace = z.infer<typeof workspaceSchema>;

export const inspectSchema = z.strictObject({
  scores: z.record(z.string().max(32), z.number().min(0).max(100)),
  comments: z.array(anchoredCommentSchema).max(100).default([]),
  summary: z.string().trim().max(2000).default(''),
});

export const inspectionQuerySchema = z.strictObject({
  agentId: idSchema.optional(),
  week: localDate.optional(),
});
export const inspectionListSchema = z.array(inspectionSchema);

export const createAppealSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const decideAppealSchema = z.strictObject({
  decision: z.enum(['upheld', 'rejected']),
  note: z.string().trim().max(2000).default(''),
});
export const appealQuerySchema = z.strictObject({
  status: z.enum([...appealStatuses, 'all']).default('pending'),
});
export const appealListSchema = z.array(appealSchema);

// Discipline ledger.

export const disciplineRuleSchema = z
  .object({
    id: idSchema,
    key: z.string(),
    name: z.string(),
    agentPoints: z.number(),
    supervisorPoints: z.number(),
    doubleFrom: z.int().nullable(),
    threshold: z.int().nullable(),
    automatic: z.boolean(),
    enabled: z.boolean(),
  })
  .meta({ id: 'DisciplineRule' });
export type DisciplineRule = z.infer<typeof disciplineRuleSchema>;
export const updateDisciplineRuleSchema = z.strictObject({
  name: z.string().trim().max(64).optional(),
  agentPoints: points.optional(),
  supervisorPoints: points.optional(),
  doubleFrom: z.int().min(2).max(50).nullable().optional(),
  threshold: z.int().min(1).max(100000).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const ledgerEntrySchema = z
  .object({
    id: idSchema,
    userId: idSchema,
    userName: z.string(),
    ruleKey: z.string(),
    ruleName: z.string(),
    kind: z.enum(entryKinds),
    points: z.number().describe('Positive: deducted; a reversal is negative'),
    basePoints: z.number(),
    repeatNo: z.int(),
    doubled: z.boolean(),
    month: monthSchema,
    occurredAt: instantSchema,
    evidenceKind: z.enum(evidenceKinds),
    evidenceId: z.string().nullable(),
    note: z.string(),
    reversesId: z.string().nullable(),
    reversed: z.boolean(),
    createdByName: z.string().nullable(),
    createdAt: instantSchema,
    appeal: appealSchema.nullable(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ledgerQuerySchema = z.strictObject({
  month: monthSchema.optional().describe("Default: this month in the shop's zone"),
  userId: idSchema.optional().describe('Supervisors: one person; agents: only themselves'),
});
export const ledgerSchema = z
  .object({
    month: monthSchema,
    entries: z.array(ledgerEntrySchema),
    totals: z.array(
      z.object({ userId: idSchema, userName: z.string(), points: z.number(), entries: z.int() }),
    ),
  })
  .meta({ id: 'Ledger' });
export type Ledger = z.infer<typeof ledgerSchema>;

export const manualEntrySchema = z.strictObject({
  userId: idSchema,
  ruleKey: z.enum(disciplineRuleKeys),
  occurredAt: instantSchema,
  note: z.string().trim().min(1).max(2000).describe('The evidence in words (required)'),
  evidenceKind: z.enum(evidenceKinds).default('manual'),
  evidenceId: idSchema.optional(),
});

export const detectSchema = z.strictObject({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
});
export const detectResultSchema = z.object({ created: z.int(), byRule: z.record(z.string(), z.int()) });

export const dailyReportSchema = z
  .object({
    id: idSchema,
    userId: idSchema,
    day: localDate,
    content: z.string(),
    submittedAt: instantSchema,
    deadline: instantSchema,
    late: z.boolean(),
  })
  .meta({ id: 'DailyReport' });
export const submitDailyReportSchema = z.strictObject({
  day: localDate,
  content: z.string().trim().min(1).max(5000),
  userId: idSchema.optional().describe('A supervisor submitting for an agent'),
});
export const dailyReportListSchema = z.array(dailyReportSchema);

// Shift hand-over 交接班.

export const handoverSchema = z
  .object({
    id: idSchema,
    fromUserId: idSchema,
    fromName: z.string(),
    toUserId: z.string().nullable(),
    toName: z.string().nullable(),
    note: z.string(),
    chats: z.array(z.object({ id: z.string(), preview: z.string() })),
    workOrders: z.array(z.object({ id: z.string(), number: z.int(), title: z.string(), status: z.string() })),
    followUps: z.array(z.object({ id: z.string(), title: z.string(), dueAt: z.string() })),
    acknowledgedBy: z.string().nullable(),
    acknowledgedByName: z.string().nullable(),
    acknowledgedAt: instantSchema.nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof handoverSchema>;
export const createHandoverSchema = z.strictObject({
  note: z.string().trim().min(1).max(4000),
  toUserId: idSchema.optional().describe('The next agent on shift, when known'),
});
export const handoverListSchema = z.array(handoverSchema);

// Training.

export const trainingAttendeeSchema = z.object({
  userId: idSchema,
  userName: z.string(),
  attended: z.boolean(),
  score: z.int().nullable(),
  passed: z.boolean(),
});
export const trainingSessionSchema = z
  .object({
    id: idSchema,
    kind: z.enum(trainingKinds),
    title: z.string(),
    heldOn: localDate,
    trainer: z.string(),
    attendees: z.array(trainingAttendeeSchema),
    createdAt: instantSchema,
  })
  .meta({ id: 'TrainingSession' });
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export const createTrainingSessionSchema = z.strictObject({
  kind: z.enum(trainingKinds),
  title: shortText(128),
  heldOn: localDate,
  trainer: z.string().trim().max(64).default(''),
});
export const recordAttendanceSchema = z.strictObject({
  attendees: z
    .array(
      z.strictObject({
        userId: idSchema,
        attended: z.boolean(),
        score: z.int().min(0).max(100).nullable().default(null),
        passed: z.boolean(),
      }),
    )
    .max(500),
});
export const trainingListSchema = z.array(trainingSessionSchema);

/** QA and training results of one agent, shown next to their metrics. */
export const agentQualitySchema = z
  .object({
    userId: idSchema,
    inspections: z.int(),
    averageScore: z.number().nullable(),
    qaPointsThisMonth: z.number(),
    disciplinePointsThisMonth: z.number(),
    trainings: z.int(),
    lastAssessmentScore: z.int().nullable(),
    newHireTrainingDone: z.boolean(),
    newAgent: z.boolean(),
  })
  .meta({ id: 'AgentQuality' });
export type AgentQuality = z.infer<typeof agentQualitySchema>;
export const agentQualityListSchema = z.array(agentQualitySchema.extend({ userName: z.string() }));
