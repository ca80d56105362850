import { catalogMessages } from '../messages-en-catalog.js';
import { certificateMessages } from '../messages-en-certificate.js';
import { cmi5Messages } from '../messages-en-cmi5.js';
import { lessonViewMessages } from '../messages-en-lesson-views.js';
import { engagementMessages } from '../messages-en-engagement.js';
import { sessionMessages } from '../messages-en-sessions.js';
import { discussionMessages } from '../messages-en-discussion.js';
import { en } from '../messages-en.js';
import { editorMessages } from '../messages-en-editor.js';
import { managementMessages } from '../messages-en-management.js';
import { offlineMessages } from '../messages-en-offline.js';
import { quizMessages } from '../messages-en-quiz.js';
import { resultMessages } from '../messages-en-results.js';
import { scormMessages } from '../messages-en-scorm.js';
import { syncMessages } from '../messages-en-sync.js';
import { versionsMessages } from '../messages-en-versions.js';
import type { Messages } from '../messages-en.js';

/** Every English message: the reference the other locales are checked against (test/locales.test.ts). */
export const messages: Messages = {
  ...en,
  ...lessonViewMessages,
  ...quizMessages,
  ...scormMessages,
  ...resultMessages,
  ...certificateMessages,
  ...syncMessages,
  ...cmi5Messages,
  ...engagementMessages,
  ...editorMessages,
  ...versionsMessages,
  ...sessionMessages,
  ...discussionMessages,
  ...catalogMessages,
  ...managementMessages,
  ...offlineMessages,
};
