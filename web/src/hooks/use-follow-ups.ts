// Follow-up tasks, rules, questionnaires, suggestions and customer profiles, fetched for the pages of SPEC §6.
import type { QueryParams } from '../api/client';
import {
  getCustomerProfile,
  getPublicSurvey,
  listFollowUpRules,
  listFollowUps,
  listQuestionnaires,
  listSuggestions,
  searchCustomers,
} from '../api/follow-ups-api';
import { useApiQuery } from './use-api-query';

export const useFollowUps = (query: QueryParams) =>
  useApiQuery(`follow-ups:${JSON.stringify(query)}`, () => listFollowUps(query));

export const useFollowUpRules = () => useApiQuery('follow-up-rules', listFollowUpRules);

export const useQuestionnaires = () => useApiQuery('questionnaires', listQuestionnaires);

export const useSuggestions = (query: QueryParams) =>
  useApiQuery(`suggestions:${JSON.stringify(query)}`, () => listSuggestions(query));

export const useCustomerSearch = (q: string) =>
  useApiQuery(`customer-search:${q}`, () => (q ? searchCustomers(q) : Promise.resolve([])));

export const useCustomerProfile = (id: string) => useApiQuery(`customer:${id}`, () => getCustomerProfile(id));

export const usePublicSurvey = (token: string) =>
  useApiQuery(`survey:${token}`, () => getPublicSurvey(token));
