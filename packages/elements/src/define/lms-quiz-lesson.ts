import { LmsQuizLesson } from '../components/quiz-lesson/lms-quiz-lesson.js';
import { defineElement } from './define-element.js';
// The quiz lesson shows an <lms-quiz>.
import './lms-quiz.js';

defineElement('lms-quiz-lesson', LmsQuizLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-quiz-lesson': LmsQuizLesson;
  }
}
