// Follow-up 回访, satisfaction, suggestions and the customer profile 客户档案 (SPEC §6).
import { z } from 'zod';
import { okSchema } from '@shared/schemas/common.js';
import {
  customerContactSchema,
  customerProfileSchema,
  customerSummarySchema,
} from '@shared/schemas/customers.js';
import {
  publicSurveySchema,
  questionnaireSchema,
  sendSurveyResultSchema,
  suggestionSchema,
  surveyLinkSchema,
  type Question,
  type SurveyAnswerBody,
} from '@shared/schemas/feedback.js';
import {
  followUpRuleSchema,
  followUpTaskSchema,
  type CompleteFollowUpBody,
} from '@shared/schemas/follow-ups.js';
import type { FollowUpKind } from '@shared/follow-ups.js';
import { workOrderDetailSchema } from '@shared/schemas/work-orders.js';
import { apiRequest, type QueryParams } from './client';

const enc = encodeURIComponent;

export const listFollowUps = async (query: QueryParams) =>
  (await apiRequest('/api/follow-ups', { query, schema: z.object({ items: z.array(followUpTaskSchema) }) }))
    .items;

export const completeFollowUp = (id: string, body: CompleteFollowUpBody) =>
  apiRequest(`/api/follow-ups/${enc(id)}/complete`, { method: 'POST', body, schema: followUpTaskSchema });

export const listFollowUpRules = async () =>
  (await apiRequest('/api/follow-up-rules', { schema: z.object({ items: z.array(followUpRuleSchema) }) }))
    .items;

export const updateFollowUpRule = (
  kind: FollowUpKind,
  body: {
    enabled?: boolean;
    delayAmount?: number;
    ownerMode?: 'handler' | 'user';
    ownerUserId?: string | null;
  },
) => apiRequest(`/api/follow-up-rules/${kind}`, { method: 'PATCH', body, schema: followUpRuleSchema });

export const listQuestionnaires = async () =>
  (await apiRequest('/api/questionnaires', { schema: z.object({ items: z.array(questionnaireSchema) }) }))
    .items;

export const createQuestionnaire = (body: { title: string; intro: string; questions: Question[] }) =>
  apiRequest('/api/questionnaires', { method: 'POST', body, schema: questionnaireSchema });

export const sendQuestionnaire = (id: string, body: { customerIds: string[]; validDays: number }) =>
  apiRequest(`/api/questionnaires/${enc(id)}/send`, { method: 'POST', body, schema: sendSurveyResultSchema });

export const createVerdictLink = (workOrderId: string) =>
  apiRequest(`/api/work-orders/${enc(workOrderId)}/verdict-link`, {
    method: 'POST',
    body: {},
    schema: surveyLinkSchema,
  });

export const recordVerdict = (workOrderId: string, body: { satisfaction: string; note: string }) =>
  apiRequest(`/api/work-orders/${enc(workOrderId)}/verdict`, {
    method: 'POST',
    body,
    schema: workOrderDetailSchema,
  });

export const listSuggestions = async (query: QueryParams) =>
  (await apiRequest('/api/suggestions', { query, schema: z.object({ items: z.array(suggestionSchema) }) }))
    .items;

export const resolveSuggestion = (
  id: string,
  body: { decision: 'adopted' | 'declined'; resolution: string },
) => apiRequest(`/api/suggestions/${enc(id)}/resolve`, { method: 'POST', body, schema: suggestionSchema });

export const routeSuggestion = (id: string, departmentId: string) =>
  apiRequest(`/api/suggestions/${enc(id)}/route`, {
    method: 'POST',
    body: { departmentId },
    schema: suggestionSchema,
  });

export const searchCustomers = async (q: string) =>
  (
    await apiRequest('/api/customer-search', {
      query: { q },
      schema: z.object({ items: z.array(customerSummarySchema) }),
    })
  ).items;

export const getCustomerProfile = (id: string) =>
  apiRequest(`/api/customers/${enc(id)}/profile`, { schema: customerProfileSchema });

export const revealCustomerContact = (id: string) =>
  apiRequest(`/api/customers/${enc(id)}/reveal`, { method: 'POST', schema: customerContactSchema });

export const updateCustomer = (id: string, body: { vipLevel?: number; tags?: string[] }) =>
  apiRequest(`/api/customers/${enc(id)}`, { method: 'PATCH', body, schema: customerProfileSchema });

export const mergeCustomer = (id: string, sourceId: string) =>
  apiRequest(`/api/customers/${enc(id)}/merge`, {
    method: 'POST',
    body: { sourceId },
    schema: customerProfileSchema,
  });

export const getPublicSurvey = (token: string) =>
  apiRequest(`/api/public/surveys/${enc(token)}`, { schema: publicSurveySchema });

export const answerPublicSurvey = (token: string, body: SurveyAnswerBody) =>
  apiRequest(`/api/public/surveys/${enc(token)}`, { method: 'POST', body, schema: okSchema });

export const closeWorkOrderWithReason = (workOrderId: string, reason: string) =>
  apiRequest(`/api/work-orders/${enc(workOrderId)}/close`, {
    method: 'POST',
    body: { reason },
    schema: workOrderDetailSchema,
  });

export const createSuggestion = (body: {
  customerId: string;
  departmentId: string;
  text: string;
  sourceKind: 'manual';
}) => apiRequest('/api/suggestions', { method: 'POST', body, schema: suggestionSchema });

export const createFollowUp = (body: {
  kind: FollowUpKind;
  customerId: string;
  dueAt: string;
  title?: string;
}) => apiRequest('/api/follow-ups', { method: 'POST', body, schema: followUpTaskSchema });
