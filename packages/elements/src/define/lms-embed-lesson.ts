import { LmsEmbedLesson } from '../components/embed-lesson/lms-embed-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-embed-lesson', LmsEmbedLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-embed-lesson': LmsEmbedLesson;
  }
}
