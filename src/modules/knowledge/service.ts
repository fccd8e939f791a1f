// The knowledge base 知识库 (SPEC §10, seed 002 §3): FAQ entries and articles with phrasings, validity dates and a
// review cycle, and unified reply templates that are used (published as shop quick replies) only once approved.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { isoOrNull } from '../../db/instants.js';
import type { Database, KnowledgeEntryTable, ReplyTemplateTable } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type { KnowledgeKind, TemplateStatus } from '../../shared/assist.js';
import type {
  KnowledgeEntry,
  ReplyTemplate,
  createKnowledgeEntrySchema,
  createReplyTemplateSchema,
  listKnowledgeQuerySchema,
  reviewReplyTemplateSchema,
  updateKnowledgeEntrySchema,
} from '../../shared/schemas/knowledge.js';
import { Bm25Index } from '../assist/retrieval.js';
import { recordAudit } from '../audit/service.js';
import { createQuickReply } from '../replies/service.js';
import { staffNames } from '../team/service.js';
import * as repo from './repo.js';
import { cleanPhrasings, isActive, isReviewOverdue, parsePhrasings } from './rules.js';

type Db = Kysely<Database>;

function requireManager(actor: Actor): void {
  if (!actor.permissions.has('knowledge.manage')) throw new AppError('forbidden');
}

const msOrNull = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

function presentEntry(row: KnowledgeEntryTable, names: Map<string, string>, now: number): KnowledgeEntry {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    body: row.body,
    phrasings: parsePhrasings(row.phrasings),
    validFrom: isoOrNull(row.validFrom),
    validUntil: isoOrNull(row.validUntil),
    active: isActive(row, now),
    ownerId: row.ownerId,
    ownerName: row.ownerId ? (names.get(row.ownerId) ?? null) : null,
    nextReviewAt: isoOrNull(row.nextReviewAt),
    reviewOverdue: isReviewOverdue(row, now),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function presentEntries(db: Db, shopId: string, rows: KnowledgeEntryTable[], now: number) {
  const names = await staffNames(
    db,
    shopId,
    rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])),
  );
  return rows.map((row) => presentEntry(row, names, now));
}

function checkDates(row: Pick<KnowledgeEntryTable, 'validFrom' | 'validUntil'>): void {
  if (row.validFrom !== null && row.validUntil !== null && row.validUntil <= row.validFrom) {
    throw new AppError('validation_failed', {
      issues: [{ path: ['validUntil'], message: 'validUntil must be after validFrom' }],
    });
  }
}

async function checkOwner(db: Db, shopId: string, ownerId: string | null): Promise<void> {
  if (ownerId && !(await staffNames(db, shopId, [ownerId])).has(ownerId)) {
    throw new AppError('validation_failed', {
      issues: [{ path: ['ownerId'], message: 'unknown staff member' }],
    });
  }
}

export async function listEntries(
  db: Db,
  actor: Actor,
  query: z.output<typeof listKnowledgeQuerySchema>,
  now = Date.now(),
): Promise<KnowledgeEntry[]> {
  let rows = await repo.listEntries(db, actor.shopId);
  if (query.kind) rows = rows.filter((row) => row.kind === query.kind);
  if (query.category) rows = rows.filter((row) => row.category === query.category);
  if (query.reviewOverdue !== undefined) {
    rows = rows.filter((row) => isReviewOverdue(row, now) === query.reviewOverdue);
    // The overdue list: longest overdue first.
    if (query.reviewOverdue) rows.sort((a, b) => (a.nextReviewAt ?? 0) - (b.nextReviewAt ?? 0));
  }
  if (query.q) {
    const index = new Bm25Index(
      rows.map((row) => ({
        id: row.id,
        phrasings: [row.title, ...parsePhrasings(row.phrasings)],
        body: row.body,
      })),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    rows = index.search(query.q, 50).flatMap((hit) => byId.get(hit.id) ?? []);
  }
  return presentEntries(db, actor.shopId, rows, now);
}

export async function createEntry(
  db: Db,
  actor: Actor,
  input: z.output<typeof createKnowledgeEntrySchema>,
): Promise<KnowledgeEntry> {
  requireManager(actor);
  const now = Date.now();
  const row: KnowledgeEntryTable = {
    id: newId(now),
    shopId: actor.shopId,
    kind: input.kind,
    category: input.category,
    title: input.title,
    body: input.body,
    phrasings: JSON.stringify(cleanPhrasings(input.title, input.phrasings)),
    validFrom: msOrNull(input.validFrom),
    validUntil: msOrNull(input.validUntil),
    ownerId: input.ownerId ?? actor.userId,
    nextReviewAt: msOrNull(input.nextReviewAt),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  checkDates(row);
  return withTransaction(db, async (trx) => {
    await checkOwner(trx, actor.shopId, row.ownerId);
    await repo.insertEntry(trx, row);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'knowledge_entry.created',
      entityType: 'knowledge_entry',
      entityId: row.id,
      changes: { title: row.title, kind: row.kind, category: row.category },
    });
    return (await presentEntries(trx, actor.shopId, [row], now))[0] as KnowledgeEntry;
  });
}

export function updateEntry(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateKnowledgeEntrySchema>,
): Promise<KnowledgeEntry> {
  requireManager(actor);
  return withTransaction(db, async (trx) => {
    const before = await repo.findEntry(trx, actor.shopId, id);
    if (!before) throw notFound();
    const now = Date.now();
    const title = input.title ?? before.title;
    const patch: Partial<KnowledgeEntryTable> = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.phrasings !== undefined || input.title !== undefined
        ? {
            phrasings: JSON.stringify(
              cleanPhrasings(title, input.phrasings ?? parsePhrasings(before.phrasings)),
            ),
          }
        : {}),
      ...(input.validFrom !== undefined ? { validFrom: msOrNull(input.validFrom) } : {}),
      ...(input.validUntil !== undefined ? { validUntil: msOrNull(input.validUntil) } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...(input.nextReviewAt !== undefined ? { nextReviewAt: msOrNull(input.nextReviewAt) } : {}),
      version: before.version + 1,
      updatedAt: now,
    };
    const after = { ...before, ...patch };
    checkDates(after);
    if (input.ownerId !== undefined) await checkOwner(trx, actor.shopId, after.ownerId);
    await repo.updateEntry(trx, actor.shopId, id, patch);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'knowledge_entry.updated',
      entityType: 'knowledge_entry',
      entityId: id,
      changes: Object.fromEntries(
        Object.keys(input).map((key) => [
          key,
          [before[key as keyof KnowledgeEntryTable], after[key as keyof KnowledgeEntryTable]],
        ]),
      ),
    });
    return (await presentEntries(trx, actor.shopId, [after], now))[0] as KnowledgeEntry;
  });
}

export function deleteEntry(db: Db, actor: Actor, id: string): Promise<void> {
  requireManager(actor);
  return withTransaction(db, async (trx) => {
    const before = await repo.findEntry(trx, actor.shopId, id);
    if (!before) throw notFound();
    await repo.deleteEntry(trx, actor.shopId, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'knowledge_entry.deleted',
      entityType: 'knowledge_entry',
      entityId: id,
      changes: { title: [before.title, null] },
    });
  });
}

/** What the assist module indexes: the shop's entries valid at `now`. */
export interface UsableEntry {
  id: string;
  kind: KnowledgeKind;
  title: string;
  body: string;
  phrasings: string[];
}

export async function usableEntries(db: Db, shopId: string, now: number): Promise<UsableEntry[]> {
  return (await repo.listEntries(db, shopId))
    .filter((row) => isActive(row, now))
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      phrasings: parsePhrasings(row.phrasings),
    }));
}

/** An entry's answer for an auto-answer (null when gone or out of its validity). */
export async function usableEntry(
  db: Db,
  shopId: string,
  id: string,
  now: number,
): Promise<UsableEntry | null> {
  const row = await repo.findEntry(db, shopId, id);
  if (!row || !isActive(row, now)) return null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    phrasings: parsePhrasings(row.phrasings),
  };
}

/** Changes whenever the shop's knowledge or approved templates change (the assist index is rebuilt then). */
export function knowledgeStamp(db: Db, shopId: string): Promise<string> {
  return repo.contentStamp(db, shopId);
}

// ── reply templates ───────────────────────────────────────────────────────────────────────────────────────

function presentTemplate(row: ReplyTemplateTable): ReplyTemplate {
  return {
    id: row.id,
    category: row.category,
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    status: row.status,
    createdBy: row.createdBy,
    reviewedBy: row.reviewedBy,
    reviewedAt: isoOrNull(row.reviewedAt),
    reviewNote: row.reviewNote,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listTemplates(db: Db, actor: Actor, status?: TemplateStatus): Promise<ReplyTemplate[]> {
  return (await repo.listTemplates(db, actor.shopId, status)).map(presentTemplate);
}

/** Anyone may propose a template; it waits for approval before anyone can use it. */
export function proposeTemplate(
  db: Db,
  actor: Actor,
  input: z.output<typeof createReplyTemplateSchema>,
): Promise<ReplyTemplate> {
  const now = Date.now();
  const row: ReplyTemplateTable = {
    id: newId(now),
    shopId: actor.shopId,
    ...input,
    status: 'pending',
    createdBy: actor.userId,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    quickReplyId: null,
    createdAt: now,
    updatedAt: now,
  };
  return withTransaction(db, async (trx) => {
    await repo.insertTemplate(trx, row);
    return presentTemplate(row);
  });
}

/** Approving publishes the template as a shop-wide quick reply (the replies module) in the same transaction. */
export function reviewTemplate(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof reviewReplyTemplateSchema>,
): Promise<ReplyTemplate> {
  requireManager(actor);
  return withTransaction(db, async (trx) => {
    const before = await repo.findTemplate(trx, actor.shopId, id);
    if (!before) throw notFound();
    const now = Date.now();
    const patch = {
      status: input.decision,
      reviewedBy: actor.userId,
      reviewedAt: now,
      reviewNote: input.note ?? null,
      updatedAt: now,
    };
    if (!(await repo.reviewTemplate(trx, actor.shopId, id, patch)))
      throw new AppError('template_not_pending');
    let quickReplyId: string | null = null;
    if (input.decision === 'approved') {
      const published = await createQuickReply(trx, actor, {
        scope: 'shop',
        shortcut: before.shortcut,
        title: before.title,
        text: before.text,
      });
      quickReplyId = published.id;
      await repo.linkQuickReply(trx, id, quickReplyId);
    }
    await recordAudit(trx, auditActorOf(actor), {
      action: `reply_template.${input.decision}`,
      entityType: 'reply_template',
      entityId: id,
      changes: { status: [before.status, input.decision] },
    });
    return presentTemplate({ ...before, ...patch, quickReplyId });
  });
}

/** Approved templates (the only ones suggestions may offer). */
export async function approvedTemplates(
  db: Db,
  shopId: string,
): Promise<Array<{ id: string; title: string; text: string }>> {
  return (await repo.listTemplates(db, shopId, 'approved')).map((row) => ({
    id: row.id,
    title: row.title,
    text: row.text,
  }));
}

/** Demo seed: entries without an acting person (skipped when the shop already has any). */
export async function seedEntries(
  db: Db,
  shopId: string,
  entries: ReadonlyArray<{
    category: string;
    title: string;
    body: string;
    phrasings: string[];
    nextReviewAt: number | null;
  }>,
  ownerId: string | null,
): Promise<void> {
  if ((await repo.listEntries(db, shopId)).length > 0) return;
  let now = Date.now();
  for (const entry of entries) {
    now += 1;
    await repo.insertEntry(db, {
      id: newId(now),
      shopId,
      kind: 'faq',
      category: entry.category,
      title: entry.title,
      body: entry.body,
      phrasings: JSON.stringify(cleanPhrasings(entry.title, entry.phrasings)),
      validFrom: null,
      validUntil: null,
      ownerId,
      nextReviewAt: entry.nextReviewAt,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
}
