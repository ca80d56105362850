import { LmsBadges } from '../components/badges/lms-badges.js';
import { defineElement } from './define-element.js';

defineElement('lms-badges', LmsBadges);

declare global {
  interface HTMLElementTagNameMap {
    'lms-badges': LmsBadges;
  }
}
