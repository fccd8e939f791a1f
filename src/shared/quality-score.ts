// The score of an inspection and the deduction table of SPEC §8, shared by the server and the inspection workspace
// (which previews them while the inspector scores).
import type { ScorecardItem } from './quality.js';

/** SPEC §8 / seed 001: ≥80 → 0 points, ≥70 → 1, ≥60 → 2, <60 → 3. */
export function deductionPoints(score: number): number {
  if (score >= 80) return 0;
  if (score >= 70) return 1;
  if (score >= 60) return 2;
  return 3;
}

export type ScoreProblem = { item: string; problem: 'unknown_item' | 'missing' | 'out_of_range' };

/**
 * The score out of 100 from the points given per item: the sum scaled to the card's total, rounded to tenths; a
 * critical item given 0 makes the whole score 0 (致命项).
 */
export function scoreInspection(
  items: readonly ScorecardItem[],
  given: Readonly<Record<string, number>>,
): { score: number; problems: ScoreProblem[] } {
  const problems: ScoreProblem[] = [];
  const known = new Set(items.map((item) => item.key));
  for (const key of Object.keys(given))
    if (!known.has(key)) problems.push({ item: key, problem: 'unknown_item' });
  let sum = 0;
  let total = 0;
  let criticalFailed = false;
  for (const item of items) {
    total += item.points;
    const points = given[item.key];
    if (points === undefined) {
      problems.push({ item: item.key, problem: 'missing' });
      continue;
    }
    if (points < 0 || points > item.points) problems.push({ item: item.key, problem: 'out_of_range' });
    sum += points;
    if (item.critical && points === 0) criticalFailed = true;
  }
  const score = criticalFailed || total === 0 ? 0 : Math.round((sum / total) * 1000) / 10;
  return { score, problems };
}
