// API contract of calls (SPEC §2 phone intake, §5 records): PBX webhook events, call records with ring time and
// masked numbers, the manual call form, self-checks, weekly spot checks, call-back tasks and call settings.
import { z } from 'zod';
import {
  callbackStatuses,
  callDirections,
  callEventTypes,
  callMatterKinds,
  callSources,
  callStates,
  spotCheckResults,
} from '../calls.js';
import { idSchema, instantSchema, shortText } from './common.js';

const phoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^\+?[0-9][0-9 -]*$/, 'digits, spaces, dashes, optional leading +');
const externalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const callWebhookEventSchema = z.strictObject({
  eventId: externalId.describe('Unique per event; a repeated event id is acknowledged and ignored'),
  callId: externalId.describe("The PBX's id of the call all its events share"),
  type: z.enum(callEventTypes),
  occurredAt: instantSchema.describe('When it happened at the PBX'),
  direction: z.enum(callDirections).optional(),
  from: phoneNumber.optional(),
  to: phoneNumber.optional(),
  extension: z
    .string()
    .regex(/^[0-9A-Za-z*#]{1,16}$/)
    .optional()
    .describe('The agent extension that rang or answered'),
  recordingUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional()
    .describe('recording_ready only'),
});
export type CallWebhookEvent = z.infer<typeof callWebhookEventSchema>;

const recordText = (max: number) => z.string().trim().max(max);

/** SPEC §5 the fields of a contact record, shared by the manual form and edits of a PBX call's record. */
const recordFields = {
  customerName: shortText(64),
  contactPhone: phoneNumber.optional(),
  contactEmail: z.email().max(254).optional(),
  matterKind: z.enum(callMatterKinds).describe('question 咨询, need 需求 or complaint 投诉'),
  matter: recordText(2000).min(1).describe('What the customer called about'),
  handling: recordText(4000).min(1).describe('What was said and done'),
  customerReaction: recordText(1000).describe("The customer's reaction"),
  recorded: z.boolean().describe('Whether the call was recorded'),
  recordingTold: z
    .boolean()
    .describe('Whether the customer was told before recording (required if recorded)'),
};

const recordRefinements = <T extends { recorded?: boolean; recordingTold?: boolean }>(schema: z.ZodType<T>) =>
  schema.refine((body) => !body.recorded || body.recordingTold === true, {
    message: 'a call may only be recorded after telling the customer',
    path: ['recordingTold'],
  });

export const createCallSchema = recordRefinements(
  z
    .strictObject({
      ...recordFields,
      direction: z.enum(callDirections),
      calledAt: instantSchema.describe('To the minute; seconds are dropped'),
    })
    .refine((body) => body.contactPhone !== undefined || body.contactEmail !== undefined, {
      message: 'a phone number or an e-mail address is required',
      path: ['contactPhone'],
    }),
);
export type CreateCallInput = z.infer<typeof createCallSchema>;

export const updateCallRecordSchema = recordRefinements(z.strictObject(recordFields));

export const spotCheckSchema = z
  .strictObject({
    result: z.enum(spotCheckResults),
    comment: z.string().trim().max(1000).default('').describe('Required when the record needs a correction'),
  })
  .refine((body) => body.result === 'ok' || body.comment.length > 0, {
    message: 'say what needs correcting',
    path: ['comment'],
  });

export const callbackTaskSchema = z
  .object({
    id: idSchema,
    status: z.enum(callbackStatuses),
    dueAt: instantSchema,
    ownerAgentId: idSchema.nullable().describe("null: the shop's queue"),
    doneAt: instantSchema.nullable(),
  })
  .meta({ id: 'CallbackTask' });

export const callSchema = z
  .object({
    id: idSchema,
    source: z.enum(callSources),
    direction: z.enum(callDirections),
    state: z.enum(callStates),
    fromNumber: z
      .string()
      .nullable()
      .describe('Masked (138****5678); reveal with POST /api/calls/{id}/reveal'),
    toNumber: z.string().nullable().describe('Masked'),
    agent: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    agentExtension: z.string().nullable(),
    customerId: idSchema.nullable(),
    startedAt: instantSchema,
    ringingAt: instantSchema.nullable(),
    answeredAt: instantSchema.nullable(),
    endedAt: instantSchema.nullable(),
    ringSeconds: z.number().nullable(),
    ringsBeforeAnswer: z.number().int().nullable(),
    answeredInTime: z.boolean().nullable().describe('SPEC §2: answered within the allowed rings'),
    missed: z.boolean(),
    recordingUrl: z.string().nullable(),
    customerName: z.string().nullable(),
    contactPhone: z.string().nullable().describe('Masked'),
    contactEmail: z.string().nullable().describe('Masked'),
    matterKind: z.enum(callMatterKinds).nullable(),
    matter: z.string().nullable(),
    handling: z.string().nullable(),
    customerReaction: z.string().nullable(),
    recorded: z.boolean(),
    recordingTold: z.boolean().nullable(),
    selfCheckedAt: instantSchema.nullable(),
    spotCheck: z
      .object({
        result: z.enum(spotCheckResults),
        comment: z.string(),
        byUserId: idSchema,
        at: instantSchema,
      })
      .nullable(),
    callback: callbackTaskSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof callSchema>;

export const callContactSchema = z.object({
  fromNumber: z.string().nullable(),
  toNumber: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
});

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listCallsQuerySchema = z.strictObject({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  source: z.enum(callSources).optional(),
  state: z.enum(callStates).optional(),
  missed: booleanQuery.optional(),
  callback: z.enum(callbackStatuses).optional().describe('Only calls whose call-back task has this status'),
  agentId: idSchema.optional(),
  selfChecked: booleanQuery.optional(),
  before: idSchema.optional().describe('Cursor: the id of the last call of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListCallsQuery = z.input<typeof listCallsQuerySchema>;

export const callPageSchema = z.object({ items: z.array(callSchema), nextCursor: idSchema.nullable() });
export type CallPage = z.infer<typeof callPageSchema>;

export const spotCheckSampleQuerySchema = z.strictObject({
  week: z.iso.date().optional().describe('Any date of the week (shop time zone); default the current week'),
});
export const spotCheckSampleSchema = z.object({
  week: z.string().describe('The Monday of the week, YYYY-MM-DD'),
  size: z.number().int(),
  items: z.array(callSchema),
});
export type SpotCheckSample = z.infer<typeof spotCheckSampleSchema>;

export const callSettingsSchema = z
  .object({
    secondsPerRing: z.number().int(),
    maxRings: z.number().int(),
    callbackDelayMinutes: z.number().int(),
    spotCheckSampleSize: z.number().int(),
    extensions: z.array(z.object({ extension: z.string(), userId: idSchema })),
  })
  .meta({ id: 'CallSettings' });
export type CallSettings = z.infer<typeof callSettingsSchema>;

export const updateCallSettingsSchema = z
  .strictObject({
    secondsPerRing: z.number().int().min(1).max(30).optional(),
    maxRings: z.number().int().min(1).max(30).optional(),
    callbackDelayMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
    spotCheckSampleSize: z.number().int().min(1).max(200).optional(),
    extensions: z
      .array(z.strictObject({ extension: z.string().regex(/^[0-9A-Za-z*#]{1,16}$/), userId: idSchema }))
      .max(500)
      .optional()
      .describe('Replaces the whole extension → agent mapping'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
