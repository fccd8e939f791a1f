// Who a chat customer is: an anonymous visitor with an unguessable token, or a shop member whose identity the
// shop's backend vouches for with an HMAC, so nobody can pose as another customer.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { CustomerTable, Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import type { Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { maskPhone, phoneVariants } from './rules.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

export interface ChatCustomer {
  id: string;
  shopId: string;
  displayName: string;
  member: boolean;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a shop's backend computes for a logged-in member: hex HMAC-SHA256(identity secret, member id). */
export function memberSignature(identitySecret: string, memberId: string): string {
  return createHmac('sha256', identitySecret).update(memberId).digest('hex');
}

function signatureMatches(identitySecret: string, memberId: string, signature: string): boolean {
  const expected = Buffer.from(memberSignature(identitySecret, memberId), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function present(row: CustomerTable): ChatCustomer {
  return { id: row.id, shopId: row.shopId, displayName: row.displayName, member: row.memberId !== null };
}

/**
 * A customer's chat identity read by another statement's row (the SQLite writer thread reads it in the same
 * transaction as a message): the statement, with the customer's id taken from the row's `idColumn`.
 */
export function chatCustomerRead(db: Db, shopId: string, idColumn: string) {
  const statement = repo.customerById.compile(db, [shopId, null]);
  return {
    statement: {
      sql: statement.sql,
      parameters: statement.parameters,
      fromTake: { parameter: statement.positionOf(1), column: idColumn },
    },
  };
}

/** What such a read's row (mapped like this database's rows) says of the customer. */
export const chatCustomerOf = (row: CustomerTable): ChatCustomer => present(row);

async function issueToken(db: Db, customer: CustomerTable, now: number): Promise<string> {
  // 256 random bits; only the hash is stored.
  const token = randomBytes(32).toString('base64url');
  await repo.insertVisitorToken(db, {
    tokenHash: hashToken(token),
    customerId: customer.id,
    shopId: customer.shopId,
    createdAt: now,
  });
  return token;
}

async function newCustomer(
  db: Db,
  shopId: string,
  memberId: string | null,
  name: string | undefined,
  now: number,
) {
  const id = newId(now);
  const row: CustomerTable = {
    id,
    shopId,
    memberId,
    displayName: name ?? (memberId ? `会员 ${memberId}` : `访客 ${id.slice(-4).toUpperCase()}`),
    contactName: null,
    phone: null,
    email: null,
    vipLevel: 0,
    tags: '[]',
    mergedInto: null,
    createdAt: now,
    lastSeenAt: now,
  };
  await repo.insertCustomer(db, row);
  return row;
}

export interface WidgetIdentityInput {
  shopId: string;
  identitySecret: string;
  visitorToken?: string | undefined;
  member?: { id: string; name?: string | undefined; signature: string } | undefined;
}

/** Resumes the visitor behind a token, or signs in a vouched-for member, or starts a new anonymous visitor. */
export async function identifyWidgetCustomer(
  db: Db,
  input: WidgetIdentityInput,
): Promise<{ customer: ChatCustomer; visitorToken: string }> {
  const now = Date.now();
  if (input.member) {
    const { id: memberId, name, signature } = input.member;
    if (!signatureMatches(input.identitySecret, memberId, signature)) throw new AppError('invalid_identity');
    // The member's own token from an earlier page view is kept, so tokens do not pile up per page view.
    if (input.visitorToken) {
      const known = await resolveVisitor(db, input.visitorToken);
      if (
        known?.shopId === input.shopId &&
        (await repo.findCustomerByMember(db, input.shopId, memberId))?.id === known.id
      ) {
        await repo.touchCustomer(db, known.id, now, name);
        return {
          customer: { ...known, ...(name ? { displayName: name } : {}) },
          visitorToken: input.visitorToken,
        };
      }
    }
    const attempt = () =>
      withTransaction(db, async (trx) => {
        const existing = await repo.findCustomerByMember(trx, input.shopId, memberId);
        if (existing) await repo.touchCustomer(trx, existing.id, now, name);
        const customer = existing ?? (await newCustomer(trx, input.shopId, memberId, name, now));
        return { customer: present(customer), visitorToken: await issueToken(trx, customer, now) };
      });
    try {
      return await attempt();
    } catch (error) {
      // The same member opening two tabs at once: the second finds the first's row.
      if (isUniqueViolation(error)) return attempt();
      throw error;
    }
  }
  if (input.visitorToken) {
    const known = await resolveVisitor(db, input.visitorToken);
    if (known && known.shopId === input.shopId) return { customer: known, visitorToken: input.visitorToken };
  }
  return withTransaction(db, async (trx) => {
    const customer = await newCustomer(trx, input.shopId, null, undefined, now);
    return { customer: present(customer), visitorToken: await issueToken(trx, customer, now) };
  });
}

export async function resolveVisitor(db: Db, visitorToken: string): Promise<ChatCustomer | undefined> {
  const token = await repo.findVisitorToken(db, hashToken(visitorToken));
  if (!token) return undefined;
  const [customer] = await repo.findCustomers(db, token.shopId, [token.customerId]);
  return customer ? present(customer) : undefined;
}

export async function customersById(
  db: Db,
  shopId: string,
  ids: string[],
): Promise<Map<string, ChatCustomer>> {
  const rows = await repo.findCustomers(db, shopId, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, present(row)]));
}

/** Keeps the name and phone a customer left with an offline message (their own contact details). */
export async function recordOfflineContact(
  db: Db,
  customer: ChatCustomer,
  contact: { name?: string | undefined; phone?: string | undefined },
): Promise<void> {
  await repo.updateContact(db, customer.shopId, customer.id, {
    ...(contact.name ? { contactName: contact.name } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
  });
}

/** The customer's identity for staff; the phone is masked (POST /api/customers/:id/reveal shows it, audited). */
export async function customerProfile(db: Db, actor: Actor, customerId: string) {
  const [row] = await repo.findCustomers(db, actor.shopId, [customerId]);
  if (!row) throw notFound();
  return {
    id: row.id,
    displayName: row.contactName ? `${row.displayName}（${row.contactName}）` : row.displayName,
    member: row.memberId !== null,
    memberId: row.memberId,
    // Masked for everyone: the reveal route shows it and records who looked (SPEC §6: each reveal audited).
    phone: row.phone ? maskPhone(row.phone) : null,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
  };
}

/**
 * Links order events and calls to customers: the customer id for each member id and each phone number given
 * (member ids first; a phone written differently still matches, e.g. +86 138 1234 5678 and 13812345678).
 */
export async function customerLinks(
  db: Db,
  shopId: string,
  keys: { memberIds: readonly string[]; phones: readonly string[] },
): Promise<{ byMember: Map<string, string>; byPhone: Map<string, string> }> {
  const variantsOf = new Map(keys.phones.map((phone) => [phone, phoneVariants(phone)]));
  const rows = await repo.findCustomersByMemberOrPhone(
    db,
    shopId,
    [...new Set(keys.memberIds)],
    [...new Set([...variantsOf.values()].flat())],
  );
  const byMember = new Map<string, string>();
  const byStoredPhone = new Map<string, string>();
  for (const row of rows) {
    if (row.memberId !== null && !byMember.has(row.memberId)) byMember.set(row.memberId, row.id);
    const stored = row.phone?.replace(/[ -]/g, '');
    if (stored && !byStoredPhone.has(stored)) byStoredPhone.set(stored, row.id);
  }
  const byPhone = new Map<string, string>();
  for (const [phone, variants] of variantsOf) {
    const id = variants.map((variant) => byStoredPhone.get(variant)).find((found) => found !== undefined);
    if (id) byPhone.set(phone, id);
  }
  return { byMember, byPhone };
}

/** The customer who has this phone number, if any. */
export async function customerIdByPhone(db: Db, shopId: string, phone: string): Promise<string | null> {
  return (await customerLinks(db, shopId, { memberIds: [], phones: [phone] })).byPhone.get(phone) ?? null;
}

/** A customer's VIP level and the ids of every profile merged into it (the follow-up rules and the profile ask). */
export async function customerFacts(
  db: Db,
  shopId: string,
  customerId: string,
): Promise<{ id: string; displayName: string; vipLevel: number } | null> {
  const [row] = await repo.findCustomers(db, shopId, [customerId]);
  return row ? { id: row.id, displayName: row.displayName, vipLevel: row.vipLevel } : null;
}

/** A customer with contacts, VIP level and tags (the demo shop's seed). */
export async function createCustomerWithContacts(
  db: Db,
  shopId: string,
  input: {
    memberId: string;
    displayName: string;
    phone: string;
    email: string;
    vipLevel: number;
    tags: string[];
  },
  now: number,
): Promise<string> {
  const row = await newCustomer(db, shopId, input.memberId, input.displayName, now);
  await repo.updateCustomer(db, shopId, row.id, {
    phone: input.phone,
    email: input.email,
    vipLevel: input.vipLevel,
    tags: JSON.stringify(input.tags),
  });
  return row.id;
}
