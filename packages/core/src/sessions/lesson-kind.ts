import type { LessonKindDefinition } from '../course/lesson-kinds.js';
import { localToUtc } from './time.js';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether the runtime knows `zone` as an IANA time zone (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** Whether `value` is a real wall-clock date-time (`2027-02-30T10:00` is not). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

/**
 * The `session` lesson kind (see `SessionLesson`): a start in an IANA time zone, a duration, a place
 * or a meeting link, a capacity and an optional waiting list.
 */
export const sessionLessonKind: LessonKindDefinition = {
  kind: 'session',
  validate(lesson) {
    const startsAt = lesson.string('startsAt', {
      required: true,
      pattern: LOCAL_DATE_TIME,
      patternHint: 'must be a local ISO date-time without offset, such as "2027-01-14T14:00" (the zone goes in timeZone)',
    });
    if (startsAt !== undefined && !isLocalDateTime(startsAt)) lesson.report.add(lesson.at('startsAt'), 'is not a real date and time');
    const zone = lesson.string('timeZone', { required: true });
    if (zone !== undefined && !isTimeZone(zone))
      lesson.report.add(lesson.at('timeZone'), `must be an IANA time zone such as "Europe/Paris", got "${zone}"`);
    else if (zone !== undefined && startsAt !== undefined && isLocalDateTime(startsAt) && !localToUtc(startsAt, zone))
      lesson.report.add(lesson.at('startsAt'), `does not exist in ${zone} (skipped by a clock change)`);
    lesson.number('durationMinutes', { required: true, integer: true, min: 1, max: 7 * 24 * 60 });
    const place = lesson.string('place');
    const link = lesson.url('meetingUrl');
    if (lesson.has('meetingUrl') && link !== undefined && !/^https?:\/\//i.test(link.trim()))
      lesson.report.add(lesson.at('meetingUrl'), 'must be an absolute http(s) URL');
    if (!lesson.has('place') && !lesson.has('meetingUrl')) lesson.report.add(lesson.at('place'), 'required (or give `meetingUrl`)');
    else if (place !== undefined && place.trim() === '') lesson.report.add(lesson.at('place'), 'must not be empty');
    lesson.number('capacity', { required: true, integer: true, min: 1, max: 100_000 });
    lesson.boolean('waitingList');
    lesson.string('instructor');
  },
};
