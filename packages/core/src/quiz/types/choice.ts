import { joinPath } from '../../course/checks.js';
import type { ChoiceQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkItems, stringArray, toComponents } from './shared.js';

/**
 * Single answer: right or wrong. Multiple answer: all or nothing, or with `partialCredit`
 * (right choices selected − wrong choices selected) / right choices, never below 0.
 */
export const choiceType: QuestionTypeDefinition<ChoiceQuestion, string[]> = {
  type: 'choice',
  interactionType: 'choice',
  validate(question) {
    const multiple = question.boolean('multiple');
    question.boolean('partialCredit');
    const choices = checkItems(question, 'choices', { min: 2 });
    choices.forEach((choice, index) => {
      const path = joinPath(question.at('choices'), index);
      if (choice.correct !== undefined && typeof choice.correct !== 'boolean')
        question.report.add(joinPath(path, 'correct'), 'must be true or false');
      if (choice.feedback !== undefined && typeof choice.feedback !== 'string')
        question.report.add(joinPath(path, 'feedback'), 'must be a string');
    });
    const right = choices.filter((c) => c.correct === true).length;
    if (choices.length > 0 && right === 0) question.report.add(question.at('choices'), 'no choice is marked correct');
    if (right > 1 && !multiple) question.report.add(question.at('choices'), 'several choices are correct: set "multiple": true');
  },
  isAnswered: (_question, response) => stringArray(response) && response.length > 0,
  score(question, response) {
    if (!stringArray(response) || response.length === 0) return 0;
    const selected = new Set(response);
    const right = question.choices.filter((c) => c.correct);
    if (!question.multiple) return right.some((c) => selected.has(c.id)) && selected.size === 1 ? 1 : 0;
    const hits = right.filter((c) => selected.has(c.id)).length;
    const misses = question.choices.filter((c) => !c.correct && selected.has(c.id)).length;
    if (!question.partialCredit) return hits === right.length && misses === 0 ? 1 : 0;
    return Math.max(0, (hits - misses) / right.length);
  },
  xapiResponse: (_question, response) => response.join('[,]'),
  correctResponsesPattern: (question) => [
    question.choices
      .filter((c) => c.correct)
      .map((c) => c.id)
      .join('[,]'),
  ],
  components: (question, text) => ({ choices: toComponents(question.choices, text) }),
  shuffled: (question, shuffleChoices) => (shuffleChoices ? question.choices.map((c) => c.id) : undefined),
};
