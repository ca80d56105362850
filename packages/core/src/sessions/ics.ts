/**
 * The calendar file of a booked session (RFC 5545 iCalendar): one VEVENT with a stable UID (so a second
 * download updates the same calendar entry), times in UTC (no VTIMEZONE needed), TEXT values escaped
 * (`\\`, `;`, `,`, newlines) and lines folded at 75 octets without splitting a UTF-8 character.
 */
import type { SessionLesson } from './model.js';
import { sessionInterval } from './time.js';

export interface SessionIcsOptions {
  courseId: string;
  /** Course title, added to the event's description. */
  courseTitle?: string;
  /** Right-hand side of the UID, a domain of the site (default `lms-kit.invalid`). */
  domain?: string;
  /** Page of the course, added as the event's URL when there is no meeting link. */
  pageUrl?: string;
  /** DTSTAMP: when the file is made. */
  now?: Date;
}

/** `20270114T130000Z` */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A TEXT value escaped as RFC 5545 §3.3.11 says. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded at 75 octets (§3.1): continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = utf8Length(char.codePointAt(0)!);
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The `.ics` text of `session` (CRLF line ends). */
export function sessionIcs(session: SessionLesson, options: SessionIcsOptions): string {
  const { start, end } = sessionInterval(session);
  const domain = options.domain ?? 'lms-kit.invalid';
  const description = [session.description, options.courseTitle, session.instructor].filter(Boolean).join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LMS Kit//Sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(`session-${options.courseId}-${session.id}@${domain}`)}`,
    `DTSTAMP:${icsUtc(options.now ?? new Date())}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end)}`,
    `SUMMARY:${icsText(session.title)}`,
    ...(description ? [`DESCRIPTION:${icsText(description)}`] : []),
    ...(session.place ? [`LOCATION:${icsText(session.place)}`] : session.meetingUrl ? [`LOCATION:${icsText(session.meetingUrl)}`] : []),
    // URL is a URI value, not TEXT: no backslash escaping.
    ...(session.meetingUrl ? [`URL:${session.meetingUrl}`] : options.pageUrl ? [`URL:${options.pageUrl}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
