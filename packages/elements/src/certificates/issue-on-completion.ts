import { issueCertificateIfDue } from '@lms-kit/certificates';
import { toLmsError, type Course } from '@lms-kit/core';
import type { LmsServices } from '../context/services.js';
import { LmsCertificateIssueEvent } from '../events/certificate-issue.js';
import { LmsErrorEvent } from '../events/error.js';
import { certificateSigner } from './signers.js';

/**
 * Loaded by the course session when a course with a certificate is completed: issues it through the
 * storage adapter and tells the page. A failure (a signing server offline) is reported as
 * recoverable: the claim is kept and the certificate is issued the next time the course opens.
 */
export async function issueOnCompletion(host: HTMLElement, course: Course, services: LmsServices, baseUrl?: string): Promise<void> {
  try {
    const certificate = await issueCertificateIfDue({
      course,
      baseUrl,
      learner: services.learner,
      storage: services.storage,
      signer: certificateSigner(services),
    });
    if (certificate) host.dispatchEvent(new LmsCertificateIssueEvent({ certificate }));
  } catch (error) {
    host.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'certificate/signing-failed'), recoverable: true }));
  }
}
