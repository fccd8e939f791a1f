// API and socket contract of live chat: conversations, messages, the widget session and socket payloads.
import { z } from 'zod';
import {
  contactPhonePattern,
  conversationStatuses,
  entrySources,
  imageContentTypes,
  maxImageBytes,
  maxMessageLength,
  presenceStatuses,
  type ImageContentType,
} from '../chat.js';
import { idSchema, instantSchema } from './common.js';

export { imageContentTypes, maxImageBytes, maxMessageLength, type ImageContentType };

export const attachmentSchema = z
  .object({
    id: z.string().describe('Unguessable key; the image is served at url'),
    contentType: z.enum(imageContentTypes),
    size: z.number().int(),
    url: z.string().describe('Relative URL of the image: GET /api/attachments/{id}'),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

const clientMessageIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[0-9a-zA-Z_-]+$/, 'letters, digits, _ and - only')
  .describe('Chosen by the client; resending the same id never stores the message twice');
const refSchema = z.string().trim().min(1).max(64);

export const messageSchema = z
  .object({
    id: idSchema,
    conversationId: idSchema,
    seq: z.number().int().describe('1, 2, 3… within the conversation'),
    authorKind: z.enum(['customer', 'agent', 'system']),
    authorId: idSchema.nullable(),
    clientMessageId: z.string().nullable(),
    kind: z
      .enum(['text', 'image', 'event', 'auto_reply', 'faq_answer'])
      .describe(
        'event: a system note (transfer, close); auto_reply: greeting, queue, off-hours or promotion; faq_answer: a knowledge-base answer sent while the chat waited (the widget offers "this solved it / talk to a person")',
      ),
    text: z.string().describe('The text; for an image, an optional caption'),
    attachment: attachmentSchema.nullable(),
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
    lastMessageAt: instantSchema.nullable(),
    lastMessagePreview: z.string().nullable().describe('The last visible message, shortened (lists)'),
    customerReadSeq: z.number().int().describe('Highest seq the customer has read (read receipts)'),
    agentReadSeq: z.number().int().describe('Highest seq the assigned agent has read'),
    transferCount: z.number().int(),
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
  estimatedWaitSeconds: z.number().int().nullable().describe('Expected wait at this place in the queue'),
  queueFull: z
    .boolean()
    .describe('The queue is at its limit: a new chat becomes an offline message (show the form)'),
});
export type WidgetSession = z.infer<typeof widgetSessionSchema>;

/** Contact details left with an offline message 留言 (phone masked for staff without the reveal permission). */
export const offlineContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(32).optional(),
  phone: z.string().trim().regex(contactPhonePattern, 'phone number').optional(),
});

export const visitorSendSchema = z
  .strictObject({
    clientMessageId: clientMessageIdSchema,
    text: z.string().trim().max(maxMessageLength).default(''),
    attachmentId: z.string().min(20).max(64).optional().describe('From POST /api/widget/uploads'),
    source: z.enum(entrySources).default('shop_home'),
    productId: refSchema.optional(),
    orderId: refSchema.optional(),
    contact: offlineContactSchema.optional().describe('Sent with an offline message'),
  })
  .refine((body) => body.text.length > 0 || body.attachmentId !== undefined, {
    message: 'text or attachmentId is required',
    path: ['text'],
  });
export type VisitorSend = z.input<typeof visitorSendSchema>;

export const agentSendSchema = z
  .strictObject({
    conversationId: idSchema,
    clientMessageId: clientMessageIdSchema,
    text: z.string().trim().max(maxMessageLength).default(''),
    attachmentId: z.string().min(20).max(64).optional().describe('From POST /api/uploads'),
    internal: z.boolean().default(false),
  })
  .refine((body) => body.text.length > 0 || body.attachmentId !== undefined, {
    message: 'text or attachmentId is required',
    path: ['text'],
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

/** The chat rating the customer gives when a chat ends (SPEC §6): once per conversation. */
export const chatRatingScores = ['good', 'neutral', 'bad'] as const;
export const rateSchema = z.strictObject({
  conversationId: idSchema,
  score: z.enum(chatRatingScores),
  comment: z.string().trim().max(500).optional(),
});
export type RateRequest = z.infer<typeof rateSchema>;
export const chatRatingSchema = z
  .object({
    conversationId: idSchema,
    score: z.enum(chatRatingScores),
    comment: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'ChatRating' });
export type ChatRating = z.infer<typeof chatRatingSchema>;

/** Manual transfer (SPEC §3.4) to an agent or back to a group's queue, with a note for the next agent. */
export const transferBodySchema = z.strictObject({
  to: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agent'), agentId: idSchema }),
    z.strictObject({ kind: z.literal('group'), group: z.enum(['pre_sale', 'after_sale']) }),
  ]),
  note: z.string().trim().max(500).default(''),
});
export type TransferBody = z.input<typeof transferBodySchema>;

/** A supervisor assigns a queued chat, or reassigns one, to an agent (caps still hold). */
export const assignBodySchema = z.strictObject({
  agentId: idSchema,
  note: z.string().trim().max(500).default(''),
});

/** One agent on the live board: presence, load and, when online but idle past the limit, since when. */
export const agentBoardEntrySchema = z
  .object({
    userId: idSchema,
    displayName: z.string(),
    groups: z.array(z.enum(['pre_sale', 'in_sale', 'after_sale'])),
    status: z.enum(presenceStatuses),
    statusSince: instantSchema.nullable(),
    openChats: z.number().int(),
    maxConcurrentChats: z.number().int(),
    idleSince: instantSchema.nullable().describe('Online without activity past the shop limit'),
  })
  .meta({ id: 'AgentBoardEntry' });
export type AgentBoardEntry = z.infer<typeof agentBoardEntrySchema>;

/** Idle while online past the limit (SPEC §1, 60 s by default): a violation candidate for the supervisor. */
export const idleEventSchema = z
  .object({
    id: idSchema,
    userId: idSchema,
    displayName: z.string(),
    idleSince: instantSchema,
    detectedAt: instantSchema,
    endedAt: instantSchema.nullable(),
    limitSeconds: z.number().int(),
  })
  .meta({ id: 'IdleEvent' });
export type IdleEvent = z.infer<typeof idleEventSchema>;

/** The customer panel: who they are, their past conversations (orders arrive with the orders module). */
export const customerPanelSchema = z
  .object({
    id: idSchema,
    displayName: z.string(),
    member: z.boolean(),
    memberId: z.string().nullable(),
    phone: z.string().nullable().describe('Masked (138****5678) without the reveal permission'),
    createdAt: instantSchema,
    lastSeenAt: instantSchema,
    conversations: z.array(conversationSchema).describe('Most recent first, at most 20'),
  })
  .meta({ id: 'CustomerPanel' });
export type CustomerPanel = z.infer<typeof customerPanelSchema>;
