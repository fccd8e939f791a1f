// The shop's business calendar with the calls that change it; each change reloads it.
import { useCallback } from 'react';
import {
  createCalendarDay,
  deleteCalendarDay,
  fetchCalendar,
  importCalendarIcs,
  updateCalendar,
  updateCalendarDay,
  type CreateCalendarDayBody,
  type UpdateCalendarBody,
  type UpdateCalendarDayBody,
} from '../api/calendar-api';
import { useApiQuery } from './use-api-query';

export function useCalendar() {
  const query = useApiQuery('calendar', fetchCalendar);
  const { reload } = query;
  const after = useCallback(
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const result = await call(...args);
        reload();
        return result;
      },
    [reload],
  );
  return {
    calendar: query.data,
    loading: query.loading,
    error: query.error,
    reload,
    save: useCallback((body: UpdateCalendarBody) => after(updateCalendar)(body), [after]),
    addDay: useCallback((body: CreateCalendarDayBody) => after(createCalendarDay)(body), [after]),
    editDay: useCallback(
      (id: string, body: UpdateCalendarDayBody) => after(updateCalendarDay)(id, body),
      [after],
    ),
    removeDay: useCallback((id: string) => after(deleteCalendarDay)(id), [after]),
    importIcs: useCallback((content: string) => after(importCalendarIcs)(content), [after]),
  };
}
