import type { engagementMessages } from './messages-en-engagement.js';
import type { sessionMessages } from './messages-en-sessions.js';
import type { discussionMessages } from './messages-en-discussion.js';
import type { certificateMessages } from './messages-en-certificate.js';
import type { lessonViewMessages } from './messages-en-lesson-views.js';
import type { quizMessages } from './messages-en-quiz.js';
import type { scormMessages } from './messages-en-scorm.js';
import type { resultMessages } from './messages-en-results.js';
import type { syncMessages } from './messages-en-sync.js';
import type { cmi5Messages } from './messages-en-cmi5.js';
import type { managementMessages } from './messages-en-management.js';
import type { catalogMessages } from './messages-en-catalog.js';
import type { offlineMessages } from './messages-en-offline.js';
import type { editorMessages } from './messages-en-editor.js';
import type { versionsMessages } from './messages-en-versions.js';

/**
 * The user-facing strings of the elements loaded up front, in English. Chunks loaded on demand bring
 * their own English strings and register them when they load (see messages-en-lesson-views.ts). Other locales register partial catalogs
 * with the same ids (`registerMessages('fr', {...})`); missing ids fall back to these.
 * Placeholders: `{name}`; plurals: `{count, plural, one {# lesson} other {# lessons}}`.
 */
export const en = {
  'common.loading': 'Loading…',
  'common.dismiss': 'Dismiss',
  'error.title': 'Something went wrong',
  'error.notSaved': 'Your latest progress could not be saved: {message}',
  'error.notPersistent': 'This browser does not let the page keep data, so your progress will be lost when you leave.',
  'player.loading': 'Loading course…',
  'player.offlineBanner': 'Offline — your progress will sync when the network is back.',
  'player.outline': 'Course outline',
  'player.previous': 'Previous',
  'player.next': 'Next',
  'player.lessonPosition': 'Lesson {index} of {total}',
  'player.courseComplete': 'Course completed. Well done!',
  'player.lessonCompleted': '“{title}” completed.',
  'player.lessonLocked': '“{title}” is locked. {reasons}',
  'player.noCourse': 'No course to show. Set the src attribute or the course property.',
  'player.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'player.progressLabel': 'Course progress',
  'player.lessonsDone': '{done} of {total} required lessons completed',
  'status.locked': 'Locked',
  'status.available': 'Not started',
  'status.in-progress': 'In progress',
  'status.completed': 'Completed',
  'lock.prerequisites': 'Complete {titles} first.',
  'lock.sequence': 'Complete “{title}” first.',
  'lock.points': 'Needs {required} points; you have {current}.',
  'lock.remedial': 'Opens only if you do not pass “{title}”.',
  'lesson.loadFailed': 'This lesson could not be loaded: {message}',
  'progress.title': 'Your progress',
  'progress.notStarted': 'Not started yet.',
  'progress.unknownCourse': 'Open the course to see your progress here.',
  'progress.overall': 'Overall',
  'progress.timeSpent': 'Time spent: {time}',
  'progress.points': '{count, plural, one {# point} other {# points}}',
  'progress.next': 'Next: {title}',
  'progress.completedOn': 'Completed on {date}',
  'progress.modulePercent': '{title}: {percent}',
} as const;

/** Every message id: the entry's and those that lazily loaded chunks bring (their English text comes with them). */
export type MessageId =
  | keyof typeof en
  | keyof typeof lessonViewMessages
  | keyof typeof quizMessages
  | keyof typeof scormMessages
  | keyof typeof resultMessages
  | keyof typeof certificateMessages
  | keyof typeof syncMessages
  | keyof typeof cmi5Messages
  | keyof typeof managementMessages
  | keyof typeof catalogMessages
  | keyof typeof offlineMessages
  | keyof typeof engagementMessages
  | keyof typeof editorMessages
  | keyof typeof versionsMessages
  | keyof typeof sessionMessages
  | keyof typeof discussionMessages;
export type Messages = Partial<Record<MessageId, string>>;
