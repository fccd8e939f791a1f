// Who may do what with call records: everyone logs and self-checks their own, calls.supervise sees all and
// spot-checks, customer.reveal_contact sees numbers (audited), shop.manage changes settings.
import type { CallTable } from '../../db/schema.js';
import type { Actor } from '../../server/actor.js';
import type { Permission } from '../../shared/roles.js';

export const callPolicy = {
  supervise: 'calls.supervise',
  reveal: 'customer.reveal_contact',
  manage: 'shop.manage',
} as const satisfies Record<string, Permission>;

/** Agents see their own calls and the calls no agent took (missed calls to the shop's queue). */
export function canSeeCall(actor: Actor, call: Pick<CallTable, 'agentId'>): boolean {
  return (
    actor.permissions.has(callPolicy.supervise) || call.agentId === null || call.agentId === actor.userId
  );
}

/** The record's agent fills it in and self-checks it; a supervisor may correct it too. */
export function canEditRecord(actor: Actor, call: Pick<CallTable, 'agentId'>): boolean {
  return call.agentId === actor.userId || actor.permissions.has(callPolicy.supervise);
}
