import { LmsSessionLesson } from '../components/session-lesson/lms-session-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-session-lesson', LmsSessionLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-session-lesson': LmsSessionLesson;
  }
}
