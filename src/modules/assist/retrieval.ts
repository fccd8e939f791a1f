// In-process BM25 ranking over character n-grams (text.ts), one index per shop's knowledge. Each phrasing of an
// entry is its own short document and an entry scores by its best phrasing, plus a little from its body, so a
// question asked several ways matches the way closest to the customer's words.
import { termCounts } from './text.js';

export interface Indexable {
  id: string;
  /** The question or title and its other phrasings */
  phrasings: readonly string[];
  /** The answer or article text */
  body: string;
}

export interface Hit {
  id: string;
  score: number;
  /**
   * Share of the query's weight (idf) that the best phrasing contains, 0–1: how much of what the customer
   * said the entry speaks to. Used with the margin for the auto-answer confidence.
   */
  coverage: number;
}

interface Doc {
  entry: number;
  counts: Map<string, number>;
  length: number;
  body: boolean;
}

const K1 = 1.2;
const B = 0.75;
const BODY_WEIGHT = 0.25;

export class Bm25Index {
  private readonly docs: Doc[] = [];
  private readonly df = new Map<string, number>();
  private readonly ids: string[] = [];
  private avgLength = { phrasing: 1, body: 1 };

  constructor(entries: readonly Indexable[]) {
    const totals = { phrasing: 0, body: 0, phrasings: 0, bodies: 0 };
    entries.forEach((entry, index) => {
      this.ids.push(entry.id);
      const add = (text: string, body: boolean) => {
        const counts = termCounts(text);
        const length = [...counts.values()].reduce((a, b) => a + b, 0);
        if (length === 0) return;
        this.docs.push({ entry: index, counts, length, body });
        for (const term of counts.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
        if (body) {
          totals.body += length;
          totals.bodies += 1;
        } else {
          totals.phrasing += length;
          totals.phrasings += 1;
        }
      };
      for (const phrasing of entry.phrasings) add(phrasing, false);
      add(entry.body, true);
    });
    this.avgLength = {
      phrasing: totals.phrasings ? totals.phrasing / totals.phrasings : 1,
      body: totals.bodies ? totals.body / totals.bodies : 1,
    };
  }

  get size(): number {
    return this.ids.length;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Entries ranked best first (at most `limit`), only those sharing a term with the query. */
  search(query: string, limit = 3): Hit[] {
    const queryTerms = termCounts(query);
    const weights = new Map([...queryTerms.keys()].map((term) => [term, this.idf(term)]));
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
    const best = new Map<number, { phrasing: number; body: number; coverage: number }>();
    for (const doc of this.docs) {
      let score = 0;
      let covered = 0;
      for (const [term, weight] of weights) {
        const tf = doc.counts.get(term);
        if (!tf) continue;
        covered += weight;
        const avg = doc.body ? this.avgLength.body : this.avgLength.phrasing;
        score += (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avg));
      }
      if (score === 0) continue;
      const current = best.get(doc.entry) ?? { phrasing: 0, body: 0, coverage: 0 };
      if (doc.body) current.body = Math.max(current.body, score);
      else if (score > current.phrasing) {
        current.phrasing = score;
        current.coverage = totalWeight ? covered / totalWeight : 0;
      }
      best.set(doc.entry, current);
    }
    return [...best.entries()]
      .map(([entry, s]) => ({
        id: this.ids[entry] as string,
        score: s.phrasing + BODY_WEIGHT * s.body,
        coverage: s.coverage,
      }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
