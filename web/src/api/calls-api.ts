// Calls (SPEC §2, §5): the call log, the manual call form, self-checks, spot checks and call-back tasks.
import type { z } from 'zod';
import {
  callContactSchema,
  callPageSchema,
  callSchema,
  spotCheckSampleSchema,
  type createCallSchema,
  type spotCheckSchema,
} from '@shared/schemas/calls.js';
import { apiRequest, type QueryParams } from './client';

export type CreateCallBody = z.input<typeof createCallSchema>;
export type SpotCheckBody = z.input<typeof spotCheckSchema>;

const callPath = (id: string, action: string) => `/api/calls/${encodeURIComponent(id)}/${action}`;

export const listCalls = (query: QueryParams) => apiRequest('/api/calls', { query, schema: callPageSchema });

export const createCall = (body: CreateCallBody) =>
  apiRequest('/api/calls', { method: 'POST', body, schema: callSchema });

export const selfCheckCall = (id: string) =>
  apiRequest(callPath(id, 'self-check'), { method: 'POST', schema: callSchema });

export const spotCheckCall = (id: string, body: SpotCheckBody) =>
  apiRequest(callPath(id, 'spot-check'), { method: 'POST', body, schema: callSchema });

export const revealCallContact = (id: string) =>
  apiRequest(callPath(id, 'reveal'), { method: 'POST', schema: callContactSchema });

export const spotCheckSample = () =>
  apiRequest('/api/calls/spot-check-sample', { schema: spotCheckSampleSchema });

export const completeCallback = (taskId: string) =>
  apiRequest(`/api/callback-tasks/${encodeURIComponent(taskId)}/done`, {
    method: 'POST',
    schema: callSchema,
  });
