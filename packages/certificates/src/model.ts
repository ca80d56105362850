import type { CertificateRenewalRule } from '@lms-kit/core';

/** The storage collection certificates are kept in (`putRecord('certificates', record)`). */
export const CERTIFICATES = 'certificates';

export interface CertificateIssuer {
  /** URI of the issuer: `did:jwk:…` for a browser's own key, the site's issuer URL for a server signer. */
  id: string;
  name: string;
  url?: string;
}

/**
 * What a certificate says, as read from its signed credential: every field here is covered by the
 * signature, so a copy whose fields differ from the credential is reported as tampered.
 */
export interface CertificateContent {
  /** `urn:uuid:…` */
  id: string;
  learnerId: string;
  learnerName: string;
  courseId: string;
  courseTitle: string;
  courseVersion?: string;
  /** Heading printed on the certificate (the course's `certificate.title`), if the course set one. */
  title?: string;
  template: 'classic' | 'modern';
  issuedAt: string;
  /** Absent: the certificate never expires. */
  expiresAt?: string;
  /** The course score, 0..100, when lessons reported scores. */
  score?: number;
  passed: boolean;
  issuer: CertificateIssuer;
  /** Page that verifies it; the QR code links to `<verifyUrl>?certificate=<id>`. */
  verifyUrl?: string;
  /** Days before expiry from which the learner is told to renew. */
  remindDays: number;
  renewal?: CertificateRenewalRule;
  /**
   * Signed by a key this browser made itself rather than by a site's server, as the issuer said when
   * signing. Verification derives it from the signing key instead (`VerificationResult.selfIssued`).
   */
  selfIssued: boolean;
}

/** A stored certificate: its content, the signed VC-JWT it was read from, and its status in this store. */
export interface CertificateRecord extends CertificateContent {
  [field: string]: unknown;
  /** The Open Badges 3.0 credential signed as a VC-JWT (ES256). */
  jwt: string;
  revoked?: { at: string; reason?: string };
  /** When a renewal reopened the course; the certificate stays in the learner's history. */
  renewedAt?: string;
}

/** Revocation as a signer or the local store knows it. */
export interface CertificateStatus {
  revoked: boolean;
  revokedAt?: string;
  reason?: string;
}
