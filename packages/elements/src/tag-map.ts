/**
 * Every tag LMS Kit defines, with its class: `document.querySelector('lms-quiz')` and
 * `document.createElement('lms-certificate')` are typed from the main entry, whichever define
 * modules a page imports. Types only: importing this module runs nothing.
 */
import type { LmsCatalog } from './components/catalog/lms-catalog.js';
import type { LmsMyLearning } from './components/my-learning/lms-my-learning.js';
import type { LmsBadges } from './components/badges/lms-badges.js';
import type { LmsLeaderboard } from './components/leaderboard/lms-leaderboard.js';
import type { LmsCourseVersions } from './components/course-versions/lms-course-versions.js';
import type { LmsDiscussion } from './components/discussion/lms-discussion.js';
import type { LmsNotifications } from './components/notifications/lms-notifications.js';
import type { LmsCertificateStatus } from './components/certificate-status/lms-certificate-status.js';
import type { LmsCertificateVerify } from './components/certificate-verify/lms-certificate-verify.js';
import type { LmsCertificate } from './components/certificate/lms-certificate.js';
import type { LmsCmi5Lesson } from './components/cmi5-lesson/lms-cmi5-lesson.js';
import type { LmsCoursePlayer } from './components/course-player/lms-course-player.js';
import type { LmsDocumentLesson } from './components/document-lesson/lms-document-lesson.js';
import type { LmsEmbedLesson } from './components/embed-lesson/lms-embed-lesson.js';
import type { LmsSessionLesson } from './components/session-lesson/lms-session-lesson.js';
import type { LmsProgress } from './components/progress/lms-progress.js';
import type { LmsProvider } from './components/provider/lms-provider.js';
import type { LmsQuizLesson } from './components/quiz-lesson/lms-quiz-lesson.js';
import type { LmsQuiz } from './components/quiz/lms-quiz.js';
import type { LmsScormLesson } from './components/scorm-lesson/lms-scorm-lesson.js';
import type { LmsSyncStatus } from './components/sync-status/lms-sync-status.js';
import type { LmsTextLesson } from './components/text-lesson/lms-text-lesson.js';
import type { LmsGrading } from './components/grading/lms-grading.js';
import type { LmsCourseEditor } from './components/course-editor/lms-course-editor.js';
import type { LmsReport } from './components/report/lms-report.js';
import type { LmsVideoLesson } from './components/video-lesson/lms-video-lesson.js';

export interface LmsElementTagNameMap {
  'lms-provider': LmsProvider;
  'lms-course-player': LmsCoursePlayer;
  'lms-progress': LmsProgress;
  'lms-sync-status': LmsSyncStatus;
  'lms-quiz': LmsQuiz;
  'lms-certificate': LmsCertificate;
  'lms-certificate-verify': LmsCertificateVerify;
  'lms-certificate-status': LmsCertificateStatus;
  'lms-badges': LmsBadges;
  'lms-leaderboard': LmsLeaderboard;
  'lms-course-versions': LmsCourseVersions;
  'lms-discussion': LmsDiscussion;
  'lms-notifications': LmsNotifications;
  'lms-quiz-lesson': LmsQuizLesson;
  'lms-text-lesson': LmsTextLesson;
  'lms-video-lesson': LmsVideoLesson;
  'lms-document-lesson': LmsDocumentLesson;
  'lms-embed-lesson': LmsEmbedLesson;
  'lms-session-lesson': LmsSessionLesson;
  'lms-scorm-lesson': LmsScormLesson;
  'lms-cmi5-lesson': LmsCmi5Lesson;
  'lms-report': LmsReport;
  'lms-grading': LmsGrading;
  'lms-catalog': LmsCatalog;
  'lms-my-learning': LmsMyLearning;
  'lms-course-editor': LmsCourseEditor;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementTagNameMap extends LmsElementTagNameMap {}
}
