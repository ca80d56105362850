import { registerElementLoader } from '../autoload.js';
import { registerLessonView } from '../lessons/registry.js';

// The built-in lesson views and the elements others render inside them: each module loads on first use.
registerLessonView('text', { tag: 'lms-text-lesson', load: () => import('./lms-text-lesson.js'), later: () => import('dompurify') });
registerLessonView('video', { tag: 'lms-video-lesson', load: () => import('./lms-video-lesson.js') });
registerLessonView('document', { tag: 'lms-document-lesson', load: () => import('./lms-document-lesson.js') });
registerLessonView('embed', { tag: 'lms-embed-lesson', load: () => import('./lms-embed-lesson.js') });
// Quiz lessons (core's `quiz` lesson kind, an assessment) show with <lms-quiz-lesson>.
registerLessonView('quiz', {
  tag: 'lms-quiz-lesson',
  load: () => import('./lms-quiz-lesson.js'),
  later: () => Promise.all([import('@lms-kit/core/quiz'), import('dompurify')]),
});
registerLessonView('scorm', {
  tag: 'lms-scorm-lesson',
  load: () => import('./lms-scorm-lesson.js'),
  rules: () => import('../course/scorm-rules.js'),
});
// Instructor-led or virtual classes learners book a seat in.
registerLessonView('session', { tag: 'lms-session-lesson', load: () => import('./lms-session-lesson.js') });
registerLessonView('cmi5-au', { tag: 'lms-cmi5-lesson', load: () => import('./lms-cmi5-lesson.js') });
registerElementLoader('lms-certificate-status', () => import('./lms-certificate-status.js'));
registerElementLoader('lms-sync-status', () => import('./lms-sync-status.js'));
registerElementLoader('lms-discussion', () => import('./lms-discussion.js'));
