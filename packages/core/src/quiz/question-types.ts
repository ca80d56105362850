import type { FieldChecker } from '../course/checks.js';
import type { LanguageMap } from '../xapi/model.js';
import type { InteractionType, QuestionBase } from './model.js';
import { builtinQuestionTypes } from './types/index.js';

/** One entry of an xAPI interaction component list (`choices`, `scale`, `source`, `target`, `steps`). */
export interface InteractionComponent {
  id: string;
  description?: LanguageMap;
}

export type ComponentLists = Partial<Record<'choices' | 'scale' | 'source' | 'target' | 'steps', InteractionComponent[]>>;

/** Credit for one response: 0..1, or `pending` until someone grades it by hand. */
export type Credit = number | 'pending';

/**
 * What LMS Kit needs to know about a question type: how to check it, score it and describe it in
 * xAPI. The ten built-in types are registered here; a site adds its own with `registerQuestionType`
 * (interaction type `other`, usually) and a view with `registerQuestionView` in `@lms-kit/elements`.
 */
export interface QuestionTypeDefinition<Q extends QuestionBase = QuestionBase, R = unknown> {
  type: string;
  interactionType: InteractionType;
  /** Checks the type's own fields; `id`, `type`, `text`, `weight`, `tags` and `feedback` are already checked. */
  validate(question: FieldChecker): void;
  /** Unscored types (likert) never count towards the score. Default true. */
  scored?: boolean;
  /** Whether a value is a real answer (not an empty one). */
  isAnswered(question: Q, response: R): boolean;
  /** Credit for a response; `undefined` response means not answered. */
  score(question: Q, response: R | undefined): Credit;
  /** The response in the xAPI/SCORM format of the interaction type. */
  xapiResponse(question: Q, response: R): string;
  /** Every correct response in xAPI format; undefined when any answer is right or they cannot be listed. */
  correctResponsesPattern(question: Q): string[] | undefined;
  components?(question: Q, text: (html: string) => LanguageMap): ComponentLists;
  /** The response a learner gives by leaving the question as shown (sequencing: the shown order); default none. */
  shownResponse?(question: Q, order: string[] | undefined): R | undefined;
  /** Ids of the parts shuffled per attempt (choices, matching targets, sequencing items), in authored order. */
  shuffled?(question: Q, shuffleChoices: boolean): string[] | undefined;
}

const types = new Map<string, QuestionTypeDefinition>(builtinQuestionTypes.map((definition) => [definition.type, definition]));

/** Adds a question type (or replaces one of the same name). */
export function registerQuestionType<Q extends QuestionBase, R>(definition: QuestionTypeDefinition<Q, R>): void {
  types.set(definition.type, definition as unknown as QuestionTypeDefinition);
}

export function getQuestionType(type: string): QuestionTypeDefinition | undefined {
  return types.get(type);
}

export function questionTypeNames(): string[] {
  return [...types.keys()];
}
