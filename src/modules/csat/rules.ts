// Survey rules: whether a questionnaire's answers are complete and in range. Pure.
import type { Question } from '../../shared/schemas/feedback.js';

/** Every required question answered; a choice is one of the options, a scale 1…max, a text a string. */
export function checkAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, string | number>>,
) {
  const known = new Set(questions.map((question) => question.id));
  if (Object.keys(answers).some((id) => !known.has(id))) return false;
  return questions.every((question) => {
    const answer = answers[question.id];
    if (answer === undefined || answer === '') return !question.required;
    switch (question.kind) {
      case 'single_choice':
        return typeof answer === 'string' && question.options.includes(answer);
      case 'scale':
        return typeof answer === 'number' && answer >= 1 && answer <= question.max;
      case 'text':
        return typeof answer === 'string';
    }
  });
}
