// API contract of the customer profile 客户档案 (SPEC §6): contacts masked without the reveal permission, tags, VIP
// level, orders, one timeline of every contact, search, and the merge of two profiles of one person.
import { z } from 'zod';
import { timelineKinds } from '../follow-ups.js';
import { idSchema, instantSchema } from './common.js';

export const customerSummarySchema = z
  .object({
    id: idSchema,
    displayName: z.string(),
    contactName: z.string().nullable(),
    memberId: z.string().nullable(),
    phone: z.string().nullable().describe('Always masked (138****5678); the reveal route shows it, audited'),
    email: z.string().nullable().describe('Always masked (z***@example.com)'),
    vipLevel: z.number().int(),
    tags: z.array(z.string()),
    lastSeenAt: instantSchema,
  })
  .meta({ id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const customerSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).describe('A name, phone number, e-mail, member id or order number'),
});

export const timelineItemSchema = z
  .object({
    kind: z.enum(timelineKinds),
    id: z.string(),
    at: instantSchema,
    title: z.string(),
    status: z.string().nullable(),
    detail: z.string(),
    link: z.string().nullable().describe('Where the item opens in the console'),
  })
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const customerOrderSchema = z.object({
  orderNo: z.string(),
  lastEvent: z.string(),
  lastAt: instantSchema,
  paidFen: z.number().int(),
  refundedFen: z.number().int(),
});
export type CustomerOrder = z.infer<typeof customerOrderSchema>;

export const customerProfileSchema = z
  .object({
    customer: customerSummarySchema,
    mergedIds: z.array(idSchema).describe('Profiles merged into this one'),
    orders: z.array(customerOrderSchema),
    timeline: z.array(timelineItemSchema).describe('Newest first'),
    canReveal: z.boolean(),
  })
  .meta({ id: 'CustomerProfile' });
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

export const updateCustomerSchema = z
  .strictObject({
    contactName: z.string().trim().max(64).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{4,24}$/, 'phone number')
      .nullable()
      .optional(),
    email: z.email().max(200).nullable().optional(),
    vipLevel: z.number().int().min(0).max(9).optional(),
    tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

export const customerContactSchema = z.object({ phone: z.string().nullable(), email: z.string().nullable() });

export const mergeCustomersSchema = z.strictObject({
  sourceId: idSchema.describe('The duplicate profile; it is merged into the one in the path'),
});
