// Building blocks shared by every API schema: ids, instants, pages and the error body.
import { z } from 'zod';

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9a-zA-Z_-]+$/, 'invalid id');
export const idParams = z.strictObject({ id: idSchema });

/** An instant in time, always sent as an ISO-8601 UTC string. */
export const instantSchema = z.iso.datetime();

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
      message: z.string().describe("Human message in the caller's language"),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** Trimmed single-line text with a length limit, for names and titles. */
export function shortText(max: number) {
  return z.string().trim().min(1).max(max);
}
