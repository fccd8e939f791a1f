// API contract of the shop's team: agents (staff accounts), groups and departments (SPEC §1).
import { z } from 'zod';
import { locales } from '../locales.js';
import { roles } from '../roles.js';
import { idSchema, instantSchema, shortText } from './common.js';

/** Duty groups of SPEC §1: pre-sale 售前, in-sale 售中, after-sale 售后. */
export const groupKinds = ['pre_sale', 'in_sale', 'after_sale'] as const;
export type GroupKind = (typeof groupKinds)[number];

export const agentStatuses = ['active', 'disabled'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const defaultMaxConcurrentChats = 8;
export const maxConcurrentChatsLimit = 50;

const loginSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._@-]*$/, 'letters, digits and . _ @ - only');
const passwordSchema = z.string().min(8).max(128);
const employeeNoSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only');
const capSchema = z.number().int().min(1).max(maxConcurrentChatsLimit);

export const agentSchema = z
  .object({
    id: idSchema,
    login: z.string(),
    displayName: z.string(),
    employeeNo: z.string().describe('Personal agent ID 工号, unique in the shop'),
    role: z.enum(roles),
    status: z.enum(agentStatuses),
    locale: z.enum(locales),
    maxConcurrentChats: z.number().int().describe('Concurrent-chat cap (SPEC §3, default 8)'),
    departmentId: idSchema.nullable(),
    groupIds: z.array(idSchema),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof agentSchema>;

export const listAgentsQuerySchema = z.strictObject({
  groupId: idSchema.optional(),
  departmentId: idSchema.optional(),
  role: z.enum(roles).optional(),
  status: z.enum(agentStatuses).optional(),
  q: z.string().trim().max(64).optional().describe('Matches name, login or employee number'),
});

export const createAgentBodySchema = z.strictObject({
  login: loginSchema,
  displayName: shortText(64),
  employeeNo: employeeNoSchema,
  password: passwordSchema,
  role: z.enum(roles).default('agent'),
  groupIds: z.array(idSchema).max(10).optional().describe('Defaults to the pre-sale group'),
  departmentId: idSchema.nullable().optional(),
  maxConcurrentChats: capSchema.default(defaultMaxConcurrentChats),
  locale: z.enum(locales).default('zh-CN'),
});
export type CreateAgentBody = z.input<typeof createAgentBodySchema>;

export const updateAgentBodySchema = z
  .strictObject({
    displayName: shortText(64).optional(),
    employeeNo: employeeNoSchema.optional(),
    role: z.enum(roles).optional(),
    status: z.enum(agentStatuses).optional(),
    groupIds: z.array(idSchema).max(10).optional(),
    departmentId: idSchema.nullable().optional(),
    maxConcurrentChats: capSchema.optional(),
    locale: z.enum(locales).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
export type UpdateAgentBody = z.input<typeof updateAgentBodySchema>;

export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });

export const groupSchema = z
  .object({
    id: idSchema,
    kind: z.enum(groupKinds),
    name: z.string(),
    memberCount: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof groupSchema>;

export const createGroupBodySchema = z.strictObject({ kind: z.enum(groupKinds), name: shortText(32) });
export const updateGroupBodySchema = z.strictObject({ name: shortText(32) });

export const departmentSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string(),
    memberCount: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentBodySchema = z.strictObject({
  name: shortText(32),
  description: z.string().trim().max(500).default(''),
});
export const updateDepartmentBodySchema = z
  .strictObject({ name: shortText(32).optional(), description: z.string().trim().max(500).optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
