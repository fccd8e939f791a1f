// Shift hand-overs and training records.
import type { z } from 'zod';
import {
  agentQualityListSchema,
  handoverListSchema,
  handoverSchema,
  trainingListSchema,
  trainingSessionSchema,
  type createTrainingSessionSchema,
  type recordAttendanceSchema,
} from '@shared/schemas/quality.js';
import { apiRequest } from './client';

export type CreateTrainingBody = z.input<typeof createTrainingSessionSchema>;
export type AttendanceBody = z.input<typeof recordAttendanceSchema>;

export const listHandovers = () => apiRequest('/api/handovers', { schema: handoverListSchema });

export const createHandover = (note: string, toUserId?: string) =>
  apiRequest('/api/handovers', {
    method: 'POST',
    body: { note, ...(toUserId ? { toUserId } : {}) },
    schema: handoverSchema,
  });

export const acknowledgeHandover = (id: string) =>
  apiRequest(`/api/handovers/${encodeURIComponent(id)}/acknowledge`, {
    method: 'POST',
    schema: handoverSchema,
  });

export const listTraining = () => apiRequest('/api/training/sessions', { schema: trainingListSchema });

export const createTraining = (body: CreateTrainingBody) =>
  apiRequest('/api/training/sessions', { method: 'POST', body, schema: trainingSessionSchema });

export const recordAttendance = (id: string, body: AttendanceBody) =>
  apiRequest(`/api/training/sessions/${encodeURIComponent(id)}/attendance`, {
    method: 'PUT',
    body,
    schema: trainingSessionSchema,
  });

export const listQualityResults = () =>
  apiRequest('/api/quality-results', { schema: agentQualityListSchema });
