// Prepared replies (SPEC §3): quick replies (shop-wide ones are managed by supervisors, personal ones by their
// owner) and auto-replies (the greeting, out-of-hours and queue replies every shop has, plus promotions).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { AutoReplyTable, Database, QuickReplyTable } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import { auditActorOf, type Actor } from '../../server/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/locales.js';
import type {
  AutoReply,
  AutoReplyKind,
  QuickReply,
  createPromotionReplySchema,
  createQuickReplySchema,
  updateAutoReplySchema,
  updateQuickReplySchema,
} from '../../shared/schemas/replies.js';
import { recordAudit } from '../audit/service.js';
import { getChatSettings } from '../shops/service.js';
import { changedFields } from '../team/rules.js';
import * as repo from './repo.js';
import { activeReplies, autoReplyState, defaultAutoReplies } from './rules.js';
import { isoOrNull } from '../../db/instants.js';

type Db = Kysely<Database>;

const SHOP_OWNER = 'shop';

// ── quick replies ─────────────────────────────────────────────────────────────────────────────────────────

function presentQuickReply(row: QuickReplyTable): QuickReply {
  return {
    id: row.id,
    scope: row.ownerKey === SHOP_OWNER ? 'shop' : 'personal',
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Shop-wide quick replies need chat.supervise to change; a personal one only its owner may see or change. */
async function loadQuickReply(db: Db, actor: Actor, id: string): Promise<QuickReplyTable> {
  const row = await repo.findQuickReply(db, actor.shopId, id);
  if (!row || (row.ownerKey !== SHOP_OWNER && row.ownerKey !== actor.userId)) throw notFound();
  if (row.ownerKey === SHOP_OWNER && !actor.permissions.has('chat.supervise'))
    throw new AppError('forbidden');
  return row;
}

export async function listQuickReplies(db: Db, actor: Actor): Promise<QuickReply[]> {
  const rows = await repo.listQuickReplies(db, actor.shopId, [SHOP_OWNER, actor.userId]);
  return rows.map(presentQuickReply);
}

async function refuseTakenShortcut<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('shortcut_taken');
    throw error;
  }
}

export function createQuickReply(
  db: Db,
  actor: Actor,
  input: z.output<typeof createQuickReplySchema>,
): Promise<QuickReply> {
  if (input.scope === 'shop' && !actor.permissions.has('chat.supervise')) throw new AppError('forbidden');
  const now = Date.now();
  const row: QuickReplyTable = {
    id: newId(now),
    shopId: actor.shopId,
    ownerKey: input.scope === 'shop' ? SHOP_OWNER : actor.userId,
    shortcut: input.shortcut,
    title: input.title,
    text: input.text,
    createdAt: now,
    updatedAt: now,
  };
  return refuseTakenShortcut(() =>
    withTransaction(db, async (trx) => {
      await repo.insertQuickReply(trx, row);
      if (input.scope === 'shop') {
        await recordAudit(trx, auditActorOf(actor), {
          action: 'quick_reply.created',
          entityType: 'quick_reply',
          entityId: row.id,
          changes: { shortcut: row.shortcut, title: row.title, text: row.text },
        });
      }
      return presentQuickReply(row);
    }),
  );
}

export function updateQuickReply(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateQuickReplySchema>,
): Promise<QuickReply> {
  return refuseTakenShortcut(() =>
    withTransaction(db, async (trx) => {
      const before = await loadQuickReply(trx, actor, id);
      const changes = changedFields(before, input);
      if (Object.keys(changes).length === 0) return presentQuickReply(before);
      const patch = { ...input, updatedAt: Date.now() };
      await repo.updateQuickReply(trx, id, patch);
      if (before.ownerKey === SHOP_OWNER) {
        await recordAudit(trx, auditActorOf(actor), {
          action: 'quick_reply.updated',
          entityType: 'quick_reply',
          entityId: id,
          changes,
        });
      }
      return presentQuickReply({ ...before, ...patch });
    }),
  );
}

export function deleteQuickReply(db: Db, actor: Actor, id: string): Promise<void> {
  return withTransaction(db, async (trx) => {
    const before = await loadQuickReply(trx, actor, id);
    await repo.deleteQuickReply(trx, id);
    if (before.ownerKey === SHOP_OWNER) {
      await recordAudit(trx, auditActorOf(actor), {
        action: 'quick_reply.deleted',
        entityType: 'quick_reply',
        entityId: id,
        changes: { shortcut: [before.shortcut, null] },
      });
    }
  });
}

// ── auto-replies ──────────────────────────────────────────────────────────────────────────────────────────

function presentAutoReply(row: AutoReplyTable, now: number): AutoReply {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    enabled: row.enabled === 1,
    startsAt: isoOrNull(row.startsAt),
    endsAt: isoOrNull(row.endsAt),
    state: autoReplyState(
      {
        kind: row.kind,
        text: row.text,
        enabled: row.enabled === 1,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
      },
      now,
    ),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Gives a shop its greeting, out-of-hours and queue replies in its language, once (safe to call again). */
export async function ensureDefaultAutoReplies(db: Db, shopId: string, locale: Locale): Promise<void> {
  const now = Date.now();
  for (const [kind, text] of Object.entries(defaultAutoReplies[locale])) {
    await repo.insertAutoReplyIfAbsent(db, {
      id: newId(now),
      shopId,
      kind: kind as AutoReplyKind,
      slot: kind,
      text,
      enabled: 1,
      startsAt: null,
      endsAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}

export async function listAutoReplies(db: Db, actor: Actor): Promise<AutoReply[]> {
  await ensureDefaultAutoReplies(db, actor.shopId, (await getChatSettings(db, actor.shopId)).locale);
  const now = Date.now();
  return (await repo.listAutoReplies(db, actor.shopId)).map((row) => presentAutoReply(row, now));
}

export function createPromotionReply(
  db: Db,
  actor: Actor,
  input: z.output<typeof createPromotionReplySchema>,
): Promise<AutoReply> {
  const now = Date.now();
  const id = newId(now);
  const row: AutoReplyTable = {
    id,
    shopId: actor.shopId,
    kind: 'promotion',
    slot: id,
    text: input.text,
    enabled: input.enabled ? 1 : 0,
    startsAt: Date.parse(input.startsAt),
    endsAt: Date.parse(input.endsAt),
    createdAt: now,
    updatedAt: now,
  };
  return withTransaction(db, async (trx) => {
    await repo.insertAutoReplyIfAbsent(trx, row);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'auto_reply.created',
      entityType: 'auto_reply',
      entityId: id,
      changes: { kind: 'promotion', text: row.text, startsAt: input.startsAt, endsAt: input.endsAt },
    });
    return presentAutoReply(row, now);
  });
}

const invalidPeriod = () =>
  new AppError('validation_failed', {
    issues: [{ path: ['endsAt'], message: 'endsAt must be after startsAt' }],
  });

export function updateAutoReply(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateAutoReplySchema>,
): Promise<AutoReply> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findAutoReply(trx, actor.shopId, id);
    if (!before) throw notFound();
    const now = Date.now();
    const patch: Partial<AutoReplyTable> = {
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
      ...(input.startsAt !== undefined ? { startsAt: Date.parse(input.startsAt) } : {}),
      ...(input.endsAt !== undefined ? { endsAt: Date.parse(input.endsAt) } : {}),
    };
    if (before.kind !== 'promotion' && (patch.startsAt !== undefined || patch.endsAt !== undefined)) {
      throw new AppError('validation_failed', {
        issues: [{ path: ['startsAt'], message: 'only promotions have a period' }],
      });
    }
    const after = { ...before, ...patch, updatedAt: now };
    if (after.kind === 'promotion' && (after.endsAt ?? 0) <= (after.startsAt ?? 0)) throw invalidPeriod();
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return presentAutoReply(before, now);
    await repo.updateAutoReply(trx, id, { ...patch, updatedAt: now });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'auto_reply.updated',
      entityType: 'auto_reply',
      entityId: id,
      changes,
    });
    return presentAutoReply(after, now);
  });
}

export function deleteAutoReply(db: Db, actor: Actor, id: string): Promise<void> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findAutoReply(trx, actor.shopId, id);
    if (!before) throw notFound();
    if (before.kind !== 'promotion') throw new AppError('auto_reply_required');
    await repo.deleteAutoReply(trx, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'auto_reply.deleted',
      entityType: 'auto_reply',
      entityId: id,
      changes: { text: [before.text, null] },
    });
  });
}

/**
 * The texts to send for these kinds at `now`, in order (unrendered). A shop that never opened its auto-reply
 * settings gets the defaults in its language.
 */
export async function autoReplyTexts(
  db: Db,
  shopId: string,
  locale: Locale,
  kinds: readonly AutoReplyKind[],
  now: number,
): Promise<Array<{ kind: AutoReplyKind; text: string }>> {
  const rows = await repo.listAutoReplies(db, shopId);
  const stored = new Set(rows.map((row) => row.kind));
  const rules = rows.map((row) => ({
    kind: row.kind,
    text: row.text,
    enabled: row.enabled === 1,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
  }));
  const texts: Array<{ kind: AutoReplyKind; text: string }> = [];
  for (const kind of kinds) {
    if (kind !== 'promotion' && !stored.has(kind)) {
      texts.push({ kind, text: defaultAutoReplies[locale][kind] });
      continue;
    }
    for (const rule of activeReplies(rules, kind, now)) texts.push({ kind, text: rule.text });
  }
  return texts;
}

/** Shop-wide quick replies a new shop starts with (the demo seed); shortcuts already taken are skipped. */
export async function seedShopQuickReplies(
  db: Db,
  shopId: string,
  replies: ReadonlyArray<{ shortcut: string; title: string; text: string }>,
): Promise<void> {
  const now = Date.now();
  const taken = new Set((await repo.listQuickReplies(db, shopId, [SHOP_OWNER])).map((row) => row.shortcut));
  for (const reply of replies) {
    if (taken.has(reply.shortcut)) continue;
    await repo.insertQuickReply(db, {
      id: newId(now),
      shopId,
      ownerKey: SHOP_OWNER,
      ...reply,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** A promotion reply without an acting person (the demo seed). */
export async function seedPromotionReply(
  db: Db,
  shopId: string,
  promotion: { text: string; startsAt: number; endsAt: number },
): Promise<void> {
  const now = Date.now();
  const id = newId(now);
  await repo.insertAutoReplyIfAbsent(db, {
    id,
    shopId,
    kind: 'promotion',
    slot: id,
    text: promotion.text,
    enabled: 1,
    startsAt: promotion.startsAt,
    endsAt: promotion.endsAt,
    createdAt: now,
    updatedAt: now,
  });
}

/** Promotions left switched on whose end passed at least `graceMs` before `now` (seed 003: 过期一天还不下架). */
export async function expiredPromotionsLeftOn(db: Db, shopId: string, now: number, graceMs: number) {
  const rows = await repo.enabledPromotions(db, shopId);
  return rows
    .filter((row) => row.endsAt !== null && row.endsAt + graceMs <= now)
    .map((row) => ({ id: row.id, text: row.text, endsAt: row.endsAt ?? 0 }));
}
