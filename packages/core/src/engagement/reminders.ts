/**
 * Reminders a learner is due, computed from their records (pure): a course due soon or overdue (the
 * enrollment's due date), a certificate expiring or expired (the renewal window of
 * `certificateTimeline`), a started course not touched for some days. The same reminder keeps the same
 * `key`, so a sender (the page's notification centre, the server's job) can tell it was already sent.
 */
import { certificateTimeline, DEFAULT_REMIND_DAYS } from '../progress/certification.js';

const DAY = 86_400_000;

export type ReminderKind = 'due-soon' | 'overdue' | 'certificate-expiring' | 'certificate-expired' | 'idle';

export interface ReminderEnrollment {
  courseId: string;
  title?: string;
  dueAt?: string;
  completed: boolean;
  /** When the learner last worked on the course; none when not started. */
  lastActivityAt?: string;
}

export interface ReminderCertificate {
  id: string;
  courseId: string;
  title?: string;
  expiresAt?: string;
  /** Renewed since (a newer certificate of the course): nothing to remind. */
  renewed?: boolean;
}

export interface ReminderOptions {
  /** A due date this many days away or less is "due soon" (default 7). */
  dueSoonDays?: number;
  /** A started, unfinished course untouched this many days is "idle" (default 14; 0 turns it off). */
  idleDays?: number;
  /** A certificate this many days from expiry is "expiring" (default the certificates' own, 30). */
  remindDays?: number;
}

export interface Reminder {
  /** Stable for the same reminder: kind, course, and the date it is about (a new due date is a new reminder). */
  key: string;
  kind: ReminderKind;
  courseId: string;
  title?: string;
  /** The date it is about: due date, expiry, last activity. */
  at: string;
  certificateId?: string;
}

const URGENCY: Record<ReminderKind, number> = { overdue: 0, 'certificate-expired': 1, 'due-soon': 2, 'certificate-expiring': 3, idle: 4 };

export function dueReminders(
  records: { enrollments?: ReminderEnrollment[]; certificates?: ReminderCertificate[] },
  now: Date,
  options: ReminderOptions = {},
): Reminder[] {
  const { dueSoonDays = 7, idleDays = 14, remindDays = DEFAULT_REMIND_DAYS } = options;
  const reminders: Reminder[] = [];
  const add = (kind: ReminderKind, courseId: string, at: string, title?: string, certificateId?: string) =>
    reminders.push({
      key: `${kind}|${courseId}|${at}`,
      kind,
      courseId,
      at,
      ...(title ? { title } : {}),
      ...(certificateId ? { certificateId } : {}),
    });
  for (const e of records.enrollments ?? []) {
    if (e.completed) continue;
    const due = e.dueAt ? Date.parse(e.dueAt) : NaN;
    if (due <= now.getTime()) add('overdue', e.courseId, e.dueAt!, e.title);
    else if (due - now.getTime() <= dueSoonDays * DAY) add('due-soon', e.courseId, e.dueAt!, e.title);
    else if (idleDays > 0 && e.lastActivityAt && now.getTime() - Date.parse(e.lastActivityAt) >= idleDays * DAY)
      add('idle', e.courseId, e.lastActivityAt, e.title);
  }
  for (const c of records.certificates ?? []) {
    if (c.renewed || !c.expiresAt) continue;
    const timeline = certificateTimeline(c.expiresAt, now, remindDays);
    if (timeline !== 'valid')
      add(timeline === 'expired' ? 'certificate-expired' : 'certificate-expiring', c.courseId, c.expiresAt, c.title, c.id);
  }
  return reminders.sort((a, b) => URGENCY[a.kind] - URGENCY[b.kind] || a.at.localeCompare(b.at));
}
