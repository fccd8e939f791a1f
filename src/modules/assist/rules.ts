// Rules of the smart service (seed 002 §4): when an FAQ answer may go out on its own, and how confident a match is.
import type { ProblemType } from '../../shared/assist.js';

/**
 * The chosen threshold (npm run eval:assist measures it): the BM25 best entry and the intent model must agree,
 * the intent model must give it at least minPosterior, and the best phrasing must cover minCoverage of the
 * message's weight.
 */
export const autoAnswerThreshold = { minPosterior: 0.8, minCoverage: 0.3 } as const;
export type AutoAnswerThreshold = { minPosterior: number; minCoverage: number };

export interface FaqMatch {
  entryId: string;
  /** the intent model's probability for this entry */
  posterior: number;
  /** share of the message's weight the best phrasing contains */
  coverage: number;
  /** BM25 and the intent model name the same entry */
  agrees: boolean;
}

export function isConfident(match: FaqMatch, threshold: AutoAnswerThreshold = autoAnswerThreshold): boolean {
  return match.agrees && match.posterior >= threshold.minPosterior && match.coverage >= threshold.minCoverage;
}

export type AutoAnswerRefusal =
  'no_match' | 'below_threshold' | 'human_joined' | 'complaint' | 'handed_over' | 'repeat' | 'not_waiting';

export interface AutoAnswerSituation {
  /** queued or offline_message: nobody has taken the chat */
  waiting: boolean;
  /** an agent was ever assigned or has written in the conversation */
  humanJoined: boolean;
  /** the customer already asked for a person after an auto-answer */
  handedOver: boolean;
  problemType: ProblemType;
  match: FaqMatch | null;
  /** entries already auto-answered in this conversation (never the same answer twice) */
  answeredEntryIds: ReadonlySet<string>;
}

export type AutoAnswerDecision =
  { answer: true; entryId: string } | { answer: false; reason: AutoAnswerRefusal };

/**
 * An FAQ answer goes out only while the chat waits for a person, never after a human joined, never to a
 * complaint, never after the customer asked for a person, and only for a confident match.
 */
export function autoAnswerDecision(
  situation: AutoAnswerSituation,
  threshold: AutoAnswerThreshold = autoAnswerThreshold,
): AutoAnswerDecision {
  if (situation.humanJoined) return { answer: false, reason: 'human_joined' };
  if (!situation.waiting) return { answer: false, reason: 'not_waiting' };
  if (situation.problemType === 'complaint') return { answer: false, reason: 'complaint' };
  if (situation.handedOver) return { answer: false, reason: 'handed_over' };
  if (!situation.match) return { answer: false, reason: 'no_match' };
  if (!isConfident(situation.match, threshold)) return { answer: false, reason: 'below_threshold' };
  if (situation.answeredEntryIds.has(situation.match.entryId)) return { answer: false, reason: 'repeat' };
  return { answer: true, entryId: situation.match.entryId };
}

/** Answer rate: chats with an auto-answer among chats opened; hand-over rate: auto-answers the customer left for a person. */
export function autoAnswerRates(counts: {
  conversations: number;
  answered: number;
  autoAnswers: number;
  handedOver: number;
  solved: number;
}) {
  return {
    answerRate: counts.conversations ? counts.answered / counts.conversations : 0,
    handOverRate: counts.autoAnswers ? counts.handedOver / counts.autoAnswers : 0,
    solvedRate: counts.autoAnswers ? counts.solved / counts.autoAnswers : 0,
  };
}

/** Later customer messages say more than earlier ones; the last three are what suggestions look at. */
export function recentText(texts: readonly string[], count = 3): string {
  return texts.slice(-count).join('\n');
}
