// The chat limits the widget checks before it asks the server (the server checks them again). They repeat
// src/shared/schemas/chat.ts, which the widget cannot import without bundling zod; limits.test.ts keeps them equal.
export const imageContentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const maxImageBytes = 5 * 1024 * 1024;
export const maxMessageLength = 2000;

/** The phone pattern of offlineContactSchema. */
export const contactPhonePattern = /^\+?[0-9][0-9 -]{5,19}$/;

export type ImageCheck = { ok: true } | { ok: false; reason: 'type' | 'size' };

/** Whether an image may be sent: one of the four types, at most 5 MB. */
export function checkImage(file: { type: string; size: number }): ImageCheck {
  if (!(imageContentTypes as readonly string[]).includes(file.type)) return { ok: false, reason: 'type' };
  if (file.size > maxImageBytes) return { ok: false, reason: 'size' };
  return { ok: true };
}
