/**
 * A page served with a strict CSP (`test/server/csp.mjs`): `strict-csp.html?db=<name>`. A native
 * course (text, quiz and SCORM lessons), progress and a quiz of its own. Every CSP or Trusted Types
 * violation is kept in `window.violations`; `window.player`, `window.quiz` for the test to drive.
 */
import '../../packages/elements/src/all.js';
import '../../packages/elements/src/define/lms-quiz.js';
import type { Course } from '@lms-kit/core';
import { choiceQuiz } from '../helpers/quizzes.js';

const violations: string[] = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`),
  true,
);
window.addEventListener('error', (event) => violations.push(`error ${event.message}`));

const course: Course = {
  schema: 1,
  id: 'strict-csp',
  title: 'Under a strict CSP',
  modules: [
    {
      id: 'm',
      title: 'Module',
      lessons: [
        { id: 'text', kind: 'text', title: 'Text', html: '<h3>Hello</h3><p>Some <a href="https://example.com/">link</a>.</p>' },
        { id: 'quiz', kind: 'quiz', title: 'Quiz', quiz: choiceQuiz(2) },
        { id: 'scorm', kind: 'scorm', title: 'SCORM', src: '/__zip/test/scorm/tab-sco.zip' },
      ],
    },
  ],
} as Course;

const params = new URLSearchParams(location.search);
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'csp@example.com');
provider.setAttribute('database', params.get('db') ?? 'lms-kit-csp');
const player = document.createElement('lms-course-player');
Object.assign(player, { course });
const progress = document.createElement('lms-progress');
progress.setAttribute('course', 'strict-csp');
const quiz = document.createElement('lms-quiz');
Object.assign(quiz, { quiz: choiceQuiz(3) });
provider.append(player, progress, quiz);
document.body.append(provider);
Object.assign(window, { player, quiz, progress, violations });
