// Quality inspection, the discipline ledger, appeals and daily reports (SPEC §8, §9).
import { z } from 'zod';
import {
  appealListSchema,
  appealSchema,
  dailyReportSchema,
  detectResultSchema,
  drawSamplesResultSchema,
  inspectionListSchema,
  inspectionSchema,
  ledgerEntrySchema,
  ledgerSchema,
  qaSettingsSchema,
  sampleSchema,
  scorecardSchema,
  workspaceSchema,
  type inspectSchema,
  type manualEntrySchema,
  type saveScorecardSchema,
  type updateQaSettingsSchema,
} from '@shared/schemas/quality.js';
import { apiRequest } from './client';

export type InspectBody = z.input<typeof inspectSchema>;
export type ManualEntryBody = z.input<typeof manualEntrySchema>;
export type SaveScorecardBody = z.input<typeof saveScorecardSchema>;

const enc = encodeURIComponent;

export const drawSamples = (week?: string) =>
  apiRequest('/api/qa/samples/draw', {
    method: 'POST',
    body: week ? { week } : {},
    schema: drawSamplesResultSchema,
  });

export const listSamples = (week: string | undefined, status: 'open' | 'done' | 'all') =>
  apiRequest('/api/qa/samples', { query: { week, status }, schema: z.array(sampleSchema) });

export const getWorkspace = (id: string) =>
  apiRequest(`/api/qa/samples/${enc(id)}`, { schema: workspaceSchema });

export const inspectSample = (id: string, body: InspectBody) =>
  apiRequest(`/api/qa/samples/${enc(id)}/inspection`, { method: 'POST', body, schema: inspectionSchema });

export const listInspections = () => apiRequest('/api/qa/inspections', { schema: inspectionListSchema });

export const appealInspection = (id: string, reason: string) =>
  apiRequest(`/api/qa/inspections/${enc(id)}/appeal`, {
    method: 'POST',
    body: { reason },
    schema: appealSchema,
  });

export const listScorecards = () => apiRequest('/api/qa/scorecards', { schema: z.array(scorecardSchema) });

export const saveScorecard = (body: SaveScorecardBody) =>
  apiRequest('/api/qa/scorecards', { method: 'POST', body, schema: scorecardSchema });

export const getQaSettings = () => apiRequest('/api/qa/settings', { schema: qaSettingsSchema });

export const updateQaSettings = (body: z.input<typeof updateQaSettingsSchema>) =>
  apiRequest('/api/qa/settings', { method: 'PATCH', body, schema: qaSettingsSchema });

export const listAppeals = (status: 'pending' | 'upheld' | 'rejected' | 'all') =>
  apiRequest('/api/appeals', { query: { status }, schema: appealListSchema });

export const decideAppeal = (id: string, decision: 'upheld' | 'rejected', note: string) =>
  apiRequest(`/api/appeals/${enc(id)}/decision`, {
    method: 'POST',
    body: { decision, note },
    schema: appealSchema,
  });

export const getLedger = (month: string | undefined, userId?: string) =>
  apiRequest('/api/discipline/ledger', { query: { month, userId }, schema: ledgerSchema });

export const addManualEntry = (body: ManualEntryBody) =>
  apiRequest('/api/discipline/entries', { method: 'POST', body, schema: ledgerEntrySchema });

export const appealEntry = (id: string, reason: string) =>
  apiRequest(`/api/discipline/entries/${enc(id)}/appeal`, {
    method: 'POST',
    body: { reason },
    schema: appealSchema,
  });

export const runDetection = () =>
  apiRequest('/api/discipline/detect', { method: 'POST', body: {}, schema: detectResultSchema });

export const submitDailyReport = (day: string, content: string) =>
  apiRequest('/api/daily-reports', { method: 'POST', body: { day, content }, schema: dailyReportSchema });
