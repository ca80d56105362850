import { LmsQuizLesson } from '../components/quiz-lesson/lms-quiz-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-quiz-lesson', LmsQuizLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-quiz-lesson': LmsQuizLesson;
  }
}
