// API contract of sign-in, sign-out and the current session.
import { z } from 'zod';
import { locales } from '../locales.js';
import { permissions, roles } from '../roles.js';
import { idSchema } from './common.js';

export const loginBodySchema = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionSchema = z
  .object({
    user: z.object({
      id: idSchema,
      login: z.string(),
      displayName: z.string(),
      employeeNo: z.string(),
      role: z.enum(roles),
      locale: z.enum(locales),
    }),
    shop: z.object({ id: idSchema, name: z.string(), timezone: z.string() }),
    permissions: z.array(z.enum(permissions)),
    csrfToken: z.string().describe('Send back as the x-csrf-token header on POST, PATCH, PUT and DELETE'),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const updateMyPreferencesBodySchema = z.strictObject({ locale: z.enum(locales) });
