// The labelled evaluation set (≥500 Chinese customer messages) and its deterministic train/test split.
import type { ComplaintCategory, ProblemType } from '../../../shared/assist.js';
import { starterFaq } from '../../knowledge/starter-entries.js';
import { faqMessages, faqMessagesSecondAuthor } from './messages-faq.js';
import { complaintMessages, unansweredMessages } from './messages-other.js';

export interface LabelledMessage {
  text: string;
  problemType: ProblemType;
  complaintCategory: ComplaintCategory | null;
  /** The starter FAQ entry that answers it, or null when none does */
  faqKey: string | null;
}

export function labelledMessages(): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  const problemTypeOf = new Map(starterFaq.map((entry) => [entry.key, entry.problemType]));
  for (const source of [faqMessages, faqMessagesSecondAuthor]) {
    for (const [key, texts] of Object.entries(source)) {
      const problemType = problemTypeOf.get(key);
      if (!problemType) throw new Error(`no starter FAQ ${key}`);
      for (const text of texts) out.push({ text, problemType, complaintCategory: null, faqKey: key });
    }
  }
  for (const [category, texts] of Object.entries(complaintMessages)) {
    for (const text of texts) {
      out.push({
        text,
        problemType: 'complaint',
        complaintCategory: category as ComplaintCategory,
        faqKey: null,
      });
    }
  }
  for (const [problemType, texts] of Object.entries(unansweredMessages)) {
    for (const text of texts ?? []) {
      out.push({ text, problemType: problemType as ProblemType, complaintCategory: null, faqKey: null });
    }
  }
  return out;
}

/** FNV-1a: the same text always lands on the same side of the split, whatever the order of the lists. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** About 30 % of the messages are held out for testing. */
export function isHeldOut(text: string): boolean {
  return hash(text) % 10 < 3;
}
