export interface CertificateRenewDetail {
  certificateId: string;
  courseId: string;
}

/**
 * The learner asks to renew a certificate. Cancelable: `preventDefault()` leaves the course as it is
 * (for a host that runs renewals itself); otherwise the course, or its recertification module, reopens.
 */
export class LmsCertificateRenewEvent extends Event {
  static readonly type = 'lms-certificate-renew';
  constructor(readonly detail: CertificateRenewDetail) {
    super(LmsCertificateRenewEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-certificate-renew': LmsCertificateRenewEvent;
  }
}
