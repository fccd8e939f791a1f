// What leaves the server of the ledger: entries with the rule's name in the caller's language, points as numbers.
import { isoOf, isoOrNull } from '../../db/instants.js';
import type { AppealTable, DisciplineEntryTable, DisciplineRuleTable } from '../../db/schema.js';
import type { Locale } from '../../shared/locales.js';
import type { DisciplineRuleKey } from '../../shared/quality.js';
import type { Appeal, DisciplineRule, LedgerEntry } from '../../shared/schemas/quality.js';
import { toPoints } from './rules.js';

/** Names of the default rules (seed 003 wording); a shop may rename them. */
export const ruleNames: Record<DisciplineRuleKey, Record<Locale, string>> = {
  qa_inspection: { 'zh-CN': '质检扣分', en: 'Quality inspection deduction' },
  first_reply_late: { 'zh-CN': '首次响应超时', en: 'First reply too late' },
  missed_customer: { 'zh-CN': '漏客（顾客未获回复）', en: 'Missed customer (never answered)' },
  idle_online: { 'zh-CN': '离开超 1 分钟未改状态', en: 'Away over 1 minute without setting away' },
  lunch_absence: { 'zh-CN': '午餐轮岗脱岗', en: 'Absence at the lunch rota' },
  message_cutoff: { 'zh-CN': '留言未在时限前解决', en: 'Message not resolved by its cut-off' },
  promotion_expired: { 'zh-CN': '过期活动自动回复未下架', en: 'Expired promotion auto-reply left on' },
  call_unanswered: { 'zh-CN': '电话未在规定响铃内接听', en: 'Call not answered within the ring limit' },
  bad_rating: { 'zh-CN': '差评', en: 'Bad rating' },
  bad_rating_text: { 'zh-CN': '差评且有文字评价', en: 'Bad rating with written text' },
  wrong_promise: { 'zh-CN': '乱报价格或乱承诺导致投诉', en: 'Wrong price or promise causing a complaint' },
  daily_report_late: { 'zh-CN': '每日数据报表未按时登记', en: 'Daily data report not in on time' },
  weekly_summary_late: { 'zh-CN': '周工作总结未按时发送', en: 'Weekly summary late' },
  report_leak: { 'zh-CN': '数据报表泄露', en: 'Report data leaked' },
  followup_late: { 'zh-CN': '征询单次日未跟踪回访', en: 'Follow-up not done the next day' },
  followup_form_missing: { 'zh-CN': '回访表格未做或漏做', en: 'Follow-up form missing' },
  documents_overnight: { 'zh-CN': '客人资料留存过夜', en: 'Customer documents kept overnight' },
  shipping_late: { 'zh-CN': '订单流程结束后未在 1 个工作日内发货', en: 'Not shipped within 1 workday' },
  not_escalated: { 'zh-CN': '问题未及时上报', en: 'Problem not escalated' },
};

export function ruleName(key: string, stored: string, locale: Locale): string {
  if (stored) return stored;
  return (ruleNames as Record<string, Record<Locale, string> | undefined>)[key]?.[locale] ?? key;
}

export function presentRule(row: DisciplineRuleTable, locale: Locale): DisciplineRule {
  return {
    id: row.id,
    key: row.key,
    name: ruleName(row.key, row.name, locale),
    agentPoints: toPoints(row.agentPointsTenths),
    supervisorPoints: toPoints(row.supervisorPointsTenths),
    doubleFrom: row.doubleFrom,
    threshold: row.threshold,
    automatic: row.automatic === 1,
    enabled: row.enabled === 1,
  };
}

export function presentAppeal(row: AppealTable, names: ReadonlyMap<string, string>): Appeal {
  return {
    id: row.id,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    userId: row.userId,
    userName: names.get(row.userId) ?? '',
    reason: row.reason,
    status: row.status,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? '') : null,
    decisionNote: row.decisionNote,
    decidedAt: isoOrNull(row.decidedAt),
    createdAt: isoOf(row.createdAt),
  };
}

export function presentEntry(
  row: DisciplineEntryTable,
  context: {
    names: ReadonlyMap<string, string>;
    rules: ReadonlyMap<string, DisciplineRuleTable>;
    reversed: ReadonlySet<string>;
    appeals: ReadonlyMap<string, AppealTable>;
    locale: Locale;
  },
): LedgerEntry {
  const appeal = context.appeals.get(row.id);
  return {
    id: row.id,
    userId: row.userId,
    userName: context.names.get(row.userId) ?? '',
    ruleKey: row.ruleKey,
    ruleName: ruleName(row.ruleKey, context.rules.get(row.ruleKey)?.name ?? '', context.locale),
    kind: row.kind,
    points: toPoints(row.pointsTenths),
    basePoints: toPoints(row.basePointsTenths),
    repeatNo: row.repeatNo,
    doubled: row.kind === 'violation' && row.pointsTenths > row.basePointsTenths,
    month: row.month,
    occurredAt: isoOf(row.occurredAt),
    evidenceKind: row.evidenceKind,
    evidenceId: row.evidenceId,
    note: row.note,
    reversesId: row.reversesId,
    reversed: context.reversed.has(row.id),
    createdByName: row.createdBy ? (context.names.get(row.createdBy) ?? null) : null,
    createdAt: isoOf(row.createdAt),
    appeal: appeal ? presentAppeal(appeal, context.names) : null,
  };
}
