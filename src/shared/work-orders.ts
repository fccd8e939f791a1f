// Work orders 工单 and SLA clocks (SPEC §4): the kinds, statuses and events every side (server, web) names the
// same way. Zod-free so the web app can use it without the schemas.
import { commerceEventKinds, type CommerceEventKind } from './commerce.js';

/** SPEC §4 classification: common question 普通咨询, complex problem 复杂问题, complaint 投诉, … */
export const workOrderTypes = [
  'common_question',
  'complex_problem',
  'complaint',
  'delivery',
  'urgent',
  'after_sale',
  'refund',
  'order_anomaly',
] as const;
export type WorkOrderType = (typeof workOrderTypes)[number];

export const workOrderPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof workOrderPriorities)[number];

/**
 * SPEC §4 process: analyse 分析 → plan a solution 制定方案 → carry it out 处理中 → resolved 已解决 → awaiting the
 * customer's verdict 待客户确认 → closed 已关闭; reopened 重新处理 when the customer is unsatisfied.
 * waiting_customer 等待客户: the work waits on the customer (information, a photo, a return); it pauses the clocks.
 */
export const workOrderStatuses = [
  'analysing',
  'solution',
  'in_progress',
  'waiting_customer',
  'resolved',
  'awaiting_verdict',
  'closed',
  'reopened',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** Statuses in which someone still has to act (the list's default "open" filter). */
export const openWorkOrderStatuses: readonly WorkOrderStatus[] = [
  'analysing',
  'solution',
  'in_progress',
  'waiting_customer',
  'reopened',
];

/** Seed 002 complaint categories 投诉分类 (SPEC §10). */
export const complaintCategories = [
  'product_quality',
  'logistics',
  'after_sale_service',
  'false_advertising',
  'price',
  'attitude',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export const workOrderSourceKinds = ['chat', 'call', 'order', 'manual'] as const;
export type WorkOrderSourceKind = (typeof workOrderSourceKinds)[number];

/** SPEC §6 satisfaction levels, asked when the result is reported. */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

/** Who holds a work order: one agent, a department (仓储部, 物流部, …) or the complaint team 投诉组. */
export const assignmentKinds = ['agent', 'department', 'complaint_team'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

/** One append-only history entry of a work order. */
export const workOrderEntryKinds = [
  'created',
  'status',
  'assigned',
  'reply',
  'note',
  'extended',
  'updated',
] as const;
export type WorkOrderEntryKind = (typeof workOrderEntryKinds)[number];

// ── SLA ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What an SLA clock is about: a work order, an order / after-sale number, or a chat (seed 003 cut-offs). */
export const slaSubjectKinds = ['work_order', 'order', 'conversation'] as const;
export type SlaSubjectKind = (typeof slaSubjectKinds)[number];

export const workOrderSlaEvents = [
  'workorder.created',
  'workorder.replied',
  'workorder.resolved',
  'workorder.closed',
] as const;
export const conversationSlaEvents = ['chat.customer_message', 'chat.agent_reply'] as const;
export type OrderSlaEvent = `order.${CommerceEventKind}`;
export const orderSlaEvents = commerceEventKinds.map((kind) => `order.${kind}` as OrderSlaEvent);

/** The events that start and stop clocks, one vocabulary for all three subjects. */
export const slaEvents = [...workOrderSlaEvents, ...conversationSlaEvents, ...orderSlaEvents] as const;
export type SlaEvent =
  (typeof workOrderSlaEvents)[number] | (typeof conversationSlaEvents)[number] | OrderSlaEvent;

/** ok: within budget; warning: past the warning threshold; breached: past the due instant; met: stopped in time. */
export const slaStates = ['ok', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof slaStates)[number];

export const slaPhases = ['running', 'paused', 'stopped'] as const;
export type SlaPhase = (typeof slaPhases)[number];

export const slaAlertKinds = ['warning', 'breach'] as const;
export type SlaAlertKind = (typeof slaAlertKinds)[number];

export const slaTargetUnits = ['calendar_minutes', 'business_minutes', 'workdays', 'daily_cutoff'] as const;
export type SlaTargetUnit = (typeof slaTargetUnits)[number];

export const slaWarnKinds = ['percent', 'minutes_before'] as const;
export type SlaWarnKind = (typeof slaWarnKinds)[number];
