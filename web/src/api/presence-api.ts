// Presence: my own status, the agents with their presence and load, and idle-while-online events (SPEC §1).
import { z } from 'zod';
import type { PresenceStatus } from '@shared/chat.js';
import { agentBoardEntrySchema, idleEventSchema, presenceSchema } from '@shared/schemas/chat.js';
import { apiRequest } from './client';

const boardSchema = z.object({ items: z.array(agentBoardEntrySchema) });
const idleEventsSchema = z.object({ items: z.array(idleEventSchema) });

export const setMyPresence = (status: PresenceStatus) =>
  apiRequest('/api/presence', { method: 'PUT', body: { status }, schema: presenceSchema });

export const listAgentBoard = async () =>
  (await apiRequest('/api/presence/agents', { schema: boardSchema })).items;

export const listIdleEvents = async () =>
  (await apiRequest('/api/presence/idle-events', { schema: idleEventsSchema })).items;
