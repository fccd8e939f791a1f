// The order-event CSV import (issue 4): its columns, job statuses and the per-row error codes with their messages
// in each interface language, so the server's downloadable report and the web table say the same. Zod-free.
import type { Locale } from './locales.js';

/** Columns of the CSV, by header name (order free; unknown columns are ignored). */
export const orderCsvColumns = [
  'event_id',
  'kind',
  'order_no',
  'subject_no',
  'member_id',
  'phone',
  'occurred_at',
  'amount_fen',
] as const;
export type OrderCsvColumn = (typeof orderCsvColumns)[number];
export const requiredOrderCsvColumns: readonly OrderCsvColumn[] = ['kind', 'order_no', 'occurred_at'];

export const orderImportStatuses = ['running', 'done', 'failed'] as const;
export type OrderImportStatus = (typeof orderImportStatuses)[number];

export const importRowErrors = {
  required: { 'zh-CN': '必填项为空', en: 'This value is required' },
  unknown_kind: { 'zh-CN': '事件类型无效', en: 'Not a known event kind' },
  too_long: { 'zh-CN': '内容过长', en: 'The value is too long' },
  invalid_time: {
    'zh-CN': '时间格式无效（应为 ISO-8601 或 YYYY-MM-DD HH:mm[:ss]）',
    en: 'Not a valid time (ISO-8601 or YYYY-MM-DD HH:mm[:ss])',
  },
  invalid_amount: {
    'zh-CN': '金额必须是以分为单位的非负整数',
    en: 'The amount must be a whole, non-negative number of fen',
  },
  amount_required: {
    'zh-CN': '付款和退款必须填写金额（分）',
    en: 'Payments and refunds need an amount in fen',
  },
  invalid_phone: { 'zh-CN': '电话号码格式无效', en: 'Not a valid phone number' },
  wrong_column_count: {
    'zh-CN': '该行的列数与表头不一致',
    en: 'This row does not have as many columns as the header',
  },
  missing_column: { 'zh-CN': '表头缺少必需的列', en: 'The header lacks a required column' },
} as const satisfies Record<string, Record<Locale, string>>;
export type ImportRowErrorCode = keyof typeof importRowErrors;

export function importRowErrorMessage(code: ImportRowErrorCode, locale: Locale): string {
  return importRowErrors[code][locale];
}
