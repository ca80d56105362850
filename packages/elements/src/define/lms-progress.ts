import { LmsProgress } from '../components/progress/lms-progress.js';
import { defineElement } from './define-element.js';
import './loaders.js';

defineElement('lms-progress', LmsProgress);

declare global {
  interface HTMLElementTagNameMap {
    'lms-progress': LmsProgress;
  }
}
