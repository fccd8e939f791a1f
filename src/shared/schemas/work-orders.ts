// API contract of work orders 工单 (SPEC §4): creation from a chat or by hand, hand-over, status flow, replies and
// notes, deadline extension, and the history of each.
import { z } from 'zod';
import {
  assignmentKinds,
  complaintCategories,
  satisfactionLevels,
  workOrderEntryKinds,
  workOrderPriorities,
  workOrderSourceKinds,
  workOrderStatuses,
  workOrderTypes,
} from '../work-orders.js';
import { roles } from '../roles.js';
import { idSchema, instantSchema, shortText } from './common.js';
import { slaClockSchema } from './sla.js';

const longText = (max: number) => z.string().trim().max(max);

export const assignmentTargetSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agent'), agentId: idSchema }),
    z.strictObject({ kind: z.literal('department'), departmentId: idSchema }),
    z.strictObject({ kind: z.literal('complaint_team') }),
  ])
  .describe('An agent, a department (仓储部, 物流部, …) or the complaint team 投诉组');
export type AssignmentTarget = z.infer<typeof assignmentTargetSchema>;

/** The hand-over fields of SPEC §4: key points, the customer's requirement and a deadline. */
export const handOverFieldsSchema = z.strictObject({
  keyPoints: longText(2000).optional(),
  customerRequirement: longText(2000).optional(),
  deadline: instantSchema.optional().describe('The clock of the work order is due at this instant'),
});

export const createWorkOrderSchema = z.strictObject({
  type: z.enum(workOrderTypes),
  priority: z.enum(workOrderPriorities).default('normal'),
  title: shortText(120),
  description: longText(5000).default(''),
  conversationId: idSchema
    .optional()
    .describe('Created from this chat: the customer and the conversation come with it'),
  customerId: idSchema.optional(),
  contactName: longText(64).optional(),
  orderNo: longText(64).optional().describe('The order (or after-sale) number whose clocks it answers for'),
  complaintCategory: z.enum(complaintCategories).optional().describe('Complaints only'),
  assignTo: assignmentTargetSchema.optional().describe('Defaults to the creator'),
  keyPoints: longText(2000).optional(),
  customerRequirement: longText(2000).optional(),
  deadline: instantSchema.optional(),
});
export type CreateWorkOrderBody = z.input<typeof createWorkOrderSchema>;

export const updateWorkOrderSchema = z
  .strictObject({
    title: shortText(120).optional(),
    description: longText(5000).optional(),
    priority: z.enum(workOrderPriorities).optional(),
    complaintCategory: z.enum(complaintCategories).nullable().optional(),
    keyPoints: longText(2000).optional(),
    customerRequirement: longText(2000).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });

export const assignWorkOrderSchema = handOverFieldsSchema.extend({
  target: assignmentTargetSchema,
  note: longText(1000).optional().describe('An internal note for the new holder'),
});
export type AssignWorkOrderBody = z.input<typeof assignWorkOrderSchema>;

export const transitionWorkOrderSchema = z.strictObject({
  status: z.enum(workOrderStatuses),
  note: longText(1000).optional(),
  satisfaction: z
    .enum(satisfactionLevels)
    .optional()
    .describe('The customer verdict: closing needs satisfied or basically_satisfied, reopening unsatisfied'),
});
export type TransitionWorkOrderBody = z.input<typeof transitionWorkOrderSchema>;

export const workOrderReplySchema = z.strictObject({
  text: shortText(2000),
  internal: z.boolean().describe('true: an internal note the customer never sees'),
});

export const extendDeadlineSchema = z.strictObject({
  reason: longText(500).describe('Required: why the deadline moves'),
  newDueAt: instantSchema.describe('The new ETA, told to the customer'),
});
export type ExtendDeadlineBody = z.input<typeof extendDeadlineSchema>;

export const workOrderEntrySchema = z
  .object({
    id: idSchema,
    kind: z.enum(workOrderEntryKinds),
    actorId: idSchema.nullable(),
    actorName: z.string().nullable(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    conversationId: idSchema.nullable().describe('replies: the chat the customer got it in'),
    at: instantSchema,
  })
  .meta({ id: 'WorkOrderEntry' });
export type WorkOrderEntry = z.infer<typeof workOrderEntrySchema>;

export const workOrderSchema = z
  .object({
    id: idSchema,
    number: z.string().describe('GD-000123'),
    type: z.enum(workOrderTypes),
    priority: z.enum(workOrderPriorities),
    status: z.enum(workOrderStatuses),
    title: z.string(),
    description: z.string(),
    customer: z.object({ id: idSchema, displayName: z.string() }).nullable(),
    contactName: z.string().nullable(),
    sourceKind: z.enum(workOrderSourceKinds),
    sourceId: z.string().nullable(),
    conversationId: idSchema.nullable(),
    orderNo: z.string().nullable(),
    complaintCategory: z.enum(complaintCategories).nullable(),
    assignment: z.object({
      kind: z.enum(assignmentKinds).nullable(),
      agentId: idSchema.nullable(),
      agentName: z.string().nullable(),
      departmentId: idSchema.nullable(),
    }),
    keyPoints: z.string(),
    customerRequirement: z.string(),
    deadline: instantSchema.nullable(),
    satisfaction: z.enum(satisfactionLevels).nullable(),
    reopenCount: z.number().int(),
    createdBy: idSchema.nullable(),
    clocks: z.array(slaClockSchema).describe('Running clocks first'),
    dueAt: instantSchema.nullable().describe('The earliest due instant of its running clocks'),
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderDetailSchema = z
  .object({
    workOrder: workOrderSchema,
    history: z.array(workOrderEntrySchema),
    apologyText: z
      .string()
      .nullable()
      .describe('Complaints not yet apologised for: the apology to send at once (SPEC §4)'),
    allowedStatuses: z.array(z.enum(workOrderStatuses)).describe('Where the status may go from here'),
  })
  .meta({ id: 'WorkOrderDetail' });
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const listWorkOrdersQuerySchema = z.strictObject({
  status: z.enum([...workOrderStatuses, 'open']).optional(),
  type: z.enum(workOrderTypes).optional(),
  assignee: z
    .union([z.enum(['me', 'complaint_team', 'unassigned']), idSchema])
    .optional()
    .describe("'me', 'complaint_team', 'unassigned' or an agent id"),
  overdue: z.enum(['true', 'false']).optional(),
  customerId: idSchema.optional(),
  conversationId: idSchema.optional(),
});

export const assigneeChoicesSchema = z
  .object({
    staff: z.array(
      z.object({
        id: idSchema,
        displayName: z.string(),
        role: z.enum(roles),
        departmentId: idSchema.nullable(),
      }),
    ),
    departments: z.array(z.object({ id: idSchema, name: z.string() })),
  })
  .meta({ id: 'AssigneeChoices' });
export type AssigneeChoices = z.infer<typeof assigneeChoicesSchema>;
