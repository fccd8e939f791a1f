// API contract of the knowledge base 知识库 and the smart service: entries, reply templates, suggestions,
// classifications and auto-answer reactions.
import { z } from 'zod';
import {
  autoAnswerReactions,
  classificationSources,
  complaintCategories,
  knowledgeKinds,
  problemTypes,
  templateStatuses,
} from '../assist.js';
import { idSchema, instantSchema, shortText } from './common.js';

export const knowledgeEntrySchema = z
  .object({
    id: idSchema,
    kind: z.enum(knowledgeKinds),
    category: z.string(),
    title: z.string().describe('The question (FAQ) or the title (article)'),
    body: z.string().describe('The answer or the article text'),
    phrasings: z.array(z.string()).describe('Other ways customers ask the same question'),
    validFrom: instantSchema.nullable(),
    validUntil: instantSchema.nullable(),
    active: z.boolean().describe('Valid now (inside its validity dates): used for answers and suggestions'),
    ownerId: idSchema.nullable(),
    ownerName: z.string().nullable(),
    nextReviewAt: instantSchema.nullable(),
    reviewOverdue: z.boolean().describe('The next review date has passed'),
    version: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'KnowledgeEntry' });
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;

const phrasingsSchema = z.array(shortText(200)).max(30);

export const createKnowledgeEntrySchema = z.strictObject({
  kind: z.enum(knowledgeKinds).default('faq'),
  category: shortText(32),
  title: shortText(200),
  body: z.string().trim().min(1).max(4000),
  phrasings: phrasingsSchema.default([]),
  validFrom: instantSchema.nullable().optional(),
  validUntil: instantSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  nextReviewAt: instantSchema.nullable().optional(),
});

export const updateKnowledgeEntrySchema = z
  .strictObject({
    kind: z.enum(knowledgeKinds),
    category: shortText(32),
    title: shortText(200),
    body: z.string().trim().min(1).max(4000),
    phrasings: phrasingsSchema,
    validFrom: instantSchema.nullable(),
    validUntil: instantSchema.nullable(),
    ownerId: idSchema.nullable(),
    nextReviewAt: instantSchema.nullable(),
  })
  .partial();

export const listKnowledgeQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Search text (Chinese or English), ranked by BM25'),
  kind: z.enum(knowledgeKinds).optional(),
  category: z.string().trim().max(32).optional(),
  reviewOverdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('true: only entries whose review date has passed'),
});

export const replyTemplateSchema = z
  .object({
    id: idSchema,
    category: z.string(),
    shortcut: z.string(),
    title: z.string(),
    text: z.string(),
    status: z.enum(templateStatuses),
    createdBy: idSchema.nullable(),
    reviewedBy: idSchema.nullable(),
    reviewedAt: instantSchema.nullable(),
    reviewNote: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'ReplyTemplate' });
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

export const createReplyTemplateSchema = z.strictObject({
  category: shortText(32),
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[^\s/]+$/, 'no spaces or slashes')
    .describe('The quick-reply shortcut it gets once approved'),
  title: shortText(40),
  text: z.string().trim().min(1).max(1000),
});

export const reviewReplyTemplateSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(500).optional(),
});

export const suggestionSchema = z
  .object({
    source: z.enum(['knowledge', 'template']),
    id: idSchema,
    title: z.string(),
    text: z.string().describe('What is inserted into the reply box'),
    score: z.number(),
  })
  .meta({ id: 'ReplySuggestion' });
export type ReplySuggestion = z.infer<typeof suggestionSchema>;

export const classificationSchema = z
  .object({
    conversationId: idSchema,
    problemType: z.enum(problemTypes),
    complaintCategory: z.enum(complaintCategories).nullable(),
    source: z.enum(classificationSources),
    confidence: z.number().describe('The local model’s probability, 0–1 (1 for an agent’s choice)'),
    updatedAt: instantSchema,
  })
  .meta({ id: 'ConversationClassification' });
export type ConversationClassification = z.infer<typeof classificationSchema>;

export const correctClassificationSchema = z
  .strictObject({
    problemType: z.enum(problemTypes),
    complaintCategory: z.enum(complaintCategories).nullable().default(null),
  })
  .refine((value) => (value.problemType === 'complaint') === (value.complaintCategory !== null), {
    message: 'a complaint needs a complaint category, and only a complaint has one',
    path: ['complaintCategory'],
  });

export const autoAnswerReactionSchema = z.strictObject({
  messageId: idSchema.describe('The auto-answer message the buttons belong to'),
  reaction: z.enum(autoAnswerReactions),
});

export const autoAnswerRatesQuerySchema = z.strictObject({
  from: instantSchema,
  to: instantSchema,
});

export const autoAnswerRatesSchema = z
  .object({
    conversations: z.number().int().describe('Chats opened in the period'),
    answered: z.number().int().describe('Of those, chats that got at least one FAQ auto-answer'),
    autoAnswers: z.number().int(),
    solved: z.number().int(),
    handedOver: z.number().int(),
    answerRate: z.number(),
    handOverRate: z.number(),
    solvedRate: z.number(),
  })
  .meta({ id: 'AutoAnswerRates' });
export type AutoAnswerRates = z.infer<typeof autoAnswerRatesSchema>;
