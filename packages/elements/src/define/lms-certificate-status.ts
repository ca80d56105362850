import { LmsCertificateStatus } from '../components/certificate-status/lms-certificate-status.js';
import { defineElement } from './define-element.js';

defineElement('lms-certificate-status', LmsCertificateStatus);

declare global {
  interface HTMLElementTagNameMap {
    'lms-certificate-status': LmsCertificateStatus;
  }
}
