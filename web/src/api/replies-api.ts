// Prepared replies: quick replies 快捷回复 (shop-wide and personal) and auto-replies 自动回复 (SPEC §3).
import { z } from 'zod';
import { okSchema } from '@shared/schemas/common.js';
import {
  autoReplySchema,
  quickReplySchema,
  type createPromotionReplySchema,
  type createQuickReplySchema,
  type updateAutoReplySchema,
  type updateQuickReplySchema,
} from '@shared/schemas/replies.js';
import { apiRequest } from './client';

export type CreateQuickReplyBody = z.input<typeof createQuickReplySchema>;
export type UpdateQuickReplyBody = z.input<typeof updateQuickReplySchema>;
export type CreatePromotionBody = z.input<typeof createPromotionReplySchema>;
export type UpdateAutoReplyBody = z.input<typeof updateAutoReplySchema>;

const quickReplyListSchema = z.object({ items: z.array(quickReplySchema) });
const autoReplyListSchema = z.object({ items: z.array(autoReplySchema) });

const quickReplyPath = (id: string) => `/api/quick-replies/${encodeURIComponent(id)}`;
const autoReplyPath = (id: string) => `/api/auto-replies/${encodeURIComponent(id)}`;

export const listQuickReplies = async () =>
  (await apiRequest('/api/quick-replies', { schema: quickReplyListSchema })).items;

export const createQuickReply = (body: CreateQuickReplyBody) =>
  apiRequest('/api/quick-replies', { method: 'POST', body, schema: quickReplySchema });

export const updateQuickReply = (id: string, body: UpdateQuickReplyBody) =>
  apiRequest(quickReplyPath(id), { method: 'PATCH', body, schema: quickReplySchema });

export const deleteQuickReply = (id: string) =>
  apiRequest(quickReplyPath(id), { method: 'DELETE', schema: okSchema });

export const listAutoReplies = async () =>
  (await apiRequest('/api/auto-replies', { schema: autoReplyListSchema })).items;

export const createPromotion = (body: CreatePromotionBody) =>
  apiRequest('/api/auto-replies', { method: 'POST', body, schema: autoReplySchema });

export const updateAutoReply = (id: string, body: UpdateAutoReplyBody) =>
  apiRequest(autoReplyPath(id), { method: 'PATCH', body, schema: autoReplySchema });

export const deleteAutoReply = (id: string) =>
  apiRequest(autoReplyPath(id), { method: 'DELETE', schema: okSchema });
