/**
 * The learner's dashboard across courses, computed without I/O from the catalog items and their
 * certificates: what is assigned (and overdue), what is in progress, what was completed lately, and
 * certificates with their expiry.
 */
import { DEFAULT_REMIND_DAYS, certificateTimeline, type CatalogEntry, type CertificateTimeline } from '@lms-kit/core';
import type { CatalogItem } from './catalog-items.js';

/** The fields of a stored certificate the dashboard reads (`CertificateRecord` of `@lms-kit/certificates`). */
export interface CertificateSummary {
  id: string;
  courseId: string;
  courseTitle: string;
  issuedAt: string;
  expiresAt?: string;
  remindDays?: number;
  revoked?: unknown;
  renewedAt?: string;
}

export interface CertificateItem {
  certificate: CertificateSummary;
  timeline: CertificateTimeline;
  /** The catalog entry of its course, for a "renew" link. */
  entry?: CatalogEntry;
}

export interface MyLearning {
  /** Assigned and not completed, soonest due first (overdue at the top). */
  assigned: CatalogItem[];
  /** Chosen by the learner (not assigned): started ones most recently active first, then those not started yet. */
  inProgress: CatalogItem[];
  /** Completed within `recentDays`, newest first. */
  completed: CatalogItem[];
  /** Current certificates (not revoked, not replaced by a renewal), the most urgent first. */
  certificates: CertificateItem[];
}

/** Where "continue" takes the learner: the course, the lesson to resume, and the course page when the catalog gives one. */
export interface ContinueTarget {
  courseId: string;
  lessonId?: string;
  href?: string;
}

export function continueTarget(item: CatalogItem): ContinueTarget {
  return {
    courseId: item.entry.id,
    ...(item.resumeLessonId ? { lessonId: item.resumeLessonId } : {}),
    ...(item.entry.url ? { href: item.entry.url } : {}),
  };
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);

export function myLearning(items: CatalogItem[], certificates: CertificateSummary[], now: Date, recentDays = 90): MyLearning {
  const due = (item: CatalogItem) => time(item.enrollment?.dueAt) || Infinity;
  const assigned = items.filter((i) => i.enrollment?.assigned && i.status !== 'completed').sort((a, b) => due(a) - due(b));
  // Chosen by the learner (not assigned): started, or enrolled and not started yet (last).
  const inProgress = items
    .filter((i) => (i.status === 'in-progress' || i.status === 'enrolled') && !i.enrollment?.assigned)
    .sort((a, b) => time(b.progress?.updatedAt) - time(a.progress?.updatedAt));
  const since = now.getTime() - recentDays * 86_400_000;
  const completed = items
    .filter((i) => i.status === 'completed' && time(i.progress?.completedAt ?? i.progress?.updatedAt) >= since)
    .sort((a, b) => time(b.progress?.completedAt) - time(a.progress?.completedAt));
  const entries = new Map(items.map((i) => [i.entry.id, i.entry]));
  const rank: Record<CertificateTimeline, number> = { expired: 0, expiring: 1, valid: 2 };
  const current = certificates
    .filter((c) => !c.revoked && !c.renewedAt)
    .map((certificate) => ({
      certificate,
      timeline: certificateTimeline(certificate.expiresAt, now, certificate.remindDays ?? DEFAULT_REMIND_DAYS),
      entry: entries.get(certificate.courseId),
    }))
    .sort(
      (a, b) =>
        rank[a.timeline] - rank[b.timeline] || (time(a.certificate.expiresAt) || Infinity) - (time(b.certificate.expiresAt) || Infinity),
    );
  return { assigned, inProgress, completed, certificates: current };
}
