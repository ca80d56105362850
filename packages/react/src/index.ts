/**
 * React components for every public LMS Kit element, made with `@lit/react`: properties are set as
 * properties (objects included), events are props (`onLmsCourseComplete`), and each component defines
 * its tag when imported. Hooks over the headless sessions will sit beside these.
 */
export { LmsProvider } from './provider.js';
export { LmsCoursePlayer } from './course-player.js';
export { LmsProgress } from './progress.js';
export { LmsSyncStatus } from './sync-status.js';
export { LmsQuiz } from './quiz.js';
export { LmsQuizLesson } from './quiz-lesson.js';
export { LmsCertificate } from './certificate.js';
export { LmsCertificateVerify } from './certificate-verify.js';
export { LmsCertificateStatus } from './certificate-status.js';
export { LmsReport } from './report.js';
export { LmsGrading } from './grading.js';
export { LmsCourseEditor } from './course-editor.js';
export { LmsCatalog } from './catalog.js';
export { LmsMyLearning } from './my-learning.js';
export { LmsBadges } from './badges.js';
export { LmsLeaderboard } from './leaderboard.js';
export { LmsCourseVersions } from './course-versions.js';
export { LmsSessionLesson } from './session-lesson.js';
export { LmsDiscussion } from './discussion.js';
export { LmsNotifications } from './notifications.js';
