// One shop's assist model, built in process from its knowledge and its agents' corrections: BM25 retrieval over
// the knowledge entries, an intent model over the FAQ entries (phrasings, answers customers confirmed, and the
// base corpus's messages no FAQ answers as "none"), and the problem-type and complaint-category classifiers
// (base corpus plus corrections, which weigh more).
import type { ComplaintCategory, ProblemType } from '../../shared/assist.js';
import { NaiveBayes, type Example } from './classifier.js';
import { Bm25Index, type Hit } from './retrieval.js';
import type { FaqMatch } from './rules.js';

export interface ModelEntry {
  id: string;
  /** FAQ entries take part in auto-answers; articles and templates only in suggestions */
  faq: boolean;
  phrasings: readonly string[];
  body: string;
}

export interface LabelledText {
  text: string;
  problemType: ProblemType;
  complaintCategory: ComplaintCategory | null;
}

export interface ModelInput {
  entries: readonly ModelEntry[];
  /** customer messages an auto-answer solved (they become phrasings of that entry) */
  confirmed: ReadonlyArray<{ entryId: string; text: string }>;
  /** the shop-independent labelled corpus */
  base: readonly LabelledText[];
  /** agents' corrections, newest last */
  corrections: readonly LabelledText[];
}

export interface Classification {
  problemType: ProblemType;
  complaintCategory: ComplaintCategory | null;
  confidence: number;
}

/** One correction counts as this many corpus examples, so it moves similar messages at once. */
export const CORRECTION_WEIGHT = 8;
const NONE = '__none';
const NONE_SHARE = 3;

export class AssistModel {
  private readonly index: Bm25Index;
  private readonly faqIds: Set<string>;
  private readonly intents: NaiveBayes<string>;
  private readonly problemTypes: NaiveBayes<ProblemType>;
  private readonly categories: NaiveBayes<ComplaintCategory>;

  constructor(input: ModelInput) {
    const confirmedBy = new Map<string, string[]>();
    for (const item of input.confirmed) {
      confirmedBy.set(item.entryId, [...(confirmedBy.get(item.entryId) ?? []), item.text]);
    }
    this.index = new Bm25Index(
      input.entries.map((entry) => ({
        id: entry.id,
        phrasings: [...entry.phrasings, ...(confirmedBy.get(entry.id) ?? [])],
        body: entry.body,
      })),
    );
    this.faqIds = new Set(input.entries.filter((entry) => entry.faq).map((entry) => entry.id));
    const intentExamples: Array<Example<string>> = [];
    for (const entry of input.entries) {
      if (!entry.faq) continue;
      for (const text of [...entry.phrasings, ...(confirmedBy.get(entry.id) ?? [])]) {
        intentExamples.push({ text, label: entry.id });
      }
    }
    // What no FAQ answers (complaints, greetings, chit-chat) teaches the intent model to say "none"; weighed so
    // that "none" counts like NONE_SHARE entries together, not like hundreds (its prior would drown short FAQs).
    const none = input.base.filter(
      (item) => item.problemType === 'complaint' || item.problemType === 'other',
    );
    const perEntry = intentExamples.length / Math.max(1, this.faqIds.size);
    for (const item of none) {
      intentExamples.push({ text: item.text, label: NONE, weight: (NONE_SHARE * perEntry) / none.length });
    }
    this.intents = new NaiveBayes(intentExamples);
    const weighted = (items: readonly LabelledText[], weight: number) =>
      items.map((item) => ({ ...item, weight }));
    const all = [...weighted(input.base, 1), ...weighted(input.corrections, CORRECTION_WEIGHT)];
    this.problemTypes = new NaiveBayes(
      all.map((item) => ({ text: item.text, label: item.problemType, weight: item.weight })),
    );
    this.categories = new NaiveBayes(
      all.flatMap((item) =>
        item.complaintCategory
          ? [{ text: item.text, label: item.complaintCategory, weight: item.weight }]
          : [],
      ),
    );
  }

  /** Knowledge entries ranked for a text (suggestions, search). */
  search(text: string, limit: number): Hit[] {
    return this.index.search(text, limit);
  }

  /** The best FAQ entry for a customer message with the figures the auto-answer threshold looks at. */
  faqMatch(text: string): FaqMatch | null {
    const best = this.index.search(text, 10).find((hit) => this.faqIds.has(hit.id));
    if (!best) return null;
    const intent = this.intents.predict(text);
    return {
      entryId: best.id,
      posterior: intent?.label === best.id ? intent.confidence : 0,
      coverage: best.coverage,
      agrees: intent?.label === best.id,
    };
  }

  classify(text: string): Classification {
    const type = this.problemTypes.predict(text);
    const problemType = type?.label ?? 'other';
    const category = problemType === 'complaint' ? this.categories.predict(text) : null;
    return {
      problemType,
      complaintCategory: problemType === 'complaint' ? (category?.label ?? 'other') : null,
      confidence: type?.confidence ?? 0,
    };
  }
}
