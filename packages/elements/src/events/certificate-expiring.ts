export interface CertificateExpiringDetail {
  certificateId: string;
  courseId: string;
  learnerId: string;
  expiresAt: string;
  /** Whole days left; 0 or less once expired. */
  daysLeft: number;
  expired: boolean;
}

/**
 * A certificate shown is within its renewal window or has expired: the moment for a host to send a
 * reminder. Sent once per certificate each time an element shows it.
 */
export class LmsCertificateExpiringEvent extends Event {
  static readonly type = 'lms-certificate-expiring';
  constructor(readonly detail: CertificateExpiringDetail) {
    super(LmsCertificateExpiringEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-certificate-expiring': LmsCertificateExpiringEvent;
  }
}
