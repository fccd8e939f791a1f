// Order-side events from the shop platform (issue 4, SPEC §4): received by the orders module through its signed
// webhook or CSV import, published as the 'commerce.recorded' domain event, and used by the SLA clocks (shipping,
// after-sale review, refund, anomaly) and later by the sales metrics. Zod-free so the web app and widget can use it.

export const commerceEventKinds = [
  'order_placed',
  'order_paid',
  /** 订单流程完成 the order is ready to ship (SPEC §4: finished → shipped within 1 workday) */
  'order_ready',
  'order_shipped',
  /** 揽收轨迹上传 the carrier's pickup track appears */
  'pickup_tracked',
  'aftersale_applied',
  'aftersale_reviewed',
  'return_received',
  'refund_completed',
  'return_sent_back',
  'anomaly_reported',
  'anomaly_verified',
] as const;
export type CommerceEventKind = (typeof commerceEventKinds)[number];

/** Kinds that must carry an amount (webhook and CSV alike): payments and refunds. */
export const amountRequiredKinds: ReadonlySet<CommerceEventKind> = new Set([
  'order_paid',
  'refund_completed',
]);

/** A buyer's phone as the platform sends it (webhook and CSV alike): digits, spaces, dashes, optional leading +. */
export const orderPhonePattern = /^\+?[0-9][0-9 -]{2,31}$/;

/** One stored order-side event, as published to other modules. */
export interface CommerceEvent {
  /** Our id of the stored event. */
  id: string;
  kind: CommerceEventKind;
  /** The shop platform's order number, e.g. DD20261122003. */
  orderNo: string;
  /** What an SLA clock is keyed on: the order number, or the after-sale / refund number for those kinds. */
  subjectKey: string;
  /** Our customer id when the order could be linked to one. */
  customerId: string | null;
  /** When it happened on the platform, epoch ms. */
  occurredAt: number;
  /** Amount in fen (分) for payments and refunds, else null. */
  amountFen: number | null;
}
