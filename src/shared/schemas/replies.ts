// API contract of prepared replies (SPEC §3): quick replies 快捷回复 (shop-wide or personal, inserted with `/`
// and a shortcut, with template variables) and auto-replies 自动回复 (greeting, out-of-hours, queue notice, and
// promotion replies that switch themselves off when their period ends).
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

const replyText = z.string().trim().min(1).max(1000);
const shortcut = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^\s/]+$/, 'no spaces or slashes')
  .describe('Typed after `/` in the reply box, e.g. /hi');

export const quickReplyScopes = ['shop', 'personal'] as const;
export type QuickReplyScope = (typeof quickReplyScopes)[number];

export const quickReplySchema = z
  .object({
    id: idSchema,
    scope: z.enum(quickReplyScopes).describe('shop: everyone in the shop; personal: only its owner'),
    shortcut: z.string(),
    title: z.string(),
    text: z.string().describe('May hold template variables such as {customerName} and {orderNumber}'),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'QuickReply' });
export type QuickReply = z.infer<typeof quickReplySchema>;

export const createQuickReplySchema = z.strictObject({
  scope: z.enum(quickReplyScopes).describe('shop-wide replies need the chat.supervise permission'),
  shortcut,
  title: z.string().trim().min(1).max(40),
  text: replyText,
});
export const updateQuickReplySchema = z
  .strictObject({
    shortcut: shortcut.optional(),
    title: z.string().trim().min(1).max(40).optional(),
    text: replyText.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });

export const autoReplyKinds = ['greeting', 'off_hours', 'queue', 'promotion'] as const;
export type AutoReplyKind = (typeof autoReplyKinds)[number];

export const autoReplySchema = z
  .object({
    id: idSchema,
    kind: z.enum(autoReplyKinds),
    text: z.string().describe('greeting and promotion: sent when a chat starts; queue: may use {position}'),
    enabled: z.boolean(),
    startsAt: instantSchema.nullable().describe('promotion only: from when it is sent'),
    endsAt: instantSchema.nullable().describe('promotion only: it stops being sent at this instant'),
    state: z
      .enum(['active', 'scheduled', 'expired', 'disabled'])
      .describe('expired: a promotion past its end (sent no more; seed 003 counts one left on)'),
    updatedAt: instantSchema,
  })
  .meta({ id: 'AutoReply' });
export type AutoReply = z.infer<typeof autoReplySchema>;

export const createPromotionReplySchema = z
  .strictObject({
    text: replyText,
    startsAt: instantSchema,
    endsAt: instantSchema,
    enabled: z.boolean().default(true),
  })
  .refine((body) => Date.parse(body.endsAt) > Date.parse(body.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });
export const updateAutoReplySchema = z
  .strictObject({
    text: replyText.optional(),
    enabled: z.boolean().optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
