// What leaves the server about a call: numbers and e-mails masked (the reveal route is the only way to see them),
// ring figures, the agent's name and the call-back task.
import type { CallbackTaskTable, CallTable } from '../../db/schema.js';
import { isoOf, isoOrNull } from '../../db/instants.js';
import type { Call } from '../../shared/schemas/calls.js';
import { maskEmail, maskPhone } from '../customers/rules.js';
import { answeredInTime } from './rules.js';

export interface CallPresentation {
  agentNames: ReadonlyMap<string, string>;
  callbacks: ReadonlyMap<string, CallbackTaskTable>;
  maxRings: number;
}

const masked = (value: string | null, mask: (value: string) => string) =>
  value === null ? null : mask(value);

export function presentCall(row: CallTable, context: CallPresentation): Call {
  const task = context.callbacks.get(row.id);
  return {
    id: row.id,
    source: row.source,
    direction: row.direction,
    state: row.state,
    fromNumber: masked(row.fromNumber, maskPhone),
    toNumber: masked(row.toNumber, maskPhone),
    agent: row.agentId ? { id: row.agentId, displayName: context.agentNames.get(row.agentId) ?? '' } : null,
    agentExtension: row.agentExtension,
    customerId: row.customerId,
    startedAt: isoOf(row.startedAt),
    ringingAt: isoOrNull(row.ringingAt),
    answeredAt: isoOrNull(row.answeredAt),
    endedAt: isoOrNull(row.endedAt),
    ringSeconds: row.ringMs === null ? null : Math.round(row.ringMs / 100) / 10,
    ringsBeforeAnswer: row.ringsBeforeAnswer,
    answeredInTime: answeredInTime(row.ringsBeforeAnswer, context.maxRings),
    missed: row.missed === 1,
    recordingUrl: row.recordingUrl,
    customerName: row.customerName,
    contactPhone: masked(row.contactPhone, maskPhone),
    contactEmail: masked(row.contactEmail, maskEmail),
    matterKind: row.matterKind,
    matter: row.matter,
    handling: row.handling,
    customerReaction: row.customerReaction,
    recorded: row.recordingUrl !== null || row.recordingTold !== null,
    recordingTold: row.recordingTold === null ? null : row.recordingTold === 1,
    selfCheckedAt: isoOrNull(row.selfCheckedAt),
    spotCheck:
      row.spotCheckResult && row.spotCheckedBy && row.spotCheckedAt !== null
        ? {
            result: row.spotCheckResult,
            comment: row.spotCheckComment ?? '',
            byUserId: row.spotCheckedBy,
            at: isoOf(row.spotCheckedAt),
          }
        : null,
    callback: task
      ? {
          id: task.id,
          status: task.status,
          dueAt: isoOf(task.dueAt),
          ownerAgentId: task.ownerAgentId,
          doneAt: isoOrNull(task.doneAt),
        }
      : null,
    version: row.version,
  };
}
