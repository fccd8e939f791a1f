// Who is calling: the signed-in staff member, taken from the session and never from the request body.
import type { Locale } from '../shared/locales.js';
import type { Permission, Role } from '../shared/roles.js';

export interface Actor {
  userId: string;
  shopId: string;
  displayName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
  ip: string | null;
}

/** What the audit log needs to know about whoever made a change. */
export interface AuditActor {
  shopId: string;
  userId: string | null;
  displayName: string | null;
  ip: string | null;
}

export function auditActorOf(actor: Actor): AuditActor {
  return { shopId: actor.shopId, userId: actor.userId, displayName: actor.displayName, ip: actor.ip };
}
