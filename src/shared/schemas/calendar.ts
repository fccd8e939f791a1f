// API contract of the business calendar (issue 4): weekly hours, holidays and 调休 make-up days, .ics import.
import { z } from 'zod';
import { parseLocalDate } from '../business-time.js';
import { idSchema, instantSchema, shortText } from './common.js';
import { isValidTimezone, serviceHoursSchema } from './shops.js';

export const calendarDayKinds = ['holiday', 'makeup_workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** Where a day came from: the shipped PRC schedule, an admin's hand, or an imported .ics file. */
export const calendarDaySources = ['prc', 'manual', 'ics'] as const;
export type CalendarDaySource = (typeof calendarDaySources)[number];

/** Why an event of an imported .ics file was not taken (each has a web i18n key calendar.icsError.<code>). */
export const icsEventErrorCodes = [
  'missing_dtstart',
  'bad_date',
  'not_all_day',
  'end_before_start',
  'range_too_long',
  'missing_summary',
  'recurrence_unsupported',
  'duplicate_date',
] as const;
export type IcsEventErrorCode = (typeof icsEventErrorCodes)[number];

const startClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const endClock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM or 24:00');

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((value) => {
    try {
      parseLocalDate(value);
      return true;
    } catch {
      return false;
    }
  }, 'not a calendar date');

export const daySpanSchema = z
  .strictObject({
    start: startClock,
    end: endClock.describe('Earlier than or equal to start: the span crosses midnight'),
  })
  .meta({ id: 'DaySpan' });

export const weeklyHoursSchema = z
  .array(z.array(daySpanSchema).max(6))
  .length(7)
  .describe('Spans per weekday, index 0 = Sunday … 6 = Saturday')
  .meta({ id: 'WeeklyHours' });

export const calendarDaySchema = z
  .object({
    id: idSchema,
    date: localDateSchema,
    kind: z.enum(calendarDayKinds),
    name: z.string(),
    source: z.enum(calendarDaySources),
    updatedAt: instantSchema,
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const businessCalendarSchema = z
  .object({
    timeZone: z.string(),
    workingHours: weeklyHoursSchema,
    serviceHours: weeklyHoursSchema.describe(
      'Derived from dailyServiceHours: the same every day, holidays included',
    ),
    dailyServiceHours: serviceHoursSchema,
    days: z.array(calendarDaySchema),
    version: z.number().int(),
  })
  .meta({ id: 'BusinessCalendar' });
export type BusinessCalendarView = z.infer<typeof businessCalendarSchema>;

export const updateCalendarBodySchema = z
  .strictObject({
    timeZone: z.string().max(64).refine(isValidTimezone, 'unknown time zone').optional(),
    workingHours: weeklyHoursSchema.optional(),
    serviceHours: serviceHoursSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });

export const createCalendarDayBodySchema = z.strictObject({
  date: localDateSchema,
  kind: z.enum(calendarDayKinds),
  name: shortText(64),
});

export const updateCalendarDayBodySchema = createCalendarDayBodySchema
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });

export const importIcsBodySchema = z.strictObject({
  content: z.string().min(1).max(200_000).describe('The text of an iCalendar (.ics) file'),
});

export const icsEventErrorSchema = z.object({
  event: z.number().int().describe('1-based position of the VEVENT in the file'),
  line: z.number().int().describe('Line of its BEGIN:VEVENT'),
  uid: z.string().nullable(),
  summary: z.string().nullable(),
  code: z.enum(icsEventErrorCodes),
});
export type IcsEventError = z.infer<typeof icsEventErrorSchema>;

export const icsImportResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(icsEventErrorSchema),
    calendar: businessCalendarSchema,
  })
  .meta({ id: 'IcsImportResult' });
export type IcsImportResult = z.infer<typeof icsImportResultSchema>;
