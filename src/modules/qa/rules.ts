// Pure rules of quality inspection (SPEC §8): the deduction table, the weekly cap, scoring against a card, the
// automatic pre-checks of a transcript, the weekly sample and the appeal window. No I/O, no clock reads.
import { addWorkdays, type BusinessCalendar } from '../../shared/business-time.js';
import type { PrecheckKind, SampleReason } from '../../shared/quality.js';
import { deductionPoints, scoreInspection, type ScoreProblem } from '../../shared/quality-score.js';
import { weekOf } from '../calls/rules.js';

export { deductionPoints, scoreInspection, weekOf, type ScoreProblem };

export const weeklyCapPoints = 3;

/**
 * Points charged for a new inspection when `alreadyCharged` points were charged to the same agent in the same week
 * (shop zone): never more than the cap for the week in total (seed 001: 一周扣分不超过3分).
 */
export function cappedPoints(tablePoints: number, alreadyCharged: number, cap = weeklyCapPoints): number {
  return Math.max(0, Math.min(tablePoints, cap - alreadyCharged));
}

/**
 * Charges a week's inspections in the order they were made: each one's table points, capped by what the week has
 * left. Returns the points charged per inspection (same order).
 */
export function chargeWeek(scores: readonly number[], cap = weeklyCapPoints): number[] {
  let charged = 0;
  return scores.map((score) => {
    const points = cappedPoints(deductionPoints(score), charged, cap);
    charged += points;
    return points;
  });
}

export interface TranscriptLine {
  id: string;
  seq: number;
  authorKind: 'customer' | 'agent' | 'system';
  kind: string;
  text: string;
  internal: boolean;
  at: number;
}

export interface PrecheckMark {
  kind: PrecheckKind;
  /** the message the mark is about, when there is one */
  messageId: string | null;
  /** e.g. the forbidden word, or the seconds the first reply took */
  detail: string;
}

export interface PrecheckSettings {
  firstReplyLimitSeconds: number;
  forbiddenWords: readonly string[];
  greetingWords: readonly string[];
}

const questionPattern = /[?？]|吗\s*$|呢\s*$|么\s*$|怎么|什么|多久|能不能|可以吗|有没有/;

/**
 * What the data shows before an inspector looks: a first reply later than the limit (from assignment, or the
 * first customer message if later), forbidden words in the agent's messages, an agent who never greets, and customer
 * questions the agent never answered (no agent message after them).
 */
export function precheckTranscript(
  lines: readonly TranscriptLine[],
  times: { assignedAt: number | null; firstResponseAt: number | null },
  settings: PrecheckSettings,
): PrecheckMark[] {
  const marks: PrecheckMark[] = [];
  const visible = lines.filter((line) => !line.internal && line.kind !== 'event');
  const agentLines = visible.filter((line) => line.authorKind === 'agent' && line.kind !== 'auto_reply');
  const firstCustomer = visible.find((line) => line.authorKind === 'customer');
  const firstAgent = agentLines[0];
  if (times.assignedAt !== null && firstCustomer) {
    const start = Math.max(times.assignedAt, firstCustomer.at);
    const replyAt = times.firstResponseAt ?? firstAgent?.at ?? null;
    if (replyAt !== null && replyAt - start > settings.firstReplyLimitSeconds * 1000) {
      marks.push({
        kind: 'first_reply_late',
        messageId: firstAgent?.id ?? null,
        detail: String(Math.round((replyAt - start) / 1000)),
      });
    }
  }
  for (const line of agentLines) {
    const lower = line.text.toLowerCase();
    for (const word of settings.forbiddenWords) {
      if (word && lower.includes(word.toLowerCase())) {
        marks.push({ kind: 'forbidden_word', messageId: line.id, detail: word });
      }
    }
  }
  if (firstAgent) {
    const lower = firstAgent.text.toLowerCase();
    if (!settings.greetingWords.some((word) => word && lower.includes(word.toLowerCase()))) {
      marks.push({ kind: 'no_greeting', messageId: firstAgent.id, detail: '' });
    }
  }
  const lastAgentSeq = agentLines.at(-1)?.seq ?? -1;
  for (const line of visible) {
    if (line.authorKind === 'customer' && line.seq > lastAgentSeq && questionPattern.test(line.text.trim())) {
      marks.push({ kind: 'unanswered_question', messageId: line.id, detail: '' });
    }
  }
  return marks;
}

export interface SampleCandidate {
  subjectId: string;
  agentId: string;
  /** rule-based reasons this subject must be picked for */
  reasons: readonly SampleReason[];
}

/** A seeded pseudo-random generator (mulberry32) so a week's random draw can be replayed in tests. */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a text (shop and week), so the same week draws the same sample. */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Per agent: every rule-based pick, plus `perAgent` drawn at random from the rest. Returns subject id → reasons.
 */
export function drawSample(
  candidates: readonly SampleCandidate[],
  perAgent: number,
  rng: () => number,
): Map<string, SampleReason[]> {
  const picks = new Map<string, SampleReason[]>();
  const byAgent = new Map<string, SampleCandidate[]>();
  for (const candidate of candidates) {
    if (candidate.reasons.length > 0) picks.set(candidate.subjectId, [...candidate.reasons]);
    else byAgent.set(candidate.agentId, [...(byAgent.get(candidate.agentId) ?? []), candidate]);
  }
  for (const pool of byAgent.values()) {
    const rest = [...pool].sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1));
    for (let i = 0; i < perAgent && rest.length > 0; i++) {
      const [chosen] = rest.splice(Math.floor(rng() * rest.length), 1);
      if (chosen) picks.set(chosen.subjectId, ['random']);
    }
  }
  return picks;
}

/** Rule-based reasons a conversation must be inspected. */
export function conversationReasons(
  facts: {
    rating: 'good' | 'neutral' | 'bad' | null;
    complaint: boolean;
    firstReplySeconds: number | null;
    messageCount: number;
    transferCount: number;
  },
  limits: { firstReplyLimitSeconds: number; longChatMessages: number },
): SampleReason[] {
  const reasons: SampleReason[] = [];
  if (facts.rating === 'bad') reasons.push('bad_rating');
  if (facts.complaint) reasons.push('complaint');
  if (facts.firstReplySeconds !== null && facts.firstReplySeconds > limits.firstReplyLimitSeconds)
    reasons.push('slow_first_reply');
  if (facts.messageCount >= limits.longChatMessages) reasons.push('long_chat');
  if (facts.transferCount > 0) reasons.push('transfer');
  return reasons;
}

/** Agents may appeal until this instant: `workdays` workdays after the inspection, on the shop's calendar. */
export function appealDeadline(calendar: BusinessCalendar, inspectedAt: number, workdays: number): number {
  return addWorkdays(calendar, inspectedAt, workdays);
}
