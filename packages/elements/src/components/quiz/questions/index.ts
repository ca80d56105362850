import type { Question } from '@lms-kit/core/quiz';
import { renderChoice, renderLikert, renderTrueFalse } from './choice.js';
import { renderMatching } from './matching.js';
import { renderPerformance } from './performance.js';
import { renderSequencing } from './sequencing.js';
import { renderFillIn, renderLongFillIn, renderNumeric } from './text-entry.js';
import type { QuestionRenderer } from './types.js';

export const builtinRenderers: Record<string, QuestionRenderer> = {
  'true-false': renderTrueFalse as QuestionRenderer,
  choice: renderChoice as QuestionRenderer,
  'fill-in': renderFillIn as QuestionRenderer,
  'long-fill-in': renderLongFillIn as QuestionRenderer,
  matching: renderMatching as QuestionRenderer,
  sequencing: renderSequencing as QuestionRenderer,
  numeric: renderNumeric as QuestionRenderer,
  likert: renderLikert as QuestionRenderer,
  performance: renderPerformance as QuestionRenderer,
};

/**
 * How `<lms-quiz>` shows a question type a site added with `registerQuestionType`: a custom element
 * that gets `question`, `value`, `disabled`, `marked` and `showCorrect` properties and dispatches
 * `lms-question-input` (a `CustomEvent` with `detail: { value }`, bubbling) when the learner answers.
 */
export interface QuestionViewDefinition {
  tag: string;
  /** Imports the module that defines `tag`, if it is not defined yet. */
  load?: () => Promise<unknown>;
}

const customViews = new Map<string, QuestionViewDefinition>();

export function registerQuestionView(type: string, definition: QuestionViewDefinition): void {
  customViews.set(type, definition);
}

export function questionView(question: Question): QuestionViewDefinition | undefined {
  return customViews.get(question.type);
}
