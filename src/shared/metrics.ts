// The metrics of SPEC §7 (seed 001) as every side names them: keys, units and labels in both interface languages.
// Formulas: src/modules/kpi/rules.ts; definitions: docs/metrics.md. Zod-free so the web app can use it.
import type { Locale } from './locales.js';

export const metricKeys = [
  'consultingCustomers',
  'unansweredCustomers',
  'replyRate',
  'goodRatingRate',
  'customersReceived',
  'answerQuestionRatio',
  'avgResponseSeconds',
  'avgFirstResponseSeconds',
  'aftersaleHandlingHours',
  'refundsCompletedFen',
  'workOrderTimelyReplyRate',
  'conversionRate',
  'averageOrderValueFen',
  'csSalesFen',
  'csSalesShare',
  'inquiryPaymentRate',
  'firstContactResolutionRate',
  'aftersaleSatisfaction',
  'hotlineConnectionRate',
] as const;
export type MetricKey = (typeof metricKeys)[number];

/** rate: 0–1 shown as a percentage; fen: money in cents shown in yuan; count, ratio, seconds, hours as they are. */
export type MetricUnit = 'rate' | 'count' | 'ratio' | 'seconds' | 'hours' | 'fen';

export const metricUnits: Record<MetricKey, MetricUnit> = {
  consultingCustomers: 'count',
  unansweredCustomers: 'count',
  replyRate: 'rate',
  goodRatingRate: 'rate',
  customersReceived: 'count',
  answerQuestionRatio: 'ratio',
  avgResponseSeconds: 'seconds',
  avgFirstResponseSeconds: 'seconds',
  aftersaleHandlingHours: 'hours',
  refundsCompletedFen: 'fen',
  workOrderTimelyReplyRate: 'rate',
  conversionRate: 'rate',
  averageOrderValueFen: 'fen',
  csSalesFen: 'fen',
  csSalesShare: 'rate',
  inquiryPaymentRate: 'rate',
  firstContactResolutionRate: 'rate',
  aftersaleSatisfaction: 'rate',
  hotlineConnectionRate: 'rate',
};

export const metricLabels: Record<Locale, Record<MetricKey, string>> = {
  'zh-CN': {
    consultingCustomers: '咨询人数',
    unansweredCustomers: '未回复人数',
    replyRate: '回复率',
    goodRatingRate: '好评率',
    customersReceived: '接待人数',
    answerQuestionRatio: '答问比',
    avgResponseSeconds: '平均响应时长（秒）',
    avgFirstResponseSeconds: '平均首次响应时长（秒）',
    aftersaleHandlingHours: '售后处理时长（小时）',
    refundsCompletedFen: '完成退款金额（元）',
    workOrderTimelyReplyRate: '工单及时回复率',
    conversionRate: '转化率',
    averageOrderValueFen: '客单价（元）',
    csSalesFen: '客服销售额（元）',
    csSalesShare: '客服销售额占比',
    inquiryPaymentRate: '询单→最终付款成功率',
    firstContactResolutionRate: '工单首次解决率',
    aftersaleSatisfaction: '售后服务满意度',
    hotlineConnectionRate: '400 接通率',
  },
  en: {
    consultingCustomers: 'Consulting customers',
    unansweredCustomers: 'Unanswered customers',
    replyRate: 'Reply rate',
    goodRatingRate: 'Good-rating rate',
    customersReceived: 'Customers received',
    answerQuestionRatio: 'Answer/question ratio',
    avgResponseSeconds: 'Avg response time (s)',
    avgFirstResponseSeconds: 'Avg first response time (s)',
    aftersaleHandlingHours: 'After-sale handling time (h)',
    refundsCompletedFen: 'Refunds completed (yuan)',
    workOrderTimelyReplyRate: 'Work-order timely reply rate',
    conversionRate: 'Conversion rate',
    averageOrderValueFen: 'Average order value (yuan)',
    csSalesFen: 'CS sales (yuan)',
    csSalesShare: 'CS sales share',
    inquiryPaymentRate: 'Inquiry → payment rate',
    firstContactResolutionRate: 'First-contact resolution',
    aftersaleSatisfaction: 'After-sale satisfaction',
    hotlineConnectionRate: 'Hotline connection rate',
  },
};

/** A metric value as a spreadsheet or table shows it: rates as percentages, money in yuan, 2 decimals. */
export function displayValue(metric: MetricKey, value: number | null): number | null {
  if (value === null) return null;
  const unit = metricUnits[metric];
  const shown = unit === 'rate' ? value * 100 : unit === 'fen' ? value / 100 : value;
  return Math.round(shown * 100) / 100;
}
