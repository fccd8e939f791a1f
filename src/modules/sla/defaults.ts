// The SLA policies every shop starts with (SPEC §4's deadline table and seed 003's message cut-offs); an admin
// edits them per shop.
import type { Locale } from '../../shared/locales.js';
import type { SlaEvent, SlaSubjectKind, WorkOrderStatus, WorkOrderType } from '../../shared/work-orders.js';
import type { SlaTarget, SlaWarning } from './rules.js';

export interface SlaPolicyDefinition {
  key: string;
  name: Record<Locale, string>;
  subject: SlaSubjectKind;
  startEvent: SlaEvent;
  /** The first of these stops the clock. */
  stopEvents: SlaEvent[];
  /** Work-order policies: the types they apply to. */
  workOrderTypes: WorkOrderType[];
  target: SlaTarget;
  /** Work-order statuses in which the clock stands still. */
  pauseStatuses: WorkOrderStatus[];
  warning: SlaWarning;
}

const waiting: WorkOrderStatus[] = ['waiting_customer'];
const eightyPercent: SlaWarning = { kind: 'percent', value: 80 };

export const defaultSlaPolicies: readonly SlaPolicyDefinition[] = [
  {
    key: 'simple_reply',
    name: { 'zh-CN': '简单问题回复（4 小时）', en: 'Simple problem reply (4 h)' },
    subject: 'work_order',
    startEvent: 'workorder.created',
    stopEvents: ['workorder.replied'],
    workOrderTypes: ['common_question'],
    target: { unit: 'business_minutes', amount: 240 },
    pauseStatuses: waiting,
    warning: eightyPercent,
  },
  {
    key: 'complex_resolution',
    name: { 'zh-CN': '复杂问题解决（3 个工作日）', en: 'Complex problem resolution (3 workdays)' },
    subject: 'work_order',
    startEvent: 'workorder.created',
    stopEvents: ['workorder.resolved'],
    workOrderTypes: ['complex_problem', 'complaint', 'after_sale', 'refund'],
    target: { unit: 'workdays', amount: 3 },
    pauseStatuses: waiting,
    warning: eightyPercent,
  },
  {
    key: 'urgent_reply',
    name: { 'zh-CN': '配送/紧急工单回复（1 小时）', en: 'Delivery / urgent work order reply (1 h)' },
    subject: 'work_order',
    startEvent: 'workorder.created',
    stopEvents: ['workorder.replied'],
    workOrderTypes: ['delivery', 'urgent'],
    target: { unit: 'calendar_minutes', amount: 60 },
    pauseStatuses: waiting,
    warning: { kind: 'minutes_before', value: 15 },
  },
  {
    key: 'urgent_resolution',
    name: { 'zh-CN': '配送/紧急工单处理（1 小时）', en: 'Delivery / urgent work order resolution (1 h)' },
    subject: 'work_order',
    startEvent: 'workorder.created',
    stopEvents: ['workorder.resolved'],
    workOrderTypes: ['delivery', 'urgent'],
    target: { unit: 'calendar_minutes', amount: 60 },
    pauseStatuses: waiting,
    warning: { kind: 'minutes_before', value: 15 },
  },
  {
    key: 'aftersale_review',
    name: { 'zh-CN': '售后申请审核（12 小时）', en: 'After-sale application review (12 h)' },
    subject: 'order',
    startEvent: 'order.aftersale_applied',
    stopEvents: ['order.aftersale_reviewed'],
    workOrderTypes: [],
    target: { unit: 'calendar_minutes', amount: 720 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'refund',
    name: {
      'zh-CN': '退货签收后退款或退回（24 小时）',
      en: 'Refund or return-to-sender after return (24 h)',
    },
    subject: 'order',
    startEvent: 'order.return_received',
    stopEvents: ['order.refund_completed', 'order.return_sent_back'],
    workOrderTypes: [],
    target: { unit: 'calendar_minutes', amount: 1440 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'anomaly_verification',
    name: { 'zh-CN': '订单异常核实（24 小时）', en: 'Order anomaly verification (24 h)' },
    subject: 'order',
    startEvent: 'order.anomaly_reported',
    stopEvents: ['order.anomaly_verified'],
    workOrderTypes: [],
    target: { unit: 'calendar_minutes', amount: 1440 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'shipping',
    name: { 'zh-CN': '下单后发货（24 小时）', en: 'Ship after order placed (24 h)' },
    subject: 'order',
    startEvent: 'order.order_placed',
    stopEvents: ['order.order_shipped'],
    workOrderTypes: [],
    target: { unit: 'calendar_minutes', amount: 1440 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'pickup_track',
    name: { 'zh-CN': '下单后揽收轨迹（48 小时）', en: 'Pickup track after order placed (48 h)' },
    subject: 'order',
    startEvent: 'order.order_placed',
    stopEvents: ['order.pickup_tracked'],
    workOrderTypes: [],
    target: { unit: 'calendar_minutes', amount: 2880 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'ready_to_ship',
    name: { 'zh-CN': '订单流程完成后发货（1 个工作日）', en: 'Ship after order flow finished (1 workday)' },
    subject: 'order',
    startEvent: 'order.order_ready',
    stopEvents: ['order.order_shipped'],
    workOrderTypes: [],
    target: { unit: 'workdays', amount: 1 },
    pauseStatuses: [],
    warning: eightyPercent,
  },
  {
    key: 'message_cutoff',
    name: {
      'zh-CN': '咨询当日解决（18 点后次工作日 12 点前）',
      en: 'Consultations answered the same day (after 18:00: next workday by 12:00)',
    },
    subject: 'conversation',
    startEvent: 'chat.customer_message',
    stopEvents: ['chat.agent_reply'],
    workOrderTypes: [],
    target: { unit: 'daily_cutoff', cutoff: '18:00', dueBy: '12:00' },
    pauseStatuses: [],
    warning: { kind: 'minutes_before', value: 60 },
  },
];
