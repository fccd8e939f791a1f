// Sign-in, sign-out, the current session and the user's own preferences.
import type { z } from 'zod';
import { sessionSchema, type LoginBody, type updateMyPreferencesBodySchema } from '@shared/schemas/auth.js';
import { okSchema } from '@shared/schemas/common.js';
import { apiRequest } from './client';

export type PreferencesBody = z.input<typeof updateMyPreferencesBodySchema>;

export const fetchSession = () => apiRequest('/api/auth/session', { schema: sessionSchema });

export const login = (body: LoginBody) =>
  apiRequest('/api/auth/login', { method: 'POST', body, schema: sessionSchema });

export const logout = () => apiRequest('/api/auth/logout', { method: 'POST', body: {}, schema: okSchema });

export const updatePreferences = (body: PreferencesBody) =>
  apiRequest('/api/auth/preferences', { method: 'PATCH', body, schema: sessionSchema });
