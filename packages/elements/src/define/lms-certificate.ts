import { LmsCertificate } from '../components/certificate/lms-certificate.js';
import { defineElement } from './define-element.js';

defineElement('lms-certificate', LmsCertificate);

declare global {
  interface HTMLElementTagNameMap {
    'lms-certificate': LmsCertificate;
  }
}
