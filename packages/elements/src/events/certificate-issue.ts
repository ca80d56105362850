import type { CertificateRecord } from '@lms-kit/certificates';

export interface CertificateIssueDetail {
  certificate: CertificateRecord;
}

/** The learner's completion earned a certificate, now signed and stored. */
export class LmsCertificateIssueEvent extends Event {
  static readonly type = 'lms-certificate-issue';
  constructor(readonly detail: CertificateIssueDetail) {
    super(LmsCertificateIssueEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-certificate-issue': LmsCertificateIssueEvent;
  }
}
