// Order events: the CSV import with its progress and per-row error report, and the webhook signing secrets.
import { z } from 'zod';
import { orderImportDetailSchema, orderImportSchema } from '@shared/schemas/orders.js';
import { rotatedWebhookSecretSchema, webhookSecretsSchema } from '@shared/schemas/webhooks.js';
import { apiRequest } from './client';

export const startOrderImport = (file: File) =>
  apiRequest('/api/order-imports', {
    method: 'POST',
    // Browsers label CSV files differently (text/csv, application/vnd.ms-excel, none): the bytes are what count.
    rawBody: new Blob([file], { type: 'text/csv' }),
    headers: { 'x-file-name': encodeURIComponent(file.name) },
    schema: orderImportSchema,
  });

export const getOrderImport = (id: string) =>
  apiRequest(`/api/order-imports/${encodeURIComponent(id)}`, { schema: orderImportDetailSchema });

export const listOrderImports = async () =>
  (await apiRequest('/api/order-imports', { schema: z.object({ items: z.array(orderImportSchema) }) })).items;

export const orderImportErrorsUrl = (id: string) => `/api/order-imports/${encodeURIComponent(id)}/errors.csv`;

export const getWebhookSecrets = () => apiRequest('/api/webhook-secrets', { schema: webhookSecretsSchema });

export const rotateWebhookSecret = () =>
  apiRequest('/api/webhook-secrets/rotate', { method: 'POST', schema: rotatedWebhookSecretSchema });

export const retirePreviousWebhookSecret = () =>
  apiRequest('/api/webhook-secrets/previous', { method: 'DELETE', schema: webhookSecretsSchema });
