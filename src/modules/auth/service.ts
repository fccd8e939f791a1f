// Sign-in, sign-out and sessions: a random token in an httpOnly cookie, stored only as its sha256.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { withTransaction } from '../../db/transaction.js';
import type { Actor } from '../../server/actor.js';
import { AppError } from '../../server/errors.js';
import type { Locale } from '../../shared/locales.js';
import type { Session } from '../../shared/schemas/auth.js';
import { recordAudit } from '../audit/service.js';
import { getShopSummary } from '../shops/service.js';
import { findActiveStaff, findCredentials, setOwnLocale } from '../team/service.js';
import { verifyAgainstDummy, verifyPassword } from './password.js';
import { permissionsOf } from './policy.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

/** Sliding sessions are written back at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginResult {
  token: string;
  session: Session;
}

export async function login(
  db: Db,
  input: { login: string; password: string; ip: string | null; ttlMs: number },
): Promise<LoginResult> {
  const credentials = await findCredentials(db, input.login);
  const valid = credentials
    ? await verifyPassword(input.password, credentials.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!credentials || !valid || !credentials.active) throw new AppError('invalid_credentials');

  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const sessionId = hashToken(token);
  const csrfToken = randomBytes(24).toString('base64url');
  await withTransaction(db, async (trx) => {
    await repo.deleteExpiredSessions(trx, now);
    await repo.insertSession(trx, {
      id: sessionId,
      userId: credentials.id,
      shopId: credentials.shopId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + input.ttlMs,
    });
    await recordAudit(
      trx,
      {
        shopId: credentials.shopId,
        userId: credentials.id,
        displayName: credentials.displayName,
        ip: input.ip,
      },
      { action: 'auth.login', entityType: 'session', entityId: null, changes: {} },
    );
  });
  const actor = await resolveSession(db, token, input.ip, input.ttlMs);
  if (!actor) throw new AppError('invalid_credentials');
  return { token, session: await describeSession(db, actor) };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await withTransaction(db, async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await recordAudit(
      trx,
      { shopId: actor.shopId, userId: actor.userId, displayName: actor.displayName, ip: actor.ip },
      { action: 'auth.logout', entityType: 'session', entityId: null, changes: {} },
    );
  });
}

/** The caller behind a session token, or null when it is unknown, expired or its account disabled. */
export async function resolveSession(
  db: Db,
  token: string,
  ip: string | null,
  ttlMs: number,
): Promise<Actor | null> {
  const sessionId = hashToken(token);
  const session = await repo.findSession(db, sessionId);
  const now = Date.now();
  if (!session || session.expiresAt <= now) return null;
  const staff = await findActiveStaff(db, session.userId);
  if (!staff || staff.shopId !== session.shopId) return null;
  if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) await repo.touchSession(db, sessionId, now, now + ttlMs);
  return {
    userId: staff.id,
    shopId: staff.shopId,
    displayName: staff.displayName,
    role: staff.role,
    permissions: permissionsOf(staff.role),
    locale: staff.locale,
    sessionId,
    csrfToken: session.csrfToken,
    ip,
  };
}

export async function describeSession(db: Db, actor: Actor): Promise<Session> {
  const staff = await findActiveStaff(db, actor.userId);
  if (!staff) throw new AppError('unauthenticated');
  return {
    user: {
      id: staff.id,
      login: staff.login,
      displayName: staff.displayName,
      employeeNo: staff.employeeNo,
      role: staff.role,
      locale: staff.locale,
    },
    shop: await getShopSummary(db, actor.shopId),
    permissions: [...actor.permissions],
    csrfToken: actor.csrfToken,
  };
}

export async function setPreferredLocale(db: Db, actor: Actor, locale: Locale): Promise<Session> {
  await setOwnLocale(db, actor, locale);
  return describeSession(db, { ...actor, locale });
}
