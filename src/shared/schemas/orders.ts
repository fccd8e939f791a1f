// API contract of order events (issue 4): the signed order webhook and the CSV import job with its progress and
// per-row error report.
import { z } from 'zod';
import { amountRequiredKinds, commerceEventKinds, orderPhonePattern } from '../commerce.js';
import { orderImportStatuses } from '../order-import.js';
import { idSchema, instantSchema } from './common.js';

const platformNo = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const orderWebhookEventSchema = z
  .strictObject({
    eventId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x21-\x7e]+$/)
      .describe('Unique per event; a repeated event id is ignored'),
    kind: z.enum(commerceEventKinds),
    orderNo: platformNo.describe('The platform order number, e.g. DD20261122003'),
    subjectNo: platformNo.optional().describe('The after-sale or refund number, for those kinds'),
    memberId: z.string().trim().min(1).max(64).optional().describe("The shop's member id of the buyer"),
    phone: z.string().trim().regex(orderPhonePattern).optional(),
    occurredAt: instantSchema,
    amountFen: z
      .number()
      .int()
      .min(0)
      .max(1e15)
      .optional()
      .describe('Amount in fen (分); required for order_paid and refund_completed'),
  })
  .refine((event) => event.amountFen !== undefined || !amountRequiredKinds.has(event.kind), {
    path: ['amountFen'],
    message: 'payments and refunds need an amount in fen',
  });
export type OrderWebhookEvent = z.infer<typeof orderWebhookEventSchema>;

export const orderWebhookBodySchema = z.strictObject({
  events: z.array(orderWebhookEventSchema).min(1).max(500),
});

export const orderWebhookAckSchema = z.object({
  ok: z.literal(true),
  stored: z.number().int().describe('Events stored now'),
  duplicates: z.number().int().describe('Events whose id had been received before'),
});

export const importRowErrorSchema = z.object({
  row: z.number().int().describe('Row of the file; row 1 is the header'),
  column: z.string().describe('Column name, or * for the whole row'),
  code: z.string(),
  message: z.string().describe("In the caller's language"),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const orderImportSchema = z
  .object({
    id: idSchema,
    fileName: z.string(),
    status: z.enum(orderImportStatuses),
    rowsTotal: z.number().int().describe('Data rows in the file (header and blank lines not counted)'),
    rowsDone: z.number().int(),
    rowsStored: z.number().int(),
    rowsDuplicate: z
      .number()
      .int()
      .describe('Rows whose event was stored before (a second import adds nothing)'),
    rowsFailed: z.number().int(),
    percent: z.number().int().min(0).max(100),
    createdAt: instantSchema,
    finishedAt: instantSchema.nullable(),
  })
  .meta({ id: 'OrderImport' });
export type OrderImport = z.infer<typeof orderImportSchema>;

export const orderImportDetailSchema = orderImportSchema.extend({
  errors: z.array(importRowErrorSchema).describe('The first 500 bad rows; download the CSV for all'),
});
export type OrderImportDetail = z.infer<typeof orderImportDetailSchema>;

export const orderImportHeadersSchema = z.object({
  'content-type': z
    .string()
    .regex(/^(text\/csv|application\/octet-stream)/)
    .describe('text/csv'),
  'x-file-name': z.string().max(600).optional().describe('The file name, URI-encoded (encodeURIComponent)'),
});

/** The uploaded file's name from its header, decoded; a default when absent or not decodable. */
export function fileNameOf(header: string | undefined): string {
  try {
    const name = header ? decodeURIComponent(header).trim().slice(0, 200) : '';
    return name || 'orders.csv';
  } catch {
    return 'orders.csv';
  }
}
