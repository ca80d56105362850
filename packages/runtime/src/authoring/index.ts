/** `@lms-kit/runtime/authoring`: a course being authored, headless (edits, undo/redo, validation, autosave). */
export { CourseDraft, draftKey, type CourseDraftOptions, type NewLesson, type SavedDraft } from './course-draft.js';
export { getAt, setAt } from './field-path.js';
export { moveByStep } from './outline-moves.js';
export {
  EDITABLE_LESSON_KINDS,
  QUESTION_TYPES,
  lessonTemplate,
  questionTemplate,
  type EditableLessonKind,
  type EditableQuestionType,
} from './templates.js';
export { answerLines, withAnswerLines } from './question-lines.js';
export { LocalAuthoring, AUTHORING_COLLECTIONS, type LocalAuthoringOptions } from './local-authoring.js';
