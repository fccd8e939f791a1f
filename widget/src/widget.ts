// The embeddable customer chat widget. Issue 3 builds it (entry sources, delivery guarantees, queue, rating);
// this module fixes its public shape now so that shop pages can already carry the script tag.
export const widgetEntrySources = [
  'shop_home',
  'product_detail',
  'message_centre',
  'order_detail',
  'order_list',
] as const;
export type WidgetEntrySource = (typeof widgetEntrySources)[number];

export interface WidgetOptions {
  shopKey: string;
  source: WidgetEntrySource;
  productId?: string;
  orderId?: string;
}

/** Reads the widget options from the `data-*` attributes of its script tag. */
export function readWidgetOptions(script: HTMLScriptElement): WidgetOptions | null {
  const { shopKey, source, productId, orderId } = script.dataset;
  if (!shopKey || !widgetEntrySources.includes(source as WidgetEntrySource)) return null;
  return {
    shopKey,
    source: source as WidgetEntrySource,
    ...(productId ? { productId } : {}),
    ...(orderId ? { orderId } : {}),
  };
}
