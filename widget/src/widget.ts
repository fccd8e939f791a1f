// The embeddable customer chat widget. Issue 3 builds it (entry sources, delivery guarantees, queue, rating);
// this module fixes its public shape now so that shop pages can already carry the script tag.
import { entrySources, type EntrySource } from '../../src/shared/chat.js';

export interface WidgetOptions {
  shopKey: string;
  source: EntrySource;
  productId?: string;
  orderId?: string;
}

/** Reads the widget options from the `data-*` attributes of its script tag. */
export function readWidgetOptions(script: HTMLScriptElement): WidgetOptions | null {
  const { shopKey, source, productId, orderId } = script.dataset;
  if (!shopKey || !(entrySources as readonly string[]).includes(source ?? '')) return null;
  return {
    shopKey,
    source: source as EntrySource,
    ...(productId ? { productId } : {}),
    ...(orderId ? { orderId } : {}),
  };
}
