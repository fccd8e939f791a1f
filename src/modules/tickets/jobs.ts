// Work that order-side events open by themselves (an anomaly report → an order-anomaly work order), applied in
// the order the events were published.
import type { TicketDeps } from './service.js';
import { openWorkFromCommerce } from './service.js';

export function startWorkOrderListeners(
  deps: TicketDeps,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let chain: Promise<unknown> = Promise.resolve();
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type !== 'commerce.recorded') return;
    chain = chain.then(() => openWorkFromCommerce(deps, event.shopId, event.events)).catch(onError);
  });
  return async () => {
    unsubscribe();
    await chain;
  };
}
