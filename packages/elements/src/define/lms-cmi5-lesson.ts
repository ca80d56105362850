import { LmsCmi5Lesson } from '../components/cmi5-lesson/lms-cmi5-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-cmi5-lesson', LmsCmi5Lesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-cmi5-lesson': LmsCmi5Lesson;
  }
}
