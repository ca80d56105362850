import type { SequencingQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkItems, stringArray, toComponents } from './shared.js';

/** The items in the authored order; `partialCredit` per item in its right place. */
export const sequencingType: QuestionTypeDefinition<SequencingQuestion, string[]> = {
  type: 'sequencing',
  interactionType: 'sequencing',
  validate(question) {
    question.boolean('partialCredit');
    checkItems(question, 'items', { min: 2 });
  },
  isAnswered: (question, response) => stringArray(response) && response.length === question.items.length,
  score(question, response) {
    if (!stringArray(response)) return 0;
    const right = question.items.filter((item, i) => response[i] === item.id).length;
    if (question.partialCredit) return right / question.items.length;
    return right === question.items.length ? 1 : 0;
  },
  xapiResponse: (_question, response) => response.join('[,]'),
  correctResponsesPattern: (question) => [question.items.map((i) => i.id).join('[,]')],
  components: (question, text) => ({ choices: toComponents(question.items, text) }),
  shownResponse: (_question, order) => order,
  // Always shuffled: shown in the right order, there would be nothing to do.
  shuffled: (question) => question.items.map((i) => i.id),
};
