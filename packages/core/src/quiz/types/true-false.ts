import type { TrueFalseQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';

export const trueFalseType: QuestionTypeDefinition<TrueFalseQuestion, boolean> = {
  type: 'true-false',
  interactionType: 'true-false',
  validate(question) {
    if (typeof question.object.correct !== 'boolean') question.report.add(question.at('correct'), 'required: true or false');
    question.string('trueFeedback');
    question.string('falseFeedback');
  },
  isAnswered: (_question, response) => typeof response === 'boolean',
  score: (question, response) => (response === question.correct ? 1 : 0),
  xapiResponse: (_question, response) => String(response),
  correctResponsesPattern: (question) => [String(question.correct)],
};
