// Who may do what in quality inspection: qa.inspect works the queue and sees every inspection; qa.manage edits
// scorecards and settings; an agent sees only their own inspections (anyone else's is answered 404) and appeals them.
import type { Actor } from '../../server/actor.js';
import type { Permission } from '../../shared/roles.js';

export const qaPolicy = {
  inspect: 'qa.inspect',
  manage: 'qa.manage',
  decide: 'discipline.manage',
} as const satisfies Record<string, Permission>;

/** Inspectors and supervisors see every inspection; everyone else only their own. */
export function canSeeInspectionOf(actor: Actor, agentId: string): boolean {
  return (
    agentId === actor.userId ||
    actor.permissions.has(qaPolicy.inspect) ||
    actor.permissions.has(qaPolicy.decide)
  );
}
