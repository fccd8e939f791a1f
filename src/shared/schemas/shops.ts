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

export const shopSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    locale: z.enum(locales),
    createdAt: instantSchema,
  })
  .meta({ id: 'Shop' });
export type Shop = z.infer<typeof shopSchema>;

export const updateShopBodySchema = z
  .strictObject({
    name: shortText(64).optional(),
    timezone: z.string().max(64).refine(isValidTimezone, 'unknown time zone').optional(),
    locale: z.enum(locales).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });
