import type { Lesson } from '@lms-kit/core';
import type { Question } from '@lms-kit/core/quiz';
import type { NewLesson } from './course-draft.js';

/** The lesson kinds an editor offers, each with what a new lesson of it starts with. */
export const EDITABLE_LESSON_KINDS = ['text', 'video', 'document', 'embed', 'quiz', 'scorm'] as const;
export type EditableLessonKind = (typeof EDITABLE_LESSON_KINDS)[number];

/** The question types of the core quiz model. */
export const QUESTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'sequencing',
  'numeric',
  'likert',
  'performance',
] as const;
export type EditableQuestionType = (typeof QUESTION_TYPES)[number];

/**
 * A new lesson of `kind`. Required URLs start empty, so the validator points at them until the
 * author fills them in; a quiz starts with one true/false question.
 */
export function lessonTemplate(kind: EditableLessonKind, title: string, quizId: string): NewLesson {
  switch (kind) {
    case 'text':
      return { kind, title, html: '<p></p>' };
    case 'quiz':
      return { kind, title, quiz: { schema: 1, id: quizId, title, questions: [questionTemplate('true-false', 'q1')] } };
    default:
      return { kind, title, src: '' } as NewLesson<Lesson>;
  }
}

/** A new question of `type` with the fields its type needs. */
export function questionTemplate(type: EditableQuestionType, id: string): Question {
  const item = (itemId: string, text: string) => ({ id: itemId, text });
  const base = { id, text: '' };
  switch (type) {
    case 'true-false':
      return { ...base, type, correct: true };
    case 'choice':
      return { ...base, type, choices: [{ ...item('a', ''), correct: true }, item('b', '')] };
    case 'fill-in':
      return { ...base, type, blanks: [{ accept: [''] }] };
    case 'long-fill-in':
      return { ...base, type };
    case 'matching':
      return { ...base, type, sources: [item('s1', '')], targets: [item('t1', '')], pairs: [{ source: 's1', target: 't1' }] };
    case 'sequencing':
      return { ...base, type, items: [item('i1', ''), item('i2', '')] };
    case 'numeric':
      return { ...base, type, answers: [{ value: 0 }] };
    case 'likert':
      return { ...base, type, scale: [item('l1', ''), item('l2', '')] };
    case 'performance':
      return { ...base, type, steps: [{ ...item('p1', ''), accept: [''] }] };
  }
}
