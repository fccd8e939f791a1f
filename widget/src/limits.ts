// The chat limits the widget checks before it asks the server (the server checks them again), from the zod-free
// shared module, so the widget bundle stays small.
import { imageContentTypes, maxImageBytes } from '../../src/shared/chat.js';

export {
  contactPhonePattern,
  imageContentTypes,
  maxImageBytes,
  maxMessageLength,
} from '../../src/shared/chat.js';

export type ImageCheck = { ok: true } | { ok: false; reason: 'type' | 'size' };

/** Whether an image may be sent: one of the four types, at most 5 MB. */
export function checkImage(file: { type: string; size: number }): ImageCheck {
  if (!(imageContentTypes as readonly string[]).includes(file.type)) return { ok: false, reason: 'type' };
  if (file.size > maxImageBytes) return { ok: false, reason: 'size' };
  return { ok: true };
}
