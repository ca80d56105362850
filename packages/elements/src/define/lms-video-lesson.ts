import { LmsVideoLesson } from '../components/video-lesson/lms-video-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-video-lesson', LmsVideoLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-video-lesson': LmsVideoLesson;
  }
}
