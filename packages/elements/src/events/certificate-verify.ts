import type { VerificationResult } from '@lms-kit/certificates';

export interface CertificateVerifyDetail {
  result: VerificationResult;
}

/** A certificate was checked; `result.status` is `valid`, `expired`, `revoked`, `tampered`, `unknown-issuer`, `malformed` or `not-found`. */
export class LmsCertificateVerifyEvent extends Event {
  static readonly type = 'lms-certificate-verify';
  constructor(readonly detail: CertificateVerifyDetail) {
    super(LmsCertificateVerifyEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-certificate-verify': LmsCertificateVerifyEvent;
  }
}
