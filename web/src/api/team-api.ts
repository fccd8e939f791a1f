// The shop's team: agents, duty groups and departments (SPEC §1).
import { z } from 'zod';
import { okSchema } from '@shared/schemas/common.js';
import {
  agentSchema,
  departmentSchema,
  groupSchema,
  type CreateAgentBody,
  type UpdateAgentBody,
  type createDepartmentBodySchema,
  type createGroupBodySchema,
  type listAgentsQuerySchema,
  type resetPasswordBodySchema,
  type updateDepartmentBodySchema,
  type updateGroupBodySchema,
} from '@shared/schemas/team.js';
import { apiRequest } from './client';

export type AgentQuery = z.input<typeof listAgentsQuerySchema>;
export type CreateGroupBody = z.input<typeof createGroupBodySchema>;
export type UpdateGroupBody = z.input<typeof updateGroupBodySchema>;
export type CreateDepartmentBody = z.input<typeof createDepartmentBodySchema>;
export type UpdateDepartmentBody = z.input<typeof updateDepartmentBodySchema>;
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;

const agentListSchema = z.object({ items: z.array(agentSchema) });
const groupListSchema = z.object({ items: z.array(groupSchema) });
const departmentListSchema = z.object({ items: z.array(departmentSchema) });

const agentPath = (id: string) => `/api/agents/${encodeURIComponent(id)}`;
const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;
const departmentPath = (id: string) => `/api/departments/${encodeURIComponent(id)}`;

export const listAgents = async (query: AgentQuery) =>
  (await apiRequest('/api/agents', { query, schema: agentListSchema })).items;

export const createAgent = (body: CreateAgentBody) =>
  apiRequest('/api/agents', { method: 'POST', body, schema: agentSchema });

export const updateAgent = (id: string, body: UpdateAgentBody) =>
  apiRequest(agentPath(id), { method: 'PATCH', body, schema: agentSchema });

export const resetAgentPassword = (id: string, body: ResetPasswordBody) =>
  apiRequest(`${agentPath(id)}/password`, { method: 'POST', body, schema: okSchema });

export const listGroups = async () => (await apiRequest('/api/groups', { schema: groupListSchema })).items;

export const createGroup = (body: CreateGroupBody) =>
  apiRequest('/api/groups', { method: 'POST', body, schema: groupSchema });

export const updateGroup = (id: string, body: UpdateGroupBody) =>
  apiRequest(groupPath(id), { method: 'PATCH', body, schema: groupSchema });

export const deleteGroup = (id: string) => apiRequest(groupPath(id), { method: 'DELETE', schema: okSchema });

export const listDepartments = async () =>
  (await apiRequest('/api/departments', { schema: departmentListSchema })).items;

export const createDepartment = (body: CreateDepartmentBody) =>
  apiRequest('/api/departments', { method: 'POST', body, schema: departmentSchema });

export const updateDepartment = (id: string, body: UpdateDepartmentBody) =>
  apiRequest(departmentPath(id), { method: 'PATCH', body, schema: departmentSchema });

export const deleteDepartment = (id: string) =>
  apiRequest(departmentPath(id), { method: 'DELETE', schema: okSchema });
