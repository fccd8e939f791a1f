// Work-order rules (SPEC §4): the status flow, what a deadline extension needs, the complaint apology, and which
// clock events a change means. Pure: no I/O, no clock reads.
import type { ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/locales.js';
import type { SatisfactionLevel, WorkOrderStatus } from '../../shared/work-orders.js';

/**
 * analyse → plan a solution → carry it out → resolved → ask the customer → closed when satisfied, reopened when
 * not; waiting on the customer can happen at any working step and returns to where it was. A common question may
 * be answered at once (analysing → resolved).
 */
export const workOrderTransitions: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  analysing: ['solution', 'in_progress', 'waiting_customer', 'resolved'],
  solution: ['in_progress', 'analysing', 'waiting_customer', 'resolved'],
  in_progress: ['resolved', 'solution', 'waiting_customer'],
  waiting_customer: ['analysing', 'solution', 'in_progress'],
  resolved: ['awaiting_verdict', 'in_progress'],
  awaiting_verdict: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['analysing', 'solution', 'in_progress', 'waiting_customer'],
};

export function allowedTransitions(from: WorkOrderStatus): readonly WorkOrderStatus[] {
  return workOrderTransitions[from];
}

export type TransitionCheck = { ok: true } | { ok: false; code: ErrorCode };

/** Whether a work order may go from `from` to `to`; closing and reopening carry the customer's verdict. */
export function checkTransition(
  from: WorkOrderStatus,
  to: WorkOrderStatus,
  satisfaction: SatisfactionLevel | undefined,
): TransitionCheck {
  if (!workOrderTransitions[from].includes(to)) return { ok: false, code: 'illegal_transition' };
  if (to === 'closed' && satisfaction === 'unsatisfied') {
    return { ok: false, code: 'unsatisfied_cannot_close' };
  }
  return { ok: true };
}

/** The verdict recorded with a transition: reopening means unsatisfied, closing defaults to satisfied. */
export function verdictOf(
  to: WorkOrderStatus,
  satisfaction: SatisfactionLevel | undefined,
): SatisfactionLevel | null {
  if (to === 'reopened') return 'unsatisfied';
  if (to === 'closed') return satisfaction ?? 'satisfied';
  return null;
}

/** The clock events a status change means (the SLA module maps them onto each policy's start / stop / pause). */
export interface StatusClockEffect {
  stopEvent: 'workorder.resolved' | 'workorder.closed' | null;
  /** the clocks pause in the new status when their policy says so, and resume when it is left */
  restartResolution: boolean;
}

export function clockEffectOf(from: WorkOrderStatus, to: WorkOrderStatus): StatusClockEffect {
  return {
    stopEvent: to === 'resolved' ? 'workorder.resolved' : to === 'closed' ? 'workorder.closed' : null,
    restartResolution: to === 'reopened' && from !== 'reopened',
  };
}

/** SPEC §4: a deadline moves only with a reason and a new ETA later than now (the customer is told it). */
export function checkExtension(input: {
  reason: string;
  newDueAt: number;
  now: number;
  status: WorkOrderStatus;
}): TransitionCheck {
  if (input.reason.trim().length === 0) return { ok: false, code: 'extension_reason_required' };
  if (input.newDueAt <= input.now) return { ok: false, code: 'extension_not_later' };
  if (['resolved', 'awaiting_verdict', 'closed'].includes(input.status)) {
    return { ok: false, code: 'illegal_transition' };
  }
  return { ok: true };
}

/** GD-000123: what people quote on the phone. */
export function workOrderNumber(number: number): string {
  return `GD-${String(number).padStart(6, '0')}`;
}

/** Complaints get an apology at once (SPEC §4, seed 002 templates); variables are filled by renderTemplate. */
export const complaintApology: Record<Locale, string> = {
  'zh-CN':
    '{customerName}您好，非常抱歉给您带来了不好的体验！您的问题我们已经记录并交由专人处理，处理进展会第一时间告知您。',
  en: 'Dear {customerName}, we are very sorry for the trouble this has caused you. Your complaint has been recorded and handed to our complaint team; we will keep you informed of every step.',
};

/** What the customer is told when the deadline moves: the new ETA (the reason stays in the history). */
export const extensionNotice: Record<Locale, string> = {
  'zh-CN': '您好，您反馈的问题需要更多时间处理，预计将在 {replyBy} 前处理完毕，给您带来不便敬请谅解。',
  en: 'Hello, your request needs a little more time. We expect to finish it by {replyBy}; sorry for the wait.',
};
