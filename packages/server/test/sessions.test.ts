import { expect } from '@open-wc/testing';
import type { CourseProgress, LmsError } from '@lms-kit/core';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/** Session bookings on real PostgreSQL: seats counted under a lock, the waiting list in order, attendance by instructors only. */
const mail = (n: string) => `mailto:${n}@example.com`;
const enc = encodeURIComponent;
const ref = { courseId: 'blended', lessonId: 'workshop' };

async function person(endpoint: string, tenant: string, who: string, roles: Array<'learner' | 'instructor' | 'admin'> = ['learner']) {
  const token = await tokenFor({ sub: mail(who), tenant, roles, name: who[0].toUpperCase() + who.slice(1) });
  return { token, storage: new HttpStorageAdapter({ endpoint, token }) };
}

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return (error as LmsError).code;
  }
  return 'none';
};

describe('server on postgres: session bookings', function () {
  this.timeout(90_000);
  let endpoint: string;
  before(async function () {
    this.timeout(180_000);
    [endpoint] = await lmsServer('postgres');
  });

  /** A tenant where Ian teaches the course, Gil teaches the group "evening" (Eve, Fay) enrolled in it, Olga teaches another course. */
  async function seeded(seats: { capacity: number; waitingList?: boolean }) {
    const tenant = freshTenant('sessions');
    const admin = await person(endpoint, tenant, 'admin', ['admin']);
    const ok = async (method: string, path: string, body: unknown) =>
      expect((await call(endpoint, admin.token, method, path, body)).status).to.equal(204);
    await ok('PUT', 'v1/courses/blended', { title: 'Blended', instructors: [mail('ian')] });
    await ok('PUT', 'v1/courses/other', { title: 'Other', instructors: [mail('olga')] });
    await ok('PUT', 'v1/groups/evening', { name: 'Evening' });
    for (const who of ['eve', 'fay']) await ok('PUT', `v1/groups/evening/members/${enc(mail(who))}`, {});
    await ok('PUT', `v1/groups/evening/members/${enc(mail('gil'))}`, { role: 'instructor' });
    await ok('POST', 'v1/enrollments', { courseId: 'blended', groupId: 'evening' });
    const ian = await person(endpoint, tenant, 'ian', ['instructor']);
    const gil = await person(endpoint, tenant, 'gil', ['instructor']);
    const olga = await person(endpoint, tenant, 'olga', ['instructor']);
    const learner = (who: string) => person(endpoint, tenant, who);
    expect(await failure((await learner('ada')).storage.sessions.book(ref))).to.equal('session/not-open');
    await ian.storage.sessions.open(ref, seats);
    return { tenant, admin, ian, gil, olga, learner };
  }

  it('gives the last seats to exactly as many of the learners racing for them', async () => {
    const { ian, learner } = await seeded({ capacity: 3 });
    const racers = await Promise.all(Array.from({ length: 12 }, (_, i) => learner(`racer${i}`)));
    const outcomes = await Promise.all(
      racers.map(({ storage }) =>
        storage.sessions.book(ref).then(
          (s) => s.status,
          (e: LmsError) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'booked')).to.have.length(3);
    expect(outcomes.filter((o) => o === 'session/full')).to.have.length(9);
    const list = await ian.storage.sessions.list(ref);
    expect(list.items.map((b) => b.status)).to.deep.equal(['booked', 'booked', 'booked']);
    expect(list.seatsLeft).to.equal(0);
    // Booking twice keeps one seat.
    const winner = racers[outcomes.indexOf('booked')];
    expect(await winner.storage.sessions.book(ref)).to.include({ status: 'booked', seatsLeft: 0 });
    expect((await ian.storage.sessions.list(ref)).items).to.have.length(3);
    // A capacity below the seats booked is refused; the seats stay as they were.
    expect(await failure(ian.storage.sessions.open(ref, { capacity: 2 }))).to.equal('session/capacity-below-booked');
    expect(await ian.storage.sessions.list(ref)).to.include({ capacity: 3, seatsLeft: 0 });
  });

  it('queues learners once the session is full and promotes them in order when a seat is freed', async () => {
    const { ian, learner } = await seeded({ capacity: 1, waitingList: true });
    const [ada, bob, cy] = await Promise.all(['ada', 'bob', 'cy'].map(learner));
    expect(await ada.storage.sessions.book(ref)).to.include({ status: 'booked', seatsLeft: 0 });
    expect(await bob.storage.sessions.book(ref)).to.include({ status: 'waiting', position: 1 });
    expect(await cy.storage.sessions.book(ref)).to.include({ status: 'waiting', position: 2 });
    expect(await ada.storage.sessions.cancel(ref)).to.include({ status: 'none', seatsLeft: 0 });
    expect(await bob.storage.sessions.state(ref)).to.include({ status: 'booked' });
    expect(await cy.storage.sessions.state(ref)).to.include({ status: 'waiting', position: 1 });
    // The waiting learner leaving the queue frees no seat.
    expect(await cy.storage.sessions.cancel(ref)).to.include({ status: 'none', seatsLeft: 0 });
    expect(await bob.storage.sessions.cancel(ref)).to.include({ status: 'none', seatsLeft: 1 });
    expect((await ian.storage.sessions.list(ref)).items).to.deep.equal([]);
    // Turning the waiting list off: the next learner finds the session full.
    await ada.storage.sessions.book(ref);
    await ian.storage.sessions.open(ref, { capacity: 1, waitingList: false });
    expect(await failure(bob.storage.sessions.book(ref))).to.equal('session/full');
  });

  it('lets only the instructors of the course or of the learner’s group see bookings and mark attendance, which completes the lesson', async () => {
    const { admin, ian, gil, olga, learner } = await seeded({ capacity: 5 });
    const [ada, eve, fay] = await Promise.all(['ada', 'eve', 'fay'].map(learner));
    for (const who of [ada, eve, fay]) await who.storage.sessions.book(ref);
    const attendance = (who: { token: string }, learnerId: string, attended = true) =>
      call(endpoint, who.token, 'PUT', `v1/sessions/blended/workshop/attendance/${enc(learnerId)}`, { attended });

    // Refused, and nothing changes: a learner, an instructor of another course, a group instructor for a learner outside the group.
    expect((await attendance(ada, mail('ada'))).status).to.equal(403);
    expect((await attendance(olga, mail('ada'))).status).to.equal(403);
    expect((await attendance(gil, mail('ada'))).status).to.equal(403);
    expect((await call(endpoint, ada.token, 'GET', 'v1/sessions/blended/workshop/bookings')).status).to.equal(403);
    expect((await call(endpoint, olga.token, 'GET', 'v1/sessions/blended/workshop/bookings')).status).to.equal(403);
    expect((await call(endpoint, ada.token, 'PUT', 'v1/sessions/blended/workshop', { capacity: 50 })).status).to.equal(403);
    expect((await ian.storage.sessions.list(ref)).items.map((b) => b.attended)).to.deep.equal([null, null, null]);
    expect(await ada.storage.getProgress({ learnerId: mail('ada'), courseId: 'blended' })).to.equal(undefined);

    // The group's instructor sees and marks the group's learners only.
    expect((await gil.storage.sessions.list(ref)).items.map((b) => b.name)).to.deep.equal(['Eve', 'Fay']);
    expect((await attendance(gil, mail('eve'))).status).to.equal(200);
    expect((await attendance(gil, mail('fay'), false)).status).to.equal(200);
    // The course's instructor marks anyone booked; a learner without a seat is 404.
    expect((await attendance(ian, mail('ada'))).status).to.equal(200);
    expect((await attendance(ian, mail('nobody'))).status).to.equal(404);

    const adaProgress = (await ada.storage.getProgress({ learnerId: mail('ada'), courseId: 'blended' })) as CourseProgress;
    expect(adaProgress.lessons.workshop).to.include({ status: 'completed' });
    expect(adaProgress.lessons.workshop.completedAt).to.be.a('string');
    expect(await fay.storage.getProgress({ learnerId: mail('fay'), courseId: 'blended' })).to.equal(undefined);
    expect(await ada.storage.sessions.state(ref)).to.include({ status: 'attended' });
    expect(await failure(ada.storage.sessions.cancel(ref))).to.equal('session/attended');

    // Attendance keeps a learner's own progress and only adds the lesson.
    await eve.storage.updateProgress({ learnerId: mail('eve'), courseId: 'blended' }, (current) => ({
      ...(current as CourseProgress),
      lessons: { ...(current as CourseProgress).lessons, intro: { status: 'completed', openedAt: 'x', timeSpentMs: 5 } },
    }));
    expect(Object.keys((await eve.storage.getProgress({ learnerId: mail('eve'), courseId: 'blended' }))!.lessons).sort()).to.deep.equal([
      'intro',
      'workshop',
    ]);

    const summary = await admin.storage.courseSummary('blended');
    expect(summary.sessions).to.deep.equal([{ lessonId: 'workshop', capacity: 5, booked: 3, waiting: 0, attended: 2 }]);
    expect(summary.lessons.find((l) => l.lessonId === 'workshop')).to.include({ completed: 2 });
    const evening = await gil.storage.courseSummary('blended', { groupId: 'evening' });
    expect(evening.sessions).to.deep.equal([{ lessonId: 'workshop', capacity: 5, booked: 2, waiting: 0, attended: 1 }]);
  });
});
