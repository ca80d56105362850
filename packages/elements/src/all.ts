/**
 * Everything in one import: defines <lms-provider>, <lms-course-player> and <lms-progress> and
 * re-exports the API. This is the entry of the single-file bundle `dist/lms-kit.js`; lesson views,
 * Dexie and DOMPurify load as separate chunks when first needed.
 */
import './define/lms-provider.js';
import './define/lms-course-player.js';
import './define/lms-progress.js';

export * from './index.js';
export { LmsError, isLmsError, validateCourse, parseCourse, registerLessonKind } from '@lms-kit/core';
export { MemoryAdapter, createIndexedDbStorage, observeStorage } from '@lms-kit/storage';
