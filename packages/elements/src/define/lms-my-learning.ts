import { LmsMyLearning } from '../components/my-learning/lms-my-learning.js';
import { defineElement } from './define-element.js';

defineElement('lms-my-learning', LmsMyLearning);

declare global {
  interface HTMLElementTagNameMap {
    'lms-my-learning': LmsMyLearning;
  }
}
