import type { LikertQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkItems, toComponents } from './shared.js';

/** A survey scale: never scored, every answer is acceptable (so no correct responses pattern). */
export const likertType: QuestionTypeDefinition<LikertQuestion, string> = {
  type: 'likert',
  interactionType: 'likert',
  scored: false,
  validate(question) {
    checkItems(question, 'scale', { min: 2 });
  },
  isAnswered: (question, response) => typeof response === 'string' && question.scale.some((s) => s.id === response),
  score: () => 0,
  xapiResponse: (_question, response) => response,
  correctResponsesPattern: () => undefined,
  components: (question, text) => ({ scale: toComponents(question.scale, text) }),
};
