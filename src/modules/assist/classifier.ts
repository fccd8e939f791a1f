// A multinomial naive Bayes classifier over character n-grams (text.ts), trained in process in milliseconds: the
// local model behind problem types and complaint categories. Agents' corrections are added as weighted examples,
// so one correction moves the next suggestion for a similar message.
import { termCounts } from './text.js';

export interface Example<L extends string> {
  text: string;
  label: L;
  /** How many ordinary examples this one counts as (agents' corrections count more) */
  weight?: number;
}

export interface Prediction<L extends string> {
  label: L;
  /** Posterior probability of the label among the trained labels, 0–1 */
  confidence: number;
}

const ALPHA = 0.5;

export class NaiveBayes<L extends string> {
  private readonly termTotals = new Map<L, Map<string, number>>();
  private readonly labelTotals = new Map<L, number>();
  private readonly priors = new Map<L, number>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: ReadonlyArray<Example<L>>) {
    let documents = 0;
    for (const example of examples) {
      const weight = example.weight ?? 1;
      documents += weight;
      this.priors.set(example.label, (this.priors.get(example.label) ?? 0) + weight);
      const terms = this.termTotals.get(example.label) ?? new Map<string, number>();
      this.termTotals.set(example.label, terms);
      for (const [term, count] of termCounts(example.text)) {
        this.vocabulary.add(term);
        terms.set(term, (terms.get(term) ?? 0) + count * weight);
        this.labelTotals.set(example.label, (this.labelTotals.get(example.label) ?? 0) + count * weight);
      }
    }
    for (const [label, count] of this.priors) this.priors.set(label, count / documents);
  }

  get labels(): L[] {
    return [...this.priors.keys()];
  }

  /** Labels best first with their posterior; empty when nothing was trained. */
  rank(text: string): Array<Prediction<L>> {
    const counts = termCounts(text);
    const vocabularySize = this.vocabulary.size + 1;
    const logScores = this.labels.map((label) => {
      const terms = this.termTotals.get(label) ?? new Map<string, number>();
      const total = this.labelTotals.get(label) ?? 0;
      let score = Math.log(this.priors.get(label) ?? 1e-9);
      for (const [term, count] of counts) {
        if (!this.vocabulary.has(term)) continue;
        score += count * Math.log(((terms.get(term) ?? 0) + ALPHA) / (total + ALPHA * vocabularySize));
      }
      return { label, score };
    });
    const max = Math.max(...logScores.map((s) => s.score));
    const exp = logScores.map((s) => ({ label: s.label, value: Math.exp(s.score - max) }));
    const sum = exp.reduce((a, b) => a + b.value, 0);
    return exp
      .map((s) => ({ label: s.label, confidence: s.value / sum }))
      .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
  }

  predict(text: string): Prediction<L> | null {
    return this.rank(text)[0] ?? null;
  }
}
