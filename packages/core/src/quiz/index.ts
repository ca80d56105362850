/**
 * `@lms-kit/core/quiz`: questions and quizzes (model, validation, scoring, attempts), xAPI
 * statements of quizzes, and GIFT/Aiken/Moodle XML import and export. A separate entry so bundles load it only with a quiz.
 */
export * from './model.js';
export * from './question-types.js';
export * from './validate.js';
export * from './attempt.js';
export * from './statements.js';
export * from './grading.js';
export { quizLessonResult } from './lesson-result.js';
export { plainText, escapeHtml } from './text.js';
export { parseGift } from './import/gift.js';
export { toGift } from './import/gift-export.js';
export { parseAiken, toAiken } from './import/aiken.js';
export { parseMoodleXml } from './import/moodle-xml.js';
export { toMoodleXml } from './import/moodle-xml-export.js';
export type { ImportOptions } from './import/shared.js';
export { normalizeAnswer, parseNumber, inNumericRange, numericPattern, numericRange, formatNumber, matchesText } from './types/shared.js';
export { quizLessonKind } from './lesson-kind.js';
export * from './remote-grader.js';
