// API contract of the shop (tenant) profile.
import { z } from 'zod';
import { locales } from '../locales.js';
import { idSchema, instantSchema, shortText } from './common.js';

export const defaultTimezone = 'Asia/Shanghai';

export function isValidTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Service hours in the shop's time zone (SPEC §3: 09:00–23:00 every day, off-hours messages by 09:30). */
export const serviceHoursSchema = z.strictObject({
  opensAt: wallTime,
  closesAt: wallTime.describe('Equal to opensAt means open around the clock'),
  offHoursReplyBy: wallTime,
});

export const shopSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    locale: z.enum(locales),
    serviceHours: serviceHoursSchema,
    maxQueueLength: z.number().int().describe('Beyond this many waiting chats, new chats leave a message'),
    idleLimitSeconds: z.number().int().describe('Online without activity this long is flagged (SPEC §1)'),
    widgetKey: z.string().nullable().describe('Public key the chat widget is embedded with'),
    createdAt: instantSchema,
  })
  .meta({ id: 'Shop' });
export type Shop = z.infer<typeof shopSchema>;

export const updateShopBodySchema = z
  .strictObject({
    name: shortText(64).optional(),
    timezone: z.string().max(64).refine(isValidTimezone, 'unknown time zone').optional(),
    locale: z.enum(locales).optional(),
    serviceHours: serviceHoursSchema.optional(),
    maxQueueLength: z.number().int().min(1).max(10_000).optional(),
    idleLimitSeconds: z.number().int().min(15).max(3600).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
