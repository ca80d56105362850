import { LmsGrading } from '../components/grading/lms-grading.js';
import { defineElement } from './define-element.js';

defineElement('lms-grading', LmsGrading);

declare global {
  interface HTMLElementTagNameMap {
    'lms-grading': LmsGrading;
  }
}
