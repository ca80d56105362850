import { LmsDocumentLesson } from '../components/document-lesson/lms-document-lesson.js';
import { defineElement } from './define-element.js';

defineElement('lms-document-lesson', LmsDocumentLesson);

declare global {
  interface HTMLElementTagNameMap {
    'lms-document-lesson': LmsDocumentLesson;
  }
}
