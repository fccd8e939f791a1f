// The knowledge base 知识库 and smart service: entries, reply templates, suggestions and classifications.
import { z } from 'zod';
import { okSchema } from '@shared/schemas/common.js';
import {
  classificationSchema,
  knowledgeEntrySchema,
  replyTemplateSchema,
  suggestionSchema,
  type correctClassificationSchema,
  type createKnowledgeEntrySchema,
  type createReplyTemplateSchema,
  type reviewReplyTemplateSchema,
  type updateKnowledgeEntrySchema,
} from '@shared/schemas/knowledge.js';
import type { TemplateStatus } from '@shared/assist.js';
import { apiRequest } from './client';

export type CreateEntryBody = z.input<typeof createKnowledgeEntrySchema>;
export type UpdateEntryBody = z.input<typeof updateKnowledgeEntrySchema>;
export type CreateTemplateBody = z.input<typeof createReplyTemplateSchema>;
export type ReviewTemplateBody = z.input<typeof reviewReplyTemplateSchema>;
export type CorrectClassificationBody = z.input<typeof correctClassificationSchema>;

const entryPath = (id: string) => `/api/knowledge/entries/${encodeURIComponent(id)}`;
const conversationPath = (id: string) => `/api/assist/conversations/${encodeURIComponent(id)}`;

export const listEntries = async (query: { q?: string; reviewOverdue?: boolean }) =>
  (
    await apiRequest('/api/knowledge/entries', {
      query: {
        q: query.q || undefined,
        reviewOverdue: query.reviewOverdue ? 'true' : undefined,
      },
      schema: z.object({ items: z.array(knowledgeEntrySchema) }),
    })
  ).items;

export const createEntry = (body: CreateEntryBody) =>
  apiRequest('/api/knowledge/entries', { method: 'POST', body, schema: knowledgeEntrySchema });

export const updateEntry = (id: string, body: UpdateEntryBody) =>
  apiRequest(entryPath(id), { method: 'PATCH', body, schema: knowledgeEntrySchema });

export const deleteEntry = (id: string) => apiRequest(entryPath(id), { method: 'DELETE', schema: okSchema });

export const listTemplates = async (status?: TemplateStatus) =>
  (
    await apiRequest('/api/knowledge/templates', {
      query: { status },
      schema: z.object({ items: z.array(replyTemplateSchema) }),
    })
  ).items;

export const proposeTemplate = (body: CreateTemplateBody) =>
  apiRequest('/api/knowledge/templates', { method: 'POST', body, schema: replyTemplateSchema });

export const reviewTemplate = (id: string, body: ReviewTemplateBody) =>
  apiRequest(`/api/knowledge/templates/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body,
    schema: replyTemplateSchema,
  });

export const listSuggestions = async (conversationId: string) =>
  (
    await apiRequest(`${conversationPath(conversationId)}/suggestions`, {
      schema: z.object({ items: z.array(suggestionSchema) }),
    })
  ).items;

export const getClassification = async (conversationId: string) =>
  (
    await apiRequest(`${conversationPath(conversationId)}/classification`, {
      schema: z.object({ classification: classificationSchema.nullable() }),
    })
  ).classification;

export const correctClassification = (conversationId: string, body: CorrectClassificationBody) =>
  apiRequest(`${conversationPath(conversationId)}/classification`, {
    method: 'PUT',
    body,
    schema: classificationSchema,
  });
