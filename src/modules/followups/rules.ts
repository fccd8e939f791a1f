// Follow-up rules (SPEC §6, seed 003 §4): when each kind of follow-up is due on the shop's business calendar, which
// subjects call for one, who gets it, and whether a result form is complete. Pure: no I/O, no clock reads.
import {
  addWorkdays,
  addWorkingTime,
  localDateOf,
  nextWorkday,
  parseLocalDate,
  workingTimeBetween,
  type BusinessCalendar,
} from '../../shared/business-time.js';
import type { FollowUpKind, FollowUpOwnerMode } from '../../shared/follow-ups.js';
import type { SatisfactionLevel } from '../../shared/work-orders.js';
import { addZonedDays, fromZonedParts } from '../../shared/zoned-time.js';

const dayMs = 24 * 60 * 60_000;

export interface RuleSettings {
  kind: FollowUpKind;
  enabled: boolean;
  delayAmount: number;
  ownerMode: FollowUpOwnerMode;
  ownerUserId: string | null;
  minVipLevel: number;
}

/** SPEC §6 defaults: phone within 2 workdays, consultation the next day, questionnaire within 2 weeks. */
export const defaultRules: Readonly<Record<FollowUpKind, RuleSettings>> = {
  phone: {
    kind: 'phone',
    enabled: true,
    delayAmount: 2,
    ownerMode: 'handler',
    ownerUserId: null,
    minVipLevel: 1,
  },
  consultation: {
    kind: 'consultation',
    enabled: true,
    delayAmount: 1,
    ownerMode: 'handler',
    ownerUserId: null,
    minVipLevel: 1,
  },
  questionnaire: {
    kind: 'questionnaire',
    enabled: true,
    delayAmount: 14,
    ownerMode: 'handler',
    ownerUserId: null,
    minVipLevel: 1,
  },
  on_site: {
    kind: 'on_site',
    enabled: true,
    delayAmount: 2,
    ownerMode: 'handler',
    ownerUserId: null,
    minVipLevel: 1,
  },
};

/** The end of working time on the shop-local date `date` (its last span's end). */
function endOfWorkday(calendar: BusinessCalendar, date: string): number {
  const day = parseLocalDate(date);
  const start = fromZonedParts({ ...day, hour: 0 }, calendar.timeZone);
  const next = fromZonedParts({ ...addZonedDays(day, 1), hour: 0 }, calendar.timeZone);
  return addWorkingTime(calendar, start, workingTimeBetween(calendar, start, next));
}

/**
 * When a follow-up is due, counted from the event that called for it (`from`):
 * - phone and on-site: `delayAmount` workdays after the resolution (holidays skipped, 调休 days counted);
 * - consultation: the end of the `delayAmount`-th workday after the chat's day (seed 003: 第二日必须跟踪);
 * - questionnaire: `delayAmount` calendar days ("within 2 weeks").
 */
export function followUpDueAt(
  calendar: BusinessCalendar,
  kind: FollowUpKind,
  from: number,
  delayAmount: number,
): number {
  switch (kind) {
    case 'phone':
    case 'on_site':
      return addWorkdays(calendar, from, delayAmount);
    case 'consultation':
      return delayAmount === 0
        ? endOfWorkday(calendar, localDateOf(calendar, from))
        : endOfWorkday(calendar, nextWorkday(calendar, localDateOf(calendar, from), delayAmount));
    case 'questionnaire':
      return from + delayAmount * dayMs;
  }
}

/** Who gets a rule's task: the handler of the work order or chat, or the named user (the handler when unnamed). */
export function ownerOf(rule: RuleSettings, handlerId: string | null): string | null {
  return rule.ownerMode === 'user' && rule.ownerUserId ? rule.ownerUserId : handlerId;
}

const productUseWords =
  /使用|安装|操作|说明书|组装|调试|怎么用|如何用|product use|how to use|install|set ?up|assembl/i;

/** SPEC §6: an on-site visit when the problem concerns product use (quality complaints, or use words in the text). */
export function concernsProductUse(workOrder: {
  complaintCategory: string | null;
  title: string;
  description: string;
}): boolean {
  return (
    workOrder.complaintCategory === 'product_quality' ||
    productUseWords.test(workOrder.title) ||
    productUseWords.test(workOrder.description)
  );
}

/** Important (VIP from the rule's level) or repeat (contacted us before) customers get the questionnaire. */
export function wantsQuestionnaire(
  rule: RuleSettings,
  customer: { vipLevel: number; earlierContacts: number },
) {
  return customer.vipLevel >= rule.minVipLevel || customer.earlierContacts >= 1;
}

export interface FollowUpResult {
  reached: boolean;
  satisfaction: SatisfactionLevel | null;
  newProblems: string;
  suggestion: string;
}

/** The result form is complete when the customer was reached and gave a satisfaction level, or the attempt is noted. */
export function formComplete(result: FollowUpResult & { note: string }): boolean {
  return result.reached ? result.satisfaction !== null : result.note.trim().length > 0;
}

/** Done after its due time, or still undone past it. */
export function isLate(task: { dueAt: number; completedAt: number | null }, now: number): boolean {
  return (task.completedAt ?? now) > task.dueAt;
}
