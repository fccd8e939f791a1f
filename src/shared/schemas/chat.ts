// API and socket contract of live chat: conversations, messages, the widget session and socket payloads.
import { z } from 'zod';
import { conversationStatuses, entrySources, presenceStatuses } from '../chat.js';
import { idSchema, instantSchema } from './common.js';

export const maxMessageLength = 2000;

const clientMessageIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[0-9a-zA-Z_-]+$/, 'letters, digits, _ and - only')
  .describe('Chosen by the client; resending the same id never stores the message twice');
const messageTextSchema = z.string().trim().min(1).max(maxMessageLength);
const refSchema = z.string().trim().min(1).max(64);

export const messageSchema = z
  .object({
    id: idSchema,
    conversationId: idSchema,
    seq: z.number().int().describe('1, 2, 3… within the conversation'),
    authorKind: z.enum(['customer', 'agent', 'system']),
    authorId: idSchema.nullable(),
    clientMessageId: z.string().nullable(),
    kind: z.enum(['text', 'event']),
    text: z.string(),
    internal: z.boolean().describe('Internal note: never sent to the customer'),
    createdAt: instantSchema,
  })
  .meta({ id: 'Message' });
export type ChatMessage = z.infer<typeof messageSchema>;

export const conversationSchema = z
  .object({
    id: idSchema,
    status: z.enum(conversationStatuses),
    source: z.enum(entrySources),
    productId: z.string().nullable(),
    orderId: z.string().nullable(),
    targetGroup: z.enum(['pre_sale', 'after_sale']),
    agentId: idSchema.nullable(),
    routingTier: z.string().nullable(),
    customer: z.object({ id: idSchema, displayName: z.string(), member: z.boolean() }),
    offHours: z.boolean(),
    replyDueAt: instantSchema.nullable(),
    queuedAt: instantSchema.nullable(),
    assignedAt: instantSchema.nullable(),
    firstResponseAt: instantSchema.nullable(),
    closedAt: instantSchema.nullable(),
    lastSeq: z.number().int(),
    version: z.number().int().describe('Grows with every change; clients drop older versions'),
    createdAt: instantSchema,
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversationSchema>;

/** Opens (or resumes) a widget session for an anonymous visitor or a member vouched for by the shop. */
export const widgetSessionBodySchema = z.strictObject({
  shopKey: z.string().trim().min(1).max(64),
  visitorToken: z.string().min(20).max(128).optional(),
  member: z
    .strictObject({
      id: refSchema,
      name: z.string().trim().min(1).max(64).optional(),
      signature: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('hex HMAC-SHA256 of the member id with the shop identity secret'),
    })
    .optional(),
});

export const widgetSessionSchema = z.object({
  visitorToken: z
    .string()
    .describe('Keep it (e.g. localStorage) and send it back to resume the same visitor'),
  customerId: idSchema,
  shop: z.object({ name: z.string(), serviceOpen: z.boolean() }),
  conversation: conversationSchema.nullable(),
  queuePosition: z.number().int().nullable().describe('Place in the queue while waiting (1 = next)'),
});
export type WidgetSession = z.infer<typeof widgetSessionSchema>;

export const visitorSendSchema = z.strictObject({
  clientMessageId: clientMessageIdSchema,
  text: messageTextSchema,
  source: z.enum(entrySources).default('shop_home'),
  productId: refSchema.optional(),
  orderId: refSchema.optional(),
});
export type VisitorSend = z.input<typeof visitorSendSchema>;

export const agentSendSchema = z.strictObject({
  conversationId: idSchema,
  clientMessageId: clientMessageIdSchema,
  text: messageTextSchema,
  internal: z.boolean().default(false),
});
export type AgentSend = z.input<typeof agentSendSchema>;

export const syncSchema = z.strictObject({
  conversationId: idSchema,
  afterSeq: z.number().int().min(0),
});
export type SyncRequest = z.infer<typeof syncSchema>;

export const typingSchema = z.strictObject({ conversationId: idSchema, typing: z.boolean() });
export const readSchema = z.strictObject({ conversationId: idSchema, seq: z.number().int().min(0) });
export const presenceSchema = z.strictObject({ status: z.enum(presenceStatuses) });
