import type { QuestionTypeDefinition } from '../question-types.js';
import { choiceType } from './choice.js';
import { fillInType, longFillInType } from './fill-in.js';
import { likertType } from './likert.js';
import { matchingType } from './matching.js';
import { numericType } from './numeric.js';
import { performanceType } from './performance.js';
import { sequencingType } from './sequencing.js';
import { trueFalseType } from './true-false.js';

/** The built-in types; `question-types.ts` registers them when it loads (no side-effect import needed). */
export const builtinQuestionTypes = [
  trueFalseType,
  choiceType,
  fillInType,
  longFillInType,
  matchingType,
  sequencingType,
  numericType,
  likertType,
  performanceType,
] as unknown as QuestionTypeDefinition[];
