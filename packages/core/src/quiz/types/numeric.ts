import { isObject, joinPath, FieldChecker } from '../../course/checks.js';
import type { NumericQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkNumericAnswer, formatNumber, inNumericRange, numericPattern, parseNumber } from './shared.js';

/** Right when the number is one of the answers: exact, within the tolerance, or in the range (bounds included). */
export const numericType: QuestionTypeDefinition<NumericQuestion, string> = {
  type: 'numeric',
  interactionType: 'numeric',
  validate(question) {
    question.string('unit');
    const answers = question.array('answers', { required: true, nonEmpty: true }) ?? [];
    answers.forEach((answer, index) => {
      const path = joinPath(question.at('answers'), index);
      if (!isObject(answer)) question.report.add(path, 'must be an object');
      else checkNumericAnswer(new FieldChecker(answer, path, question.report));
    });
  },
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  score(question, response) {
    const value = typeof response === 'string' ? parseNumber(response) : undefined;
    if (value === undefined) return 0;
    return question.answers.some((answer) => inNumericRange(value, answer)) ? 1 : 0;
  },
  // The number as a number: "3,5" typed in a comma locale is sent as "3.5"; text that is no number as typed.
  xapiResponse: (_question, response) => {
    const value = parseNumber(response);
    return value === undefined ? response.trim() : formatNumber(value);
  },
  correctResponsesPattern: (question) => question.answers.map(numericPattern),
};
