// What a shop's script tag says: the shop key, the entry source with its product or order, and a signed-in member.
import { entrySources, type EntrySource } from '../../src/shared/chat.js';
import type { MemberIdentity } from './api.js';

export interface WidgetOptions {
  shopKey: string;
  source: EntrySource;
  productId?: string;
  orderId?: string;
  /** A signed-in shop member, vouched for by the shop's backend (data-member-id/name/signature) */
  member?: MemberIdentity;
}

/** Reads the widget options from the `data-*` attributes of its script tag. */
export function readWidgetOptions(script: HTMLScriptElement): WidgetOptions | null {
  const { shopKey, source, productId, orderId, memberId, memberName, memberSignature } = script.dataset;
  if (!shopKey || !(entrySources as readonly string[]).includes(source ?? '')) return null;
  return {
    shopKey,
    source: source as EntrySource,
    ...(productId ? { productId } : {}),
    ...(orderId ? { orderId } : {}),
    ...(memberId && memberSignature
      ? { member: { id: memberId, signature: memberSignature, ...(memberName ? { name: memberName } : {}) } }
      : {}),
  };
}
