import { LmsTextLesson } from '../components/text-lesson/lms-text-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-text-lesson', LmsTextLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-text-lesson': LmsTextLesson;
  }
}
