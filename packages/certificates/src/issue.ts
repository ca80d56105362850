import {
  DEFAULT_REMIND_DAYS,
  certificateEligibility,
  certificateExpiry,
  claimCertificate,
  uuid,
  type Course,
  type CourseProgress,
  type Learner,
} from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { buildCredential, contentFromCredential } from './credential.js';
import { decodeJws } from './jwt.js';
import { CERTIFICATES, type CertificateContent, type CertificateRecord } from './model.js';
import type { CertificateSigner } from './signer.js';

export interface IssueOptions {
  course: Course;
  /** URL of the course document: a relative `certificate.verifyUrl` resolves against it. */
  baseUrl?: string;
  learner: Learner;
  storage: StorageAdapter;
  signer: CertificateSigner;
  now?: Date;
}

/**
 * Issues the course's certificate if the learner's current completion earns one and none was issued
 * for it yet; returns the new record, or undefined. Safe to call after every result and from several
 * tabs: the certificate id is claimed in the progress record's transaction first, and a claim whose
 * certificate was never stored (the signer was offline) is issued on the next call.
 */
export async function issueCertificateIfDue(options: IssueOptions): Promise<CertificateRecord | undefined> {
  const { course, learner, storage } = options;
  const now = options.now ?? new Date();
  if (!course.certificate) return undefined;
  const key = { learnerId: learner.id, courseId: course.id };
  let progress = await storage.getProgress(key);
  if (!progress) return undefined;
  let id = progress.certificateId;
  if (id) {
    if (await storage.getRecord(CERTIFICATES, id)) return undefined;
  } else {
    if (!certificateEligibility(course, progress).eligible) return undefined;
    const claim = `urn:uuid:${uuid()}`;
    progress = await storage.updateProgress(key, (current) => claimCertificate(current ?? (progress as CourseProgress), claim, now));
    if (progress.certificateId !== claim) return undefined; // another tab issues it
    id = claim;
  }
  const content = await certificateContent(options, progress, id, now);
  const achievementId = course.activityId ?? `urn:lms-kit:course:${course.id}`;
  const jwt = await options.signer.sign(buildCredential(content, achievementId, criteriaNarrative(course)));
  // The signer has the last word (a server may set the issuer or the learner's identity): store what was signed.
  const record: CertificateRecord = { ...contentFromCredential(decodeJws(jwt).payload), jwt };
  await storage.putRecord(CERTIFICATES, record);
  return record;
}

async function certificateContent(options: IssueOptions, progress: CourseProgress, id: string, now: Date): Promise<CertificateContent> {
  const { course, learner, signer } = options;
  const rule = course.certificate as NonNullable<Course['certificate']>;
  const { score, passed } = certificateEligibility(course, { ...progress, certificateId: undefined });
  const expiresAt = certificateExpiry(now, rule.validity);
  const content: CertificateContent = {
    id,
    learnerId: learner.id,
    learnerName: learner.actor.name ?? learner.actor.mbox?.replace(/^mailto:/, '') ?? learner.actor.account?.name ?? learner.id,
    courseId: course.id,
    courseTitle: course.title,
    template: rule.template ?? 'classic',
    issuedAt: now.toISOString(),
    passed,
    issuer: { id: await signer.issuerId(), name: rule.issuer.name },
    remindDays: rule.renewal?.remindDays ?? DEFAULT_REMIND_DAYS,
    selfIssued: signer.kind === 'browser',
  };
  if (course.version !== undefined) content.courseVersion = course.version;
  if (rule.title !== undefined) content.title = rule.title;
  if (rule.issuer.url !== undefined) content.issuer.url = rule.issuer.url;
  if (expiresAt) content.expiresAt = expiresAt.toISOString();
  if (score !== undefined) content.score = score;
  if (rule.renewal) content.renewal = rule.renewal;
  if (rule.verifyUrl) content.verifyUrl = new URL(rule.verifyUrl, options.baseUrl ?? globalThis.location?.href).href;
  return content;
}

function criteriaNarrative(course: Course): string {
  const rule = course.certificate;
  const parts = [`Completed the course “${course.title}”`];
  if (rule?.issueWhen === 'passed') parts.push('passing every assessment');
  if (rule?.minScore !== undefined) parts.push(`with a score of at least ${rule.minScore}%`);
  return `${parts.join(', ')}.`;
}
