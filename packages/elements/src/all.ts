/**
 * The entry of the single-file bundle `dist/lms-kit.js`: defines <lms-provider> and <lms-course-player>,
 * offers every other element (<lms-progress>, <lms-quiz>, <lms-certificate>, the management and
 * engagement elements), each loaded the first time its tag appears in the page, and
 * exports the API a page needs. Lesson views, Dexie and DOMPurify are not
 * imported here: they load as separate chunks the first time a page needs them. Base classes for
 * new lesson kinds (`LessonViewElement`) come from the `@lms-kit/elements` package.
 */
import './define/lms-provider.js';
import './define/lms-course-player.js';
import { registerLazyElement } from './autoload.js';

// Elements that only some pages use: loaded when their tag first appears in the document.
registerLazyElement('lms-progress', () => import('./define/lms-progress.js'));
registerLazyElement('lms-quiz', () => import('./define/lms-quiz.js'));
registerLazyElement('lms-certificate', () => import('./define/lms-certificate.js'));
registerLazyElement('lms-certificate-verify', () => import('./define/lms-certificate-verify.js'));
registerLazyElement('lms-report', () => import('./define/lms-report.js'));
registerLazyElement('lms-grading', () => import('./define/lms-grading.js'));
registerLazyElement('lms-catalog', () => import('./define/lms-catalog.js'));
registerLazyElement('lms-my-learning', () => import('./define/lms-my-learning.js'));
registerLazyElement('lms-badges', () => import('./define/lms-badges.js'));
registerLazyElement('lms-leaderboard', () => import('./define/lms-leaderboard.js'));
registerLazyElement('lms-notifications', () => import('./define/lms-notifications.js'));

export { LmsProvider } from './components/provider/lms-provider.js';
export { LmsCoursePlayer } from './components/course-player/lms-course-player.js';
export type { LmsProgress } from './components/progress/lms-progress.js';
export { servicesContext, provideLms, type LmsServices } from './context/services.js';
export { defaultServices } from './context/default-services.js';
export { registerLessonView, type LessonViewDefinition } from './lessons/registry.js';
export { registerLazyElement } from './autoload.js';
export { registerMessages, loadLocale, resolveLocale, PSEUDO_LOCALE, type Messages } from './i18n/index.js';
export * from './events/index.js';
// Dispatched by the catalog and the learner dashboard, which load on demand.
export type { LmsContinueEvent, ContinueDetail } from './events/continue.js';
export type { LmsCourseEnrollEvent, CourseEnrollDetail } from './events/course-enroll.js';
export type { LmsPointsAwardEvent, LmsBadgeEarnedEvent } from './events/engagement-events.js';
// Dispatched by the LRS sync, which loads on demand: its class stays in that chunk.
export type { LmsSyncChangeEvent } from './events/sync-change.js';
export type { LmsElementTagNameMap } from './tag-map.js';
export { LmsError, isLmsError, type LmsErrorCode } from '@lms-kit/core';
export { createIndexedDbStorage, observeStorage } from '@lms-kit/storage';
export { createMemoryStorage } from './context/default-services.js';
export { createHttpStorage } from './context/http-storage.js';
export type { LrsConfig, SyncOptions, SyncStatus } from '@lms-kit/xapi';
