import { joinPath, isObject, FieldChecker } from './checks.js';
import type { LessonKindDefinition } from './lesson-kinds.js';
import { quizLessonKind } from '../quiz/lesson-kind.js';
import { sessionLessonKind } from '../sessions/lesson-kind.js';

/** The kinds every course can use; more are added with `registerLessonKind`. */
export const builtinLessonKinds: LessonKindDefinition[] = [
  {
    kind: 'text',
    validate(lesson) {
      const html = lesson.string('html');
      const src = lesson.url('src');
      if (html === undefined && src === undefined && !lesson.has('html') && !lesson.has('src')) {
        lesson.report.add(lesson.at('html'), 'required (or give `src`)');
      }
      lesson.oneOf('completion', ['view', 'scroll-end'] as const);
    },
  },

  {
    kind: 'video',
    validate(lesson) {
      lesson.url('src', { required: true });
      lesson.string('type');
      lesson.url('poster');
      lesson.number('completeAt', { min: 1, max: 100 });
      lesson.array('sources')?.forEach((source, index) => {
        const path = joinPath(lesson.at('sources'), index);
        if (!isObject(source)) return lesson.report.add(path, 'must be an object');
        const checker = new FieldChecker(source, path, lesson.report);
        checker.url('src', { required: true });
        checker.string('type');
        checker.string('label');
      });
      const captions = lesson.array('captions');
      captions?.forEach((track, index) => {
        const path = joinPath(lesson.at('captions'), index);
        if (!isObject(track)) {
          lesson.report.add(path, 'must be an object');
          return;
        }
        const checker = new FieldChecker(track, path, lesson.report);
        checker.url('src', { required: true });
        checker.string('srclang', { required: true });
        checker.string('label', { required: true });
        checker.oneOf('kind', ['captions', 'subtitles', 'descriptions'] as const);
      });
    },
  },

  {
    kind: 'document',
    validate(lesson) {
      lesson.url('src', { required: true });
      lesson.oneOf('display', ['inline', 'link'] as const);
    },
  },

  {
    kind: 'embed',
    assessment: (lesson) => lesson.completion === 'message',
    validate(lesson) {
      lesson.url('src', { required: true });
      lesson.number('height', { min: 50, max: 5000 });
      lesson.string('allow');
      lesson.oneOf('completion', ['view', 'message'] as const);
    },
  },

  // Defined with the quiz model; registered here so every course validation knows it.
  quizLessonKind,
  // Instructor-led or virtual classes learners book a seat in (see sessions/).
  sessionLessonKind,
];
