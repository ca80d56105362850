import { LmsCatalog } from '../components/catalog/lms-catalog.js';
import { defineElement } from './define-element.js';

defineElement('lms-catalog', LmsCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'lms-catalog': LmsCatalog;
  }
}
