// The shop's business calendar: hours, holidays and 调休 make-up days, .ics import.
import type { z } from 'zod';
import { okSchema } from '@shared/schemas/common.js';
import {
  businessCalendarSchema,
  calendarDaySchema,
  icsImportResultSchema,
  type createCalendarDayBodySchema,
  type updateCalendarBodySchema,
  type updateCalendarDayBodySchema,
} from '@shared/schemas/calendar.js';
import { apiRequest } from './client';

export type UpdateCalendarBody = z.input<typeof updateCalendarBodySchema>;
export type CreateCalendarDayBody = z.input<typeof createCalendarDayBodySchema>;
export type UpdateCalendarDayBody = z.input<typeof updateCalendarDayBodySchema>;

export const fetchCalendar = () => apiRequest('/api/calendar', { schema: businessCalendarSchema });

export const updateCalendar = (body: UpdateCalendarBody) =>
  apiRequest('/api/calendar', { method: 'PATCH', body, schema: businessCalendarSchema });

export const createCalendarDay = (body: CreateCalendarDayBody) =>
  apiRequest('/api/calendar/days', { method: 'POST', body, schema: calendarDaySchema });

export const updateCalendarDay = (id: string, body: UpdateCalendarDayBody) =>
  apiRequest(`/api/calendar/days/${id}`, { method: 'PATCH', body, schema: calendarDaySchema });

export const deleteCalendarDay = (id: string) =>
  apiRequest(`/api/calendar/days/${id}`, { method: 'DELETE', schema: okSchema });

export const importCalendarIcs = (content: string) =>
  apiRequest('/api/calendar/import', { method: 'POST', body: { content }, schema: icsImportResultSchema });
