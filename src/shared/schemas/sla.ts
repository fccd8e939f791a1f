// API contract of SLA policies, clocks and their warnings and breaches (SPEC §4).
import { z } from 'zod';
import {
  slaAlertKinds,
  slaEvents,
  slaPhases,
  slaStates,
  slaSubjectKinds,
  slaWarnKinds,
  workOrderStatuses,
  workOrderTypes,
} from '../work-orders.js';
import { idSchema, instantSchema, shortText } from './common.js';

const wallClock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .describe("Shop-local wall time 'HH:MM'");

export const slaTargetSchema = z
  .discriminatedUnion('unit', [
    z.strictObject({
      unit: z.enum(['calendar_minutes', 'business_minutes', 'workdays']),
      amount: z.number().int().min(1).max(525_600),
    }),
    z.strictObject({
      unit: z.literal('daily_cutoff'),
      cutoff: wallClock.describe('Before this a consultation counts for the day it arrived'),
      dueBy: wallClock.describe('Later ones are due by this time on the next workday'),
    }),
  ])
  .describe(
    'calendar_minutes: wall time; business_minutes: working time on the shop calendar; workdays: whole workdays; daily_cutoff: seed 003 message cut-off',
  );

export const slaWarningSchema = z.strictObject({
  kind: z.enum(slaWarnKinds),
  value: z.number().int().min(1).max(100_000).describe('percent of the budget (1–99), or minutes before due'),
});

export const slaPolicySchema = z
  .object({
    id: idSchema,
    key: z.string().describe('Stable key of the default it came from, e.g. simple_reply'),
    name: z.string(),
    subject: z.enum(slaSubjectKinds),
    startEvent: z.enum(slaEvents),
    stopEvents: z.array(z.enum(slaEvents)),
    workOrderTypes: z.array(z.enum(workOrderTypes)).describe('work-order policies: the types they apply to'),
    target: slaTargetSchema,
    pauseStatuses: z.array(z.enum(workOrderStatuses)),
    warning: slaWarningSchema,
    enabled: z.boolean(),
    updatedAt: instantSchema,
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const updateSlaPolicySchema = z
  .strictObject({
    name: shortText(80).optional(),
    target: slaTargetSchema.optional(),
    warning: slaWarningSchema.optional(),
    pauseStatuses: z.array(z.enum(workOrderStatuses)).max(8).optional(),
    workOrderTypes: z.array(z.enum(workOrderTypes)).max(8).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
export type UpdateSlaPolicy = z.infer<typeof updateSlaPolicySchema>;

export const slaClockSchema = z
  .object({
    id: idSchema,
    policyId: idSchema,
    policyKey: z.string(),
    policyName: z.string(),
    subjectKind: z.enum(slaSubjectKinds),
    subjectKey: z.string(),
    workOrderId: idSchema.nullable(),
    phase: z.enum(slaPhases),
    state: z.enum(slaStates),
    startedAt: instantSchema,
    dueAt: instantSchema
      .nullable()
      .describe('running clocks: when they are due (count down to it); else null'),
    warnAt: instantSchema.nullable(),
    remainingMs: z.number().describe('at the time of the answer; negative once breached'),
    budgetMs: z.number(),
    stoppedAt: instantSchema.nullable(),
    agentId: idSchema.nullable(),
  })
  .meta({ id: 'SlaClock' });
export type SlaClock = z.infer<typeof slaClockSchema>;

export const slaAlertSchema = z
  .object({
    id: idSchema,
    kind: z.enum(slaAlertKinds),
    policyKey: z.string(),
    subjectKind: z.enum(slaSubjectKinds),
    subjectKey: z.string(),
    workOrderId: idSchema.nullable(),
    agentId: idSchema.nullable().describe('the agent the breach is attributed to'),
    departmentId: idSchema.nullable(),
    dueAt: instantSchema,
    at: instantSchema,
    open: z.boolean().describe('the clock is still not stopped'),
  })
  .meta({ id: 'SlaAlert' });
export type SlaAlert = z.infer<typeof slaAlertSchema>;

export const listSlaAlertsQuerySchema = z.strictObject({
  kind: z.enum(slaAlertKinds).optional(),
  scope: z.enum(['mine', 'shop']).default('mine').describe('shop needs workorder.supervise'),
  agentId: idSchema.optional(),
  open: z.enum(['true', 'false']).optional().describe('true: only alerts whose clock still runs'),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
});
