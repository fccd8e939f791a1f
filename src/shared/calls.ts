// Calls (SPEC §2 phone intake, §5 records): the kinds and statuses shared by server and web. Zod-free.

/** What the PBX/CTI posts to the signed webhook. */
export const callEventTypes = ['ringing', 'answered', 'ended', 'recording_ready'] as const;
export type CallEventType = (typeof callEventTypes)[number];

/** pbx: built from webhook events; manual: logged by an agent with the call form. */
export const callSources = ['pbx', 'manual'] as const;
export type CallSource = (typeof callSources)[number];

export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];

export const callStates = ['ringing', 'answered', 'ended'] as const;
export type CallState = (typeof callStates)[number];

/** SPEC §5 the matter of a contact record: a question 咨询, a need 需求 or a complaint 投诉. */
export const callMatterKinds = ['question', 'need', 'complaint'] as const;
export type CallMatterKind = (typeof callMatterKinds)[number];

/** A supervisor's spot check: the record is fine, or it needs the correction in the comment. */
export const spotCheckResults = ['ok', 'needs_correction'] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];

/** A call-back task for a missed call; cancelled when a late 'answered' event shows it was not missed. */
export const callbackStatuses = ['open', 'done', 'cancelled'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

/** SPEC §2: answer within 3 rings, 15 s by default (5 s a ring). */
export const defaultCallSettings = {
  secondsPerRing: 5,
  maxRings: 3,
  callbackDelayMinutes: 30,
  spotCheckSampleSize: 10,
} as const;
