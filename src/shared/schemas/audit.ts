// API contract of the append-only audit log: who changed what, when, from where.
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** What the audit log records changes of; later modules add theirs here. */
export const auditEntityTypes = [
  'agent',
  'group',
  'department',
  'shop',
  'session',
  'quick_reply',
  'auto_reply',
  'conversation',
  'sla_policy',
  'calendar',
  'calendar_day',
  'call',
  'callback_task',
  'customer',
  'follow_up_rule',
  'follow_up_task',
  'questionnaire',
  'suggestion',
  'scorecard',
  'qa_settings',
  'inspection',
  'appeal',
  'discipline_rule',
  'discipline_entry',
  'daily_report',
  'handover',
  'training_session',
  'knowledge_entry',
  'reply_template',
  'metrics_export',
  'score_settings',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditEntrySchema = z
  .object({
    id: idSchema,
    actor: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    action: z.string().describe('e.g. agent.created, group.updated, auth.login'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()).describe('Field → [before, after], or the created values'),
    ip: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: idSchema.optional(),
  before: idSchema.optional().describe('Cursor: the id of the last entry of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: idSchema.nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
