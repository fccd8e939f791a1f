// What leaves the server about a customer: contacts always masked (the audited reveal route is the only way to see
// them), tags and VIP level.
import { isoOf } from '../../db/instants.js';
import type { CustomerTable } from '../../db/schema.js';
import type { CustomerSummary } from '../../shared/schemas/customers.js';
import { maskEmail, maskPhone } from './rules.js';

export function parseTags(tags: string): string[] {
  try {
    const parsed: unknown = JSON.parse(tags);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

export function presentCustomer(row: CustomerTable): CustomerSummary {
  return {
    id: row.id,
    displayName: row.displayName,
    contactName: row.contactName,
    memberId: row.memberId,
    phone: row.phone === null ? null : maskPhone(row.phone),
    email: row.email === null ? null : maskEmail(row.email),
    vipLevel: row.vipLevel,
    tags: parseTags(row.tags),
    lastSeenAt: isoOf(row.lastSeenAt),
  };
}
