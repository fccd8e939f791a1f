// The shop's append-only audit log, read page by page with a cursor.
import type { z } from 'zod';
import { auditPageSchema, type listAuditQuerySchema } from '@shared/schemas/audit.js';
import { apiRequest } from './client';

export type AuditQuery = Omit<z.output<typeof listAuditQuerySchema>, 'limit'> & { limit?: number };

export const listAudit = (query: AuditQuery) => apiRequest('/api/audit', { query, schema: auditPageSchema });
