// Live chat over REST: conversation lists, one conversation and its history, close, transfer, assign, image upload.
import { z } from 'zod';
import {
  attachmentSchema,
  conversationSchema,
  customerPanelSchema,
  messageSchema,
  type TransferBody,
  type assignBodySchema,
} from '@shared/schemas/chat.js';
import { apiRequest } from './client';

export type ConversationView = 'mine' | 'queue' | 'open' | 'all';
export type AssignBody = z.input<typeof assignBodySchema>;
export type { TransferBody };

const conversationListSchema = z.object({ items: z.array(conversationSchema) });
const messageListSchema = z.object({ items: z.array(messageSchema) });

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const listConversations = async (view: ConversationView) =>
  (await apiRequest('/api/conversations', { query: { view }, schema: conversationListSchema })).items;

export const fetchConversation = (id: string) =>
  apiRequest(conversationPath(id), { schema: conversationSchema });

export const listMessages = async (id: string, afterSeq = 0) =>
  (
    await apiRequest(`${conversationPath(id)}/messages`, {
      query: { afterSeq },
      schema: messageListSchema,
    })
  ).items;

export const closeConversation = (id: string) =>
  apiRequest(`${conversationPath(id)}/close`, { method: 'POST', body: {}, schema: conversationSchema });

export const transferConversation = (id: string, body: TransferBody) =>
  apiRequest(`${conversationPath(id)}/transfer`, { method: 'POST', body, schema: conversationSchema });

export const assignConversation = (id: string, body: AssignBody) =>
  apiRequest(`${conversationPath(id)}/assign`, { method: 'POST', body, schema: conversationSchema });

export const fetchCustomerPanel = (id: string) =>
  apiRequest(`/api/customers/${encodeURIComponent(id)}`, { schema: customerPanelSchema });

/** Sends the image file as raw bytes; the answer's id goes with the chat message that shows it. */
export const uploadImage = (file: Blob) =>
  apiRequest('/api/uploads', { method: 'POST', rawBody: file, schema: attachmentSchema });
