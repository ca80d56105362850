import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter, SESSION_BOOKINGS } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import { lessonView, renderPlayer, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

const course = (): Course => ({
  schema: 1,
  id: 'blended',
  title: 'Blended',
  modules: [
    {
      id: 'm1',
      title: 'Workshop',
      lessons: [
        {
          id: 'workshop',
          kind: 'session',
          title: 'Hands-on workshop',
          startsAt: '2027-01-14T14:00',
          timeZone: 'Asia/Tokyo',
          durationMinutes: 90,
          place: 'Room 2',
          capacity: 8,
          waitingList: true,
          instructor: 'Ian',
        },
      ],
    },
  ],
});

async function sessionView(player: LmsCoursePlayer, expected: string): Promise<HTMLElement> {
  await waitUntil(() => player.progress !== undefined && player.currentLessonId !== undefined, 'the course did not load', {
    timeout: 15000,
  });
  await player.updateComplete;
  const view = await lessonView(player);
  await waitUntil(() => text(view).includes(expected), 'the view did not change', { timeout: 15000 });
  return view;
}

const press = async (button: HTMLElement | null | undefined, key = 'Enter') => {
  button!.focus();
  await sendKeys({ press: key });
};

describe('<lms-session-lesson>', function () {
  this.timeout(60_000);

  it('books a seat in this browser only, says so, offers the .ics file and cancels, from the keyboard', async () => {
    const storage = new MemoryAdapter();
    const { player } = await renderPlayer(course(), storage);
    const view = await sessionView(player, 'Book a seat');
    expect(view.localName).to.equal('lms-session-lesson');
    (view as HTMLElement & { timeZone: string }).timeZone = 'America/New_York';
    await (view as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const details = view.shadowRoot!.querySelector('[part="details"]')!.textContent!.replace(/\s+/g, ' ');
    // The learner's time (New York here) and the session's (Tokyo, UTC+9).
    expect(details).to.contain('Thursday, January 14, 2027, 12:00 – 1:30 AM (EST) (your time)');
    expect(details).to.contain('Thursday, January 14, 2027, 2:00 – 3:30 PM (GMT+9) (time where the session takes place)');
    expect(details).to.contain('Place: Room 2');
    expect(details).to.contain('8 seats left of 8');
    expect(text(view)).to.contain('kept in this browser only');
    await expect(view).to.be.accessible();

    await press(view.shadowRoot!.querySelector('button[part="action"]'));
    await waitUntil(() => text(view).includes('You have a seat'), 'the view did not change', { timeout: 15000 });
    expect(text(view)).to.contain('7 seats left of 8');
    const link = view.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="calendar"]')!;
    expect(link.download).to.equal('workshop.ics');
    const ics = await (await fetch(link.href)).text();
    expect(ics).to.contain('\r\nUID:session-blended-workshop@');
    expect(ics).to.contain('\r\nDTSTART:20270114T050000Z\r\n');
    expect(ics).to.contain('\r\nSUMMARY:Hands-on workshop\r\n');
    expect(await storage.listRecords(SESSION_BOOKINGS)).to.have.length(1);
    await expect(view).to.be.accessible();

    await press(view.shadowRoot!.querySelector('button[part="action"]'));
    await waitUntil(() => text(view).includes('Book a seat'), 'the view did not change', { timeout: 15000 });
    expect(view.shadowRoot!.querySelector('a[part="calendar"]')).to.equal(null);
    expect(await storage.listRecords(SESSION_BOOKINGS)).to.have.length(0);
  });

  it('tells an instructor on browser storage that bookings and attendance need the server', async () => {
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ian@example.com" locale="en" .roles=${['instructor']} .storage=${new MemoryAdapter()}>
        <lms-course-player .course=${course()}></lms-course-player>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player')!;
    const view = await sessionView(player, 'Book a seat');
    expect(text(view)).to.contain('Bookings and attendance are not available here: they need the LMS server.');
    await expect(view).to.be.accessible();
  });

  describe('on a server', () => {
    let base: string;
    before(async function () {
      this.timeout(180_000);
      [base] = await lmsServer('postgres');
    });

    it('says when seats are not open, shares seats, and completes the lesson when the instructor marks attendance', async () => {
      const tenant = freshTenant('session-view');
      const admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
      const ian = 'mailto:ian@example.com';
      expect((await call(base, admin, 'PUT', 'v1/courses/blended', { title: 'Blended', instructors: [ian] })).status).to.equal(204);
      const ada = new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: 'mailto:ada@example.com', tenant, name: 'Ada' }) });

      const closed = await renderPlayer(course(), ada);
      await sessionView(closed.player, 'Booking for this session has not opened yet.');
      closed.provider.remove();

      const instructor = new HttpStorageAdapter({
        endpoint: base,
        token: await tokenFor({ sub: ian, tenant, name: 'Ian', roles: ['instructor'] }),
      });
      await instructor.sessions.open({ courseId: 'blended', lessonId: 'workshop' }, { capacity: 1, waitingList: true });
      const { player } = await renderPlayer(course(), ada);
      const view = await sessionView(player, 'Book a seat');
      expect(text(view)).not.to.contain('kept in this browser only');
      await press(view.shadowRoot!.querySelector('button[part="action"]'));
      await waitUntil(() => text(view).includes('You have a seat'), 'the view did not change', { timeout: 15000 });
      expect(text(view)).to.contain('No seats left of 1');

      // The instructor's view: the bookings table; ticking "Attended" with Space completes Ada's lesson on the server.
      const teacher = await fixture<LmsProvider>(
        html`<lms-provider learner-email="ian@example.com" locale="en" .storage=${instructor}>
          <lms-course-player .course=${course()}></lms-course-player>
        </lms-provider>`,
      );
      const teacherView = await sessionView(teacher.querySelector('lms-course-player')!, 'Join the waiting list');
      await waitUntil(() => teacherView.shadowRoot!.querySelector('table[part="bookings"]'), 'the view did not change', { timeout: 15000 });
      const box = teacherView.shadowRoot!.querySelector<HTMLInputElement>('table[part="bookings"] input[type="checkbox"]')!;
      expect(box.getAttribute('aria-label')).to.equal('Attended: Ada');
      await expect(teacherView).to.be.accessible();
      await press(box, 'Space');
      await waitUntil(
        async () =>
          (await ada.getProgress({ learnerId: 'mailto:ada@example.com', courseId: 'blended' }))?.lessons.workshop?.status === 'completed',
        'not completed',
        { timeout: 15000 },
      );
      teacher.remove();

      // The course report counts seats and attendance.
      const reports = await fixture<LmsProvider>(
        html`<lms-provider learner-email="ian@example.com" locale="en" .storage=${instructor}>
          <lms-report view="course" course="blended"></lms-report>
        </lms-provider>`,
      );
      const report = reports.querySelector('lms-report')!;
      await waitUntil(() => report.shadowRoot?.querySelector('#table-sessions'), 'no sessions table', { timeout: 15000 });
      const cells = [...report.shadowRoot!.querySelectorAll('#table-sessions tbody tr')].map((tr) =>
        [...tr.children].map((cell) => cell.textContent!.trim()),
      );
      expect(report.shadowRoot!.querySelector('#table-sessions caption')!.textContent).to.contain('Sessions: seats and attendance');
      expect(cells).to.deep.equal([['workshop', '1', '1', '0', '1']]);
      await expect(report).to.be.accessible();
      reports.remove();

      const again = await renderPlayer(
        course(),
        new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: 'mailto:ada@example.com', tenant, name: 'Ada' }) }),
      );
      await sessionView(again.player, 'You attended this session.');
      await waitForStatus(again.player, 'workshop', 'completed');
    });
  });
});
