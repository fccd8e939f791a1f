// API contract of follow-ups 回访 (SPEC §6): the per-shop rules that create tasks, the tasks with their due times
// and owners, and the result form (reached or not, satisfaction, new problems, suggestions).
import { z } from 'zod';
import { followUpKinds, followUpOwnerModes, followUpStatuses } from '../follow-ups.js';
import { satisfactionLevels } from '../work-orders.js';
import { idSchema, instantSchema, shortText } from './common.js';

export const followUpRuleSchema = z
  .object({
    kind: z.enum(followUpKinds),
    enabled: z.boolean(),
    delayAmount: z
      .number()
      .int()
      .describe(
        'phone / on_site: workdays after resolution; consultation: workdays (1 = next day); questionnaire: days',
      ),
    ownerMode: z.enum(followUpOwnerModes),
    ownerUserId: idSchema.nullable(),
    minVipLevel: z.number().int().describe('questionnaire: customers from this VIP level count as important'),
    updatedAt: instantSchema.nullable(),
  })
  .meta({ id: 'FollowUpRule' });
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

export const updateFollowUpRuleSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    delayAmount: z.number().int().min(0).max(60).optional(),
    ownerMode: z.enum(followUpOwnerModes).optional(),
    ownerUserId: idSchema.nullable().optional(),
    minVipLevel: z.number().int().min(0).max(9).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

export const followUpKindParams = z.strictObject({ kind: z.enum(followUpKinds) });

export const followUpResultSchema = z.object({
  reached: z.boolean(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  newProblems: z.string(),
  suggestion: z.string(),
  note: z.string(),
});

export const followUpTaskSchema = z
  .object({
    id: idSchema,
    kind: z.enum(followUpKinds),
    status: z.enum(followUpStatuses),
    title: z.string(),
    customer: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    workOrderId: idSchema.nullable(),
    conversationId: idSchema.nullable(),
    owner: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    dueAt: instantSchema,
    overdue: z.boolean().describe('Past its due time undone, or done after it'),
    overdueAt: instantSchema.nullable().describe('When the sweep recorded it as overdue'),
    completedAt: instantSchema.nullable(),
    late: z.boolean(),
    result: followUpResultSchema.nullable(),
    createdAt: instantSchema,
    version: z.number().int(),
  })
  .meta({ id: 'FollowUpTask' });
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;

export const listFollowUpsQuerySchema = z.strictObject({
  status: z.enum([...followUpStatuses, 'overdue']).optional(),
  owner: z.union([z.literal('me'), idSchema]).optional(),
  customerId: idSchema.optional(),
  kind: z.enum(followUpKinds).optional(),
});

export const createFollowUpSchema = z.strictObject({
  kind: z.enum(followUpKinds),
  title: shortText(120).optional(),
  customerId: idSchema.optional(),
  workOrderId: idSchema.optional(),
  ownerId: idSchema.optional().describe('Defaults to the creator'),
  dueAt: instantSchema,
});

const formText = (max: number) => z.string().trim().max(max).default('');

export const completeFollowUpSchema = z
  .strictObject({
    reached: z.boolean(),
    satisfaction: z.enum(satisfactionLevels).optional(),
    newProblems: formText(2000),
    suggestion: formText(2000),
    note: formText(2000),
  })
  .refine((body) => !body.reached || body.satisfaction !== undefined, {
    message: 'a reached customer gives a satisfaction level',
    path: ['satisfaction'],
  });
export type CompleteFollowUpBody = z.input<typeof completeFollowUpSchema>;
