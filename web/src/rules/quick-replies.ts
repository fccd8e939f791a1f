// Quick replies in the reply box: `/` plus a shortcut or title opens the matching list; the chosen reply
// replaces what was typed after the slash, with its template variables filled from the conversation.
import type { Conversation } from '@shared/schemas/chat.js';
import type { QuickReply } from '@shared/schemas/replies.js';
import { renderTemplate, type TemplateValues } from '@shared/templates.js';

export interface SlashQuery {
  /** index of the slash */
  start: number;
  /** the caret: the query runs from start + 1 to here */
  end: number;
  query: string;
}

/** The `/word` being typed at the caret, if any: the slash starts the text or follows whitespace. */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('/');
  if (start < 0) return null;
  if (start > 0 && !/\s/.test(before.charAt(start - 1))) return null;
  const query = before.slice(start + 1);
  if (/\s/.test(query)) return null;
  return { start, end: caret, query };
}

/** Shortcut matches first (prefix before anywhere), then titles; at most `limit`. */
export function matchQuickReplies(replies: readonly QuickReply[], query: string, limit = 8): QuickReply[] {
  const needle = query.trim().toLowerCase();
  const rank = (reply: QuickReply): number => {
    if (!needle) return 0;
    const shortcut = reply.shortcut.toLowerCase();
    if (shortcut.startsWith(needle)) return 0;
    if (shortcut.includes(needle)) return 1;
    if (reply.title.toLowerCase().includes(needle)) return 2;
    return -1;
  };
  return replies
    .map((reply) => ({ reply, score: rank(reply) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => a.score - b.score || a.reply.shortcut.localeCompare(b.reply.shortcut))
    .slice(0, limit)
    .map((entry) => entry.reply);
}

/** Replaces the `/query` with the text and puts the caret after it. */
export function insertAtSlash(
  text: string,
  slash: SlashQuery,
  insert: string,
): { text: string; caret: number } {
  const next = `${text.slice(0, slash.start)}${insert}${text.slice(slash.end)}`;
  return { text: next, caret: slash.start + insert.length };
}

/** What the variables of a reply stand for in this conversation (the order number is the chat's order id). */
export function templateValuesFor(
  conversation: Conversation,
  agentName: string,
  shopName: string,
): TemplateValues {
  return {
    customerName: conversation.customer.displayName,
    orderNumber: conversation.orderId,
    agentName,
    shopName,
  };
}

export function renderQuickReply(reply: QuickReply, values: TemplateValues): string {
  return renderTemplate(reply.text, values);
}
