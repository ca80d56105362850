// The built-in lesson views, for players defined from these classes.
import './define/loaders.js';
export { LmsProvider } from './components/provider/lms-provider.js';
export { LmsCoursePlayer } from './components/course-player/lms-course-player.js';
export { LmsProgress } from './components/progress/lms-progress.js';
export { LmsSyncStatus } from './components/sync-status/lms-sync-status.js';
export { LmsTextLesson } from './components/text-lesson/lms-text-lesson.js';
export { LmsVideoLesson } from './components/video-lesson/lms-video-lesson.js';
export { LmsDocumentLesson } from './components/document-lesson/lms-document-lesson.js';
export { LmsCmi5Lesson } from './components/cmi5-lesson/lms-cmi5-lesson.js';
export { LmsSessionLesson } from './components/session-lesson/lms-session-lesson.js';
export { LmsEmbedLesson, parseResultMessage } from './components/embed-lesson/lms-embed-lesson.js';
export { LmsQuiz } from './components/quiz/lms-quiz.js';
export { LmsQuizLesson } from './components/quiz-lesson/lms-quiz-lesson.js';
export { registerQuestionView, type QuestionViewDefinition } from './components/quiz/questions/index.js';
export { gradeQuizAttempt } from './quiz/grade.js';
export { loadQuiz } from './quiz/load-quiz.js';
export { LmsCertificate } from './components/certificate/lms-certificate.js';
export { LmsCertificateVerify } from './components/certificate-verify/lms-certificate-verify.js';
export { LmsCertificateStatus } from './components/certificate-status/lms-certificate-status.js';
export { LmsReport } from './components/report/lms-report.js';
export { LmsGrading } from './components/grading/lms-grading.js';
export { LmsCatalog } from './components/catalog/lms-catalog.js';
export { LmsMyLearning } from './components/my-learning/lms-my-learning.js';
export { LmsBadges } from './components/badges/lms-badges.js';
export { LmsLeaderboard } from './components/leaderboard/lms-leaderboard.js';
export { LmsCourseVersions } from './components/course-versions/lms-course-versions.js';
export { LmsDiscussion } from './components/discussion/lms-discussion.js';
export { LmsNotifications } from './components/notifications/lms-notifications.js';
export { LmsCourseEditor } from './components/course-editor/lms-course-editor.js';
export { LmsCourseSaveEvent, LmsCoursePublishEvent, type CourseSaveDetail } from './events/course-save.js';
export { servicesContext, provideLms, type LmsServices } from './context/services.js';
export { defaultServices, localLearner, createMemoryStorage } from './context/default-services.js';
export { ServicesController } from './controllers/services-controller.js';
export { SessionController, type EventClasses } from './controllers/session-controller.js';
export { LmsElement } from './lessons/lms-element.js';
export { LessonViewElement } from './lessons/lesson-view.js';
export { registerLessonView, loadLessonView, type LessonViewDefinition } from './lessons/registry.js';
export { sanitizeHtml, createSanitizer } from './lessons/sanitize.js';
export { loadCourse, parseCourseLazily } from './course/load-course.js';
export { courseOutline, readCourseOutline, saveCourseOutline, type CourseOutline } from './course/course-outline-store.js';
export * from './i18n/index.js';
export { defineElement } from './define/define-element.js';
export { configureServiceWorker, type ServiceWorkerOptions } from '@lms-kit/scorm/service-worker';
export { registerLazyElement, registerElementLoader } from './autoload.js';
export * from './events/index.js';
export * from './events/quiz.js';
export * from './events/certificate-events.js';
export * from './events/engagement-events.js';
export { LmsSyncChangeEvent, type SyncChangeDetail } from './events/sync-change.js';
export { LmsContinueEvent, type ContinueDetail } from './events/continue.js';
export { LmsCourseEnrollEvent, type CourseEnrollDetail } from './events/course-enroll.js';
export { LmsOfflineChangeEvent, type OfflineChangeDetail } from './events/offline-change.js';
export {
  listOfflineCourses,
  removeOfflineCourse,
  onOfflineCoursesChange,
  type OfflineCourse,
  type OfflineChange,
} from './offline/offline-courses.js';
export type { LmsElementTagNameMap } from './tag-map.js';
