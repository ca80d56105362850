import { expect } from '@open-wc/testing';
import { foldLine, icsText, localToUtc, sessionIcs, sessionInterval, validateCourse, type SessionLesson } from '@lms-kit/core';

const session = (fields: Record<string, unknown> = {}) => ({
  id: 'workshop',
  kind: 'session',
  title: 'Hands-on workshop',
  startsAt: '2027-01-14T14:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  place: 'Room 2, 5 rue de la Paix; Paris',
  capacity: 12,
  waitingList: true,
  ...fields,
});

const courseWith = (lesson: Record<string, unknown>) => ({
  schema: 1,
  id: 'blended',
  title: 'Blended',
  modules: [{ id: 'm', title: 'M', lessons: [lesson] }],
});

const issues = (lesson: Record<string, unknown>) => validateCourse(courseWith(lesson)).map((i) => `${i.path}: ${i.message}`);

describe('session lessons: validation', () => {
  it('accepts a session in a room or at a meeting link', () => {
    expect(issues(session())).to.deep.equal([]);
    const { place: _place, ...virtual } = session({ meetingUrl: 'https://meet.example.org/abc' });
    expect(issues(virtual)).to.deep.equal([]);
  });

  it('names the path of every bad field', () => {
    const bad = session({
      startsAt: '2027-02-30T10:00',
      timeZone: 'Mars/Olympus',
      durationMinutes: 0,
      capacity: 2.5,
      waitingList: 'yes',
    });
    expect(issues(bad)).to.deep.equal([
      'modules[0].lessons[0].startsAt: is not a real date and time',
      'modules[0].lessons[0].timeZone: must be an IANA time zone such as "Europe/Paris", got "Mars/Olympus"',
      'modules[0].lessons[0].durationMinutes: must be at least 1',
      'modules[0].lessons[0].capacity: must be a whole number',
      'modules[0].lessons[0].waitingList: must be true or false, got a string',
    ]);
  });

  it('refuses a start with an offset, a skipped local time, no place and a script link', () => {
    expect(issues(session({ startsAt: '2027-01-14T14:00+01:00' }))[0]).to.match(
      /^modules\[0\]\.lessons\[0\]\.startsAt: must be a local ISO/,
    );
    // Clocks in Paris jump from 02:00 to 03:00 on 28 March 2027.
    expect(issues(session({ startsAt: '2027-03-28T02:30' }))).to.deep.equal([
      'modules[0].lessons[0].startsAt: does not exist in Europe/Paris (skipped by a clock change)',
    ]);
    const { place: _place, ...nowhere } = session();
    expect(issues(nowhere)).to.deep.equal(['modules[0].lessons[0].place: required (or give `meetingUrl`)']);
    expect(issues(session({ meetingUrl: 'javascript:alert(1)' }))).to.deep.equal([
      'modules[0].lessons[0].meetingUrl: must be an http(s) or relative URL, not a script URL',
    ]);
    expect(issues(session({ meetingUrl: '/relative' }))).to.deep.equal([
      'modules[0].lessons[0].meetingUrl: must be an absolute http(s) URL',
    ]);
  });
});

describe('session lessons: time zones', () => {
  it('reads a wall-clock time in its zone, across daylight saving', () => {
    expect(localToUtc('2027-01-14T14:00', 'Europe/Paris')?.toISOString()).to.equal('2027-01-14T13:00:00.000Z');
    expect(localToUtc('2027-07-14T14:00', 'Europe/Paris')?.toISOString()).to.equal('2027-07-14T12:00:00.000Z');
    expect(localToUtc('2027-01-14T09:30', 'America/New_York')?.toISOString()).to.equal('2027-01-14T14:30:00.000Z');
    expect(localToUtc('2027-01-14T09:30', 'Asia/Kolkata')?.toISOString()).to.equal('2027-01-14T04:00:00.000Z');
    // Repeated hour when clocks go back (31 October 2027 in Paris): the first of the two instants.
    expect(localToUtc('2027-10-31T02:30', 'Europe/Paris')?.toISOString()).to.equal('2027-10-31T00:30:00.000Z');
    expect(localToUtc('2027-03-28T02:30', 'Europe/Paris')).to.equal(undefined);
    const { start, end } = sessionInterval(session() as SessionLesson);
    expect(end.getTime() - start.getTime()).to.equal(90 * 60_000);
  });
});

describe('session lessons: .ics', () => {
  const now = new Date('2026-12-07T20:00:00Z');

  it('makes one VEVENT with UID, UTC times and escaped text, CRLF line ends', () => {
    const ics = sessionIcs(session({ description: 'Bring a laptop, a charger\nand questions' }) as SessionLesson, {
      courseId: 'blended',
      courseTitle: 'Blended',
      now,
      domain: 'learn.example.org',
    });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//LMS Kit//Sessions//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:session-blended-workshop@learn.example.org',
      'DTSTAMP:20261207T200000Z',
      'DTSTART:20270114T130000Z',
      'DTEND:20270114T143000Z',
      'SUMMARY:Hands-on workshop',
      'DESCRIPTION:Bring a laptop\\, a charger\\nand questions\\nBlended',
      'LOCATION:Room 2\\, 5 rue de la Paix\\; Paris',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('puts the meeting link as URL, unescaped', () => {
    const { place: _place, ...virtual } = session({ meetingUrl: 'https://meet.example.org/a,b?x=1;y=2' });
    const ics = sessionIcs(virtual as SessionLesson, { courseId: 'blended', now });
    expect(ics).to.include('\r\nURL:https://meet.example.org/a,b?x=1;y=2\r\n');
    expect(ics).to.include('\r\nLOCATION:https://meet.example.org/a\\,b?x=1\\;y=2\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    expect(icsText('a\\b')).to.equal('a\\\\b');
    const title = 'Atelier pratique : écrire des évaluations accessibles — deuxième partie, avec exercices 😀 et corrigés';
    const ics = sessionIcs(session({ title }) as SessionLesson, { courseId: 'blended', now });
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    for (const line of ics.split('\r\n')) expect(bytes(line)).to.be.at.most(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).to.include(`SUMMARY:${icsText(title)}`);
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`).split('\r\n ');
    expect(folded.length).to.equal(2);
    expect(bytes(folded[0])).to.equal(74); // 8 + 33 × 2: one more é would pass 75
  });
});
