import { LmsCourseVersions } from '../components/course-versions/lms-course-versions.js';
import { defineElement } from './define-element.js';

defineElement('lms-course-versions', LmsCourseVersions);

declare global {
  interface HTMLElementTagNameMap {
    'lms-course-versions': LmsCourseVersions;
  }
}
