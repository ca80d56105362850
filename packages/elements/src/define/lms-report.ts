import { LmsReport } from '../components/report/lms-report.js';
import { defineElement } from './define-element.js';

defineElement('lms-report', LmsReport);

declare global {
  interface HTMLElementTagNameMap {
    'lms-report': LmsReport;
  }
}
