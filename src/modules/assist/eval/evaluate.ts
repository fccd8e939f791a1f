// npm run eval:assist: trains on the training part of the labelled set and prints, as JSON, FAQ top-1/top-3
// accuracy, auto-answer precision and coverage at the chosen threshold, and the classifiers' per-category
// precision and recall on the held-out part. Offline and deterministic.
import { complaintCategories, problemTypes } from '../../../shared/assist.js';
import { starterFaq } from '../../knowledge/starter-entries.js';
import { AssistModel, type ModelInput } from '../model.js';
import { autoAnswerDecision } from '../rules.js';
import { isHeldOut, labelledMessages, type LabelledMessage } from './dataset.js';

const round = (value: number) => Math.round(value * 1000) / 1000;

function precisionRecall<L extends string>(
  labels: readonly L[],
  pairs: ReadonlyArray<{ truth: L; guess: L }>,
) {
  const out: Record<string, { precision: number; recall: number; support: number }> = {};
  for (const label of labels) {
    const truePositive = pairs.filter((p) => p.truth === label && p.guess === label).length;
    const guessed = pairs.filter((p) => p.guess === label).length;
    const support = pairs.filter((p) => p.truth === label).length;
    if (support === 0 && guessed === 0) continue;
    out[label] = {
      precision: round(guessed ? truePositive / guessed : 0),
      recall: round(support ? truePositive / support : 0),
      support,
    };
  }
  return out;
}

function faqFigures(model: AssistModel, test: readonly LabelledMessage[]) {
  const faqTest = test.filter((m) => m.faqKey);
  const top1 = faqTest.filter((m) => model.search(m.text, 1)[0]?.id === m.faqKey).length;
  const top3 = faqTest.filter((m) => model.search(m.text, 3).some((hit) => hit.id === m.faqKey)).length;
  let answered = 0;
  let right = 0;
  for (const message of test) {
    const decision = autoAnswerDecision({
      waiting: true,
      humanJoined: false,
      handedOver: false,
      problemType: model.classify(message.text).problemType,
      match: model.faqMatch(message.text),
      answeredEntryIds: new Set(),
    });
    if (!decision.answer) continue;
    answered += 1;
    if (decision.entryId === message.faqKey) right += 1;
  }
  return {
    faqTop1: round(top1 / faqTest.length),
    faqTop3: round(top3 / faqTest.length),
    autoAnswerPrecision: round(answered ? right / answered : 0),
    autoAnswerCoverage: round(right / faqTest.length),
    autoAnswered: answered,
  };
}

export function evaluate() {
  const all = labelledMessages();
  const train = all.filter((m) => !isHeldOut(m.text));
  const test = all.filter((m) => isHeldOut(m.text));
  const entries = starterFaq.map((entry) => ({
    id: entry.key,
    faq: true,
    phrasings: [entry.question, ...entry.phrasings],
    body: entry.answer,
  }));
  const base: ModelInput = { entries, confirmed: [], base: train, corrections: [] };
  const knowledgeOnly = new AssistModel(base);
  // A shop that has run a while: customers confirmed ("this solved it") the training messages' answers.
  const withHistory = new AssistModel({
    ...base,
    confirmed: train.flatMap((m) => (m.faqKey ? [{ entryId: m.faqKey, text: m.text }] : [])),
  });
  const classified = test.map((m) => ({ message: m, result: withHistory.classify(m.text) }));
  const complaints = classified.filter((c) => c.message.problemType === 'complaint');
  return {
    messages: {
      total: all.length,
      train: train.length,
      test: test.length,
      faqTest: test.filter((m) => m.faqKey).length,
    },
    threshold: 'BM25 and intent model agree, intent posterior ≥ 0.8, phrasing coverage ≥ 0.3',
    faq: {
      knowledgeOnly: faqFigures(knowledgeOnly, test),
      withConfirmedAnswers: faqFigures(withHistory, test),
    },
    problemType: {
      accuracy: round(
        classified.filter((c) => c.result.problemType === c.message.problemType).length / classified.length,
      ),
      perCategory: precisionRecall(
        problemTypes,
        classified.map((c) => ({ truth: c.message.problemType, guess: c.result.problemType })),
      ),
    },
    complaintCategory: {
      note: 'on held-out complaints; a complaint not recognised as one counts as a miss of its category',
      accuracy: round(
        complaints.filter((c) => c.result.complaintCategory === c.message.complaintCategory).length /
          complaints.length,
      ),
      notRecognisedAsComplaint: complaints.filter((c) => c.result.complaintCategory === null).length,
      perCategory: precisionRecall(
        complaintCategories,
        complaints.flatMap((c) =>
          c.message.complaintCategory
            ? [{ truth: c.message.complaintCategory, guess: c.result.complaintCategory ?? ('none' as const) }]
            : [],
        ),
      ),
    },
  };
}

console.log(JSON.stringify(evaluate(), null, 2));
