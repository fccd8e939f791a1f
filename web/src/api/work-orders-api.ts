// Work orders 工单 and SLA policies, warnings and breaches (SPEC §4).
import { z } from 'zod';
import {
  slaAlertSchema,
  slaPolicySchema,
  type UpdateSlaPolicy,
  type listSlaAlertsQuerySchema,
} from '@shared/schemas/sla.js';
import {
  assigneeChoicesSchema,
  workOrderDetailSchema,
  workOrderSchema,
  type AssignWorkOrderBody,
  type CreateWorkOrderBody,
  type ExtendDeadlineBody,
  type TransitionWorkOrderBody,
  type listWorkOrdersQuerySchema,
} from '@shared/schemas/work-orders.js';
import { apiRequest } from './client';

export type WorkOrderQuery = z.input<typeof listWorkOrdersQuerySchema>;
export type SlaAlertQuery = z.input<typeof listSlaAlertsQuerySchema>;

const workOrderPath = (id: string) => `/api/work-orders/${encodeURIComponent(id)}`;

export const listWorkOrders = async (query: WorkOrderQuery) =>
  (await apiRequest('/api/work-orders', { query, schema: z.object({ items: z.array(workOrderSchema) }) }))
    .items;

export const getWorkOrder = (id: string) => apiRequest(workOrderPath(id), { schema: workOrderDetailSchema });

export const createWorkOrder = (body: CreateWorkOrderBody) =>
  apiRequest('/api/work-orders', { method: 'POST', body, schema: workOrderDetailSchema });

export const assignWorkOrder = (id: string, body: AssignWorkOrderBody) =>
  apiRequest(`${workOrderPath(id)}/assign`, { method: 'POST', body, schema: workOrderDetailSchema });

export const transitionWorkOrder = (id: string, body: TransitionWorkOrderBody) =>
  apiRequest(`${workOrderPath(id)}/transition`, { method: 'POST', body, schema: workOrderDetailSchema });

export const replyToWorkOrder = (id: string, body: { text: string; internal: boolean }) =>
  apiRequest(`${workOrderPath(id)}/replies`, { method: 'POST', body, schema: workOrderDetailSchema });

export const extendWorkOrder = (id: string, body: ExtendDeadlineBody) =>
  apiRequest(`${workOrderPath(id)}/extend`, { method: 'POST', body, schema: workOrderDetailSchema });

export const fetchAssigneeChoices = () =>
  apiRequest('/api/work-orders/assignees', { schema: assigneeChoicesSchema });

export const listSlaPolicies = async () =>
  (await apiRequest('/api/sla/policies', { schema: z.object({ items: z.array(slaPolicySchema) }) })).items;

export const updateSlaPolicy = (id: string, body: UpdateSlaPolicy) =>
  apiRequest(`/api/sla/policies/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    schema: slaPolicySchema,
  });

export const listSlaAlerts = async (query: SlaAlertQuery) =>
  (await apiRequest('/api/sla/alerts', { query, schema: z.object({ items: z.array(slaAlertSchema) }) }))
    .items;
