import { LmsError, certificateTimeline, reopenForRenewal, type Course, type CertificateTimeline } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { CERTIFICATES, type CertificateRecord } from './model.js';

/** A learner's certificates, newest first (optionally of one course). */
export async function listCertificates(storage: StorageAdapter, learnerId: string, courseId?: string): Promise<CertificateRecord[]> {
  const records = await storage.listRecords<CertificateRecord>(CERTIFICATES, { learnerId, courseId });
  return records.sort((a, b) => String(b.issuedAt).localeCompare(String(a.issuedAt)));
}

/** The learner's latest certificate of a course: the one in force, or the last one renewed or expired. */
export async function latestCertificate(
  storage: StorageAdapter,
  learnerId: string,
  courseId: string,
): Promise<CertificateRecord | undefined> {
  return (await listCertificates(storage, learnerId, courseId))[0];
}

export function findCertificate(storage: StorageAdapter, id: string): Promise<CertificateRecord | undefined> {
  return storage.getRecord<CertificateRecord>(CERTIFICATES, id);
}

/** Where a certificate stands: `renewing` once a renewal reopened its course, otherwise its timeline. */
export function certificateState(record: CertificateRecord, now = new Date(), remindDays?: number): CertificateTimeline | 'renewing' {
  const timeline = certificateTimeline(record.expiresAt, now, remindDays ?? record.remindDays);
  return record.renewedAt && timeline !== 'valid' ? 'renewing' : timeline;
}

/** Marks a certificate revoked in this store; verification then reports it as revoked. */
export async function revokeCertificate(
  storage: StorageAdapter,
  id: string,
  reason?: string,
  now = new Date(),
): Promise<CertificateRecord> {
  const record = await findCertificate(storage, id);
  if (!record) throw new LmsError('certificate/not-found', `No certificate ${id} in this store.`);
  const revoked: CertificateRecord = { ...record, revoked: { at: now.toISOString(), ...(reason ? { reason } : {}) } };
  await storage.putRecord(CERTIFICATES, revoked);
  return revoked;
}

/**
 * Starts the renewal of a certificate: reopens the course, or its recertification module, per the
 * course's rule (in the progress record's transaction, keeping the old completion in its history),
 * and notes the renewal on the certificate, which stays in the learner's history. Completing the
 * reopened lessons issues the new certificate.
 */
export async function renewCertificate(
  storage: StorageAdapter,
  course: Course,
  record: CertificateRecord,
  now = new Date(),
): Promise<void> {
  const key = { learnerId: record.learnerId, courseId: record.courseId };
  if (course.id !== record.courseId) throw new LmsError('certificate/invalid', `Certificate ${record.id} is not of course ${course.id}.`);
  if (!(await storage.getProgress(key))) throw new LmsError('certificate/not-found', `No progress of ${record.learnerId} in ${course.id}.`);
  await storage.updateProgress(key, (current) => (current ? reopenForRenewal(current, course, record.id, now) : (current as never)));
  if (!record.renewedAt) await storage.putRecord(CERTIFICATES, { ...record, renewedAt: now.toISOString() });
}
