// The vocabulary of live chat (SPEC §2–3) shared by server, web and widget.
import type { GroupKind } from './schemas/team.js';

/** Where a chat was opened from (SPEC §2); it decides the duty group (SPEC §3.1). */
export const entrySources = [
  'shop_home',
  'product_detail',
  'message_centre',
  'order_detail',
  'order_list',
] as const;
export type EntrySource = (typeof entrySources)[number];

/** Agent presence (SPEC §1). Away and offline agents never get a chat. */
export const presenceStatuses = ['online', 'busy', 'away', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

/** The two duty groups that routing splits between; in-sale is not a routing target in seed 001. */
export type RoutingGroup = Extract<GroupKind, 'pre_sale' | 'after_sale'>;

export const conversationStatuses = ['queued', 'assigned', 'offline_message', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** The longest chat message, in characters. */
export const maxMessageLength = 2000;

/** Chat images (SPEC §2): these types only, checked against the file's own bytes, at most this size. */
export const imageContentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageContentType = (typeof imageContentTypes)[number];
export const maxImageBytes = 5 * 1024 * 1024;

/** A phone number left with an offline message: digits, spaces and dashes, an optional leading +. */
export const contactPhonePattern = /^\+?[0-9][0-9 -]{5,19}$/;
