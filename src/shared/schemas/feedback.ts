// API contract of satisfaction and suggestions (SPEC §6): the customer's verdict on a work order, questionnaires an
// admin composes and sends as one-time links that need no login, and suggestions routed to a department.
import { z } from 'zod';
import { questionKinds, suggestionSources, suggestionStatuses, surveyKinds } from '../follow-ups.js';
import { satisfactionLevels } from '../work-orders.js';
import { idSchema, instantSchema, shortText } from './common.js';

export const verdictSchema = z.strictObject({
  satisfaction: z.enum(satisfactionLevels),
  note: z.string().trim().max(2000).default(''),
});

const questionIdSchema = z.string().regex(/^[a-z0-9_-]{1,32}$/);

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: questionIdSchema,
    kind: z.literal('single_choice'),
    text: shortText(200),
    options: z.array(shortText(100)).min(2).max(10),
    required: z.boolean().default(true),
  }),
  z.strictObject({
    id: questionIdSchema,
    kind: z.literal('scale'),
    text: shortText(200),
    max: z.number().int().min(3).max(10).default(5),
    required: z.boolean().default(true),
  }),
  z.strictObject({
    id: questionIdSchema,
    kind: z.literal('text'),
    text: shortText(200),
    required: z.boolean().default(false),
  }),
]);
export type Question = z.output<typeof questionSchema>;
export const questionKindList = questionKinds;

export const saveQuestionnaireSchema = z
  .strictObject({
    title: shortText(120),
    intro: z.string().trim().max(1000).default(''),
    questions: z.array(questionSchema).min(1).max(30),
  })
  .refine((body) => new Set(body.questions.map((q) => q.id)).size === body.questions.length, {
    message: 'question ids must be unique',
    path: ['questions'],
  });

export const questionnaireSchema = z
  .object({
    id: idSchema,
    title: z.string(),
    intro: z.string(),
    questions: z.array(questionSchema),
    sent: z.number().int(),
    answered: z.number().int(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Questionnaire' });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const sendSurveySchema = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(500),
  validDays: z.number().int().min(1).max(60).default(14),
});

export const surveyLinkSchema = z
  .object({
    id: idSchema,
    kind: z.enum(surveyKinds),
    customerId: idSchema.nullable(),
    url: z
      .string()
      .nullable()
      .describe('The link to send; only in the answer that created it (the token is stored hashed)'),
    expiresAt: instantSchema,
    answeredAt: instantSchema.nullable(),
  })
  .meta({ id: 'SurveyLink' });
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

export const sendSurveyResultSchema = z.object({
  links: z.array(surveyLinkSchema),
  skipped: z
    .array(idSchema)
    .describe('Recipients who already have a link for this survey (once per recipient)'),
});

export const surveyTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/** What a customer sees behind a link: nothing of the shop but its name and the questions. */
export const publicSurveySchema = z
  .object({
    kind: z.enum(surveyKinds),
    shopName: z.string(),
    title: z.string(),
    intro: z.string(),
    questions: z.array(questionSchema),
    answered: z.boolean(),
  })
  .meta({ id: 'PublicSurvey' });
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const surveyAnswerSchema = z.strictObject({
  answers: z.record(questionIdSchema, z.union([z.string().max(2000), z.number().int()])).default({}),
  satisfaction: z.enum(satisfactionLevels).optional().describe('verdict links'),
  comment: z.string().trim().max(2000).default(''),
});
export type SurveyAnswerBody = z.input<typeof surveyAnswerSchema>;

export const surveyResultSchema = z.object({
  id: idSchema,
  customerId: idSchema.nullable(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  comment: z.string(),
  createdAt: instantSchema,
});

export const suggestionSchema = z
  .object({
    id: idSchema,
    customer: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    sourceKind: z.enum(suggestionSources),
    sourceId: z.string().nullable(),
    text: z.string(),
    departmentId: idSchema.nullable(),
    departmentName: z.string().nullable(),
    status: z.enum(suggestionStatuses),
    resolution: z.string(),
    resolvedAt: instantSchema.nullable(),
    customerNotice: z.string().nullable().describe('What the customer was told'),
    customerTold: z.boolean(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const createSuggestionSchema = z.strictObject({
  customerId: idSchema.optional(),
  sourceKind: z.enum(suggestionSources).default('manual'),
  sourceId: z.string().max(64).optional(),
  text: shortText(2000),
  departmentId: idSchema,
});

export const resolveSuggestionSchema = z.strictObject({
  decision: z.enum(['adopted', 'declined']),
  resolution: shortText(2000).describe('What was done, or why it is declined'),
});

export const listSuggestionsQuerySchema = z.strictObject({
  status: z.enum(suggestionStatuses).optional(),
  departmentId: idSchema.optional(),
});
