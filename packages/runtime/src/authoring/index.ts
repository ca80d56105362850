/** `@lms-kit/runtime/authoring`: a course being authored, headless (edits, undo/redo, validation, autosave). */
export { CourseDraft, draftKey, type CourseDraftOptions, type NewLesson, type SavedDraft } from './course-draft.js';
export { LocalAuthoring, AUTHORING_COLLECTIONS, type LocalAuthoringOptions } from './local-authoring.js';
