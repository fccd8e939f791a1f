// Shops (tenants): their profile, and provisioning a new shop with its pre-sale group and first admin.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import type { Database, ShopTable } from '../../db/schema.js';
import { auditActorOf, type Actor, type AuditActor } from '../../server/actor.js';
import { notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/locales.js';
import { defaultTimezone, type Shop, type updateShopBodySchema } from '../../shared/schemas/shops.js';
import type { Agent } from '../../shared/schemas/team.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/service.js';
import { createGroup, createStaff } from '../team/service.js';
import { changedFields } from '../team/rules.js';
import type { ServiceHours } from '../routing/service-hours.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

function presentShop(row: ShopTable): Shop {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    locale: row.locale,
    serviceHours: {
      opensAt: row.serviceOpensAt,
      closesAt: row.serviceClosesAt,
      offHoursReplyBy: row.offHoursReplyBy,
    },
    maxQueueLength: row.maxQueueLength,
    idleLimitSeconds: row.idleLimitSeconds,
    widgetKey: row.widgetKey,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

async function loadShop(db: Db, id: string): Promise<ShopTable> {
  const shop = await repo.findShop(db, id);
  if (!shop) throw notFound();
  return shop;
}

export async function getShop(db: Db, actor: Actor): Promise<Shop> {
  return presentShop(await loadShop(db, actor.shopId));
}

export async function getShopSummary(
  db: Db,
  shopId: string,
): Promise<{ id: string; name: string; timezone: string }> {
  const shop = await loadShop(db, shopId);
  return { id: shop.id, name: shop.name, timezone: shop.timezone };
}

export async function updateShop(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateShopBodySchema>,
): Promise<Shop> {
  await withTransaction(db, async (trx) => {
    const before = await loadShop(trx, actor.shopId);
    const { serviceHours, ...rest } = input;
    const patch = {
      ...rest,
      ...(serviceHours
        ? {
            serviceOpensAt: serviceHours.opensAt,
            serviceClosesAt: serviceHours.closesAt,
            offHoursReplyBy: serviceHours.offHoursReplyBy,
          }
        : {}),
    };
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await repo.updateShop(trx, actor.shopId, { ...patch, updatedAt: Date.now() });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'shop.updated',
      entityType: 'shop',
      entityId: actor.shopId,
      changes,
    });
  });
  return presentShop(await loadShop(db, actor.shopId));
}

export interface ProvisionShopInput {
  slug: string;
  name: string;
  timezone?: string;
  locale?: Locale;
  preSaleGroupName?: string;
  admin: { login: string; displayName: string; employeeNo: string; password: string };
}

/**
 * Creates a shop with its pre-sale group (SPEC §1: every agent starts in pre-sale) and its first admin.
 * Returns undefined when a shop with this slug already exists (two processes starting at once).
 */
export async function provisionShop(
  db: Db,
  input: ProvisionShopInput,
): Promise<{ shop: Shop; admin: Agent } | undefined> {
  const now = Date.now();
  const row: ShopTable = {
    id: newId(now),
    slug: input.slug,
    name: input.name,
    timezone: input.timezone ?? defaultTimezone,
    locale: input.locale ?? 'zh-CN',
    serviceOpensAt: '09:00',
    serviceClosesAt: '23:00',
    offHoursReplyBy: '09:30',
    maxQueueLength: 200,
    idleLimitSeconds: 60,
    widgetKey: randomBytes(12).toString('base64url'),
    identitySecret: randomBytes(32).toString('base64url'),
    createdAt: now,
    updatedAt: now,
  };
  const system: AuditActor = { shopId: row.id, userId: null, displayName: null, ip: null };
  try {
    const admin = await withTransaction(db, async (trx) => {
      await repo.insertShop(trx, row);
      await recordAudit(trx, system, {
        action: 'shop.created',
        entityType: 'shop',
        entityId: row.id,
        changes: { name: row.name },
      });
      await createGroup(trx, system, { kind: 'pre_sale', name: input.preSaleGroupName ?? '售前组' });
      return createStaff(trx, system, {
        ...input.admin,
        role: 'admin',
        locale: row.locale,
        maxConcurrentChats: 8,
      });
    });
    return { shop: presentShop(row), admin };
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export async function countAllShops(db: Db): Promise<number> {
  return repo.countShops(db);
}

/** What the chat widget needs to know about the shop its key names; undefined for an unknown key. */
export interface WidgetShop {
  id: string;
  name: string;
  timezone: string;
  identitySecret: string;
}

export async function findShopByWidgetKey(db: Db, widgetKey: string): Promise<WidgetShop | undefined> {
  const shop = await repo.findShopByWidgetKey(db, widgetKey);
  if (!shop?.identitySecret) return undefined;
  return { id: shop.id, name: shop.name, timezone: shop.timezone, identitySecret: shop.identitySecret };
}

/** The widget key the demo shop pages embed: the demo seed's shop (slug `demo`), else the oldest shop. */
export function demoWidgetKey(db: Db): Promise<string | undefined> {
  return repo.demoWidgetKey(db);
}

/** What chat needs of a shop: its name and language, service hours, queue limit and idle limit. */
export interface ChatSettings {
  name: string;
  locale: Locale;
  serviceHours: ServiceHours;
  maxQueueLength: number;
  idleLimitSeconds: number;
}

function serviceHoursOf(shop: ShopTable): ServiceHours {
  return {
    timeZone: shop.timezone,
    opensAt: shop.serviceOpensAt,
    closesAt: shop.serviceClosesAt,
    offHoursReplyBy: shop.offHoursReplyBy,
  };
}

export async function getChatSettings(db: Db, shopId: string): Promise<ChatSettings> {
  const shop = await loadShop(db, shopId);
  return {
    name: shop.name,
    locale: shop.locale,
    serviceHours: serviceHoursOf(shop),
    maxQueueLength: shop.maxQueueLength,
    idleLimitSeconds: shop.idleLimitSeconds,
  };
}

/** What the business calendar takes from the shop: its zone and daily service hours, and when they last changed. */
export async function getShopCalendarSettings(
  db: Db,
  shopId: string,
): Promise<{ serviceHours: ServiceHours; updatedAt: number }> {
  const shop = await loadShop(db, shopId);
  return { serviceHours: serviceHoursOf(shop), updatedAt: shop.updatedAt };
}

/** Ids of every shop (periodic jobs: releasing offline messages, idle detection). */
export function allShopIds(db: Db): Promise<string[]> {
  return repo.allShopIds(db);
}
