import { LmsScormLesson } from '../components/scorm-lesson/lms-scorm-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-scorm-lesson', LmsScormLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-scorm-lesson': LmsScormLesson;
  }
}
