import { LmsCertificateVerify } from '../components/certificate-verify/lms-certificate-verify.js';
import { defineElement } from './define-element.js';

defineElement('lms-certificate-verify', LmsCertificateVerify);

declare global {
  interface HTMLElementTagNameMap {
    'lms-certificate-verify': LmsCertificateVerify;
  }
}
