import { expect } from '@open-wc/testing';
import { call, freshTenant, type Claims } from '../helpers/server.js';

/**
 * The HTTP protocol of the server of record (what `HttpStorageAdapter` and the management elements
 * rely on): status codes, error bodies, roles and tenants. Any implementation runs it against its
 * base URL with tokens it accepts: `@lms-kit/server` (packages/server/test/roles.test.ts) and the
 * WordPress plugin (test/wordpress/protocol.test.ts), so the two never drift.
 */
export interface ProtocolTarget {
  /** Base URL the `v1/…` paths resolve against (started on first call). */
  base(): Promise<string>;
  /** A token the implementation accepts for these claims. */
  token(claims: Claims, expiresIn?: string): Promise<string>;
  /** Whether it publishes its OpenAPI document at `openapi.json` beside `v1/`. */
  openapi: boolean;
  /** Whether it runs batches of writes (`POST v1/batch`); optional for an implementation. */
  batch?: boolean;
  /** Whether it offers the session booking routes (`v1/sessions/…`, blended learning). */
  sessions: boolean;
}

const now = '2026-01-01T00:00:00.000Z';
const progress = (learnerId: string, courseId: string, timeSpentMs = 0) => ({
  learnerId,
  courseId,
  registration: 'r',
  lessons: {},
  timeSpentMs,
  startedAt: now,
  updatedAt: now,
});
const enc = encodeURIComponent;
const ada = 'mailto:ada@example.com';
const bob = 'mailto:bob@example.com';
const cy = 'mailto:cy@example.com';
const ian = 'mailto:ian@example.com';

export function runProtocolSuite(name: string, target: ProtocolTarget): void {
  describe(`${name}: protocol, roles and tenants`, function () {
    this.timeout(60_000);
    const tokenFor = (claims: Claims, expiresIn?: string) => target.token(claims, expiresIn);
    let base: string;
    let tenant: string;
    let admin: string;
    let learner: string;
    let instructor: string;

    before(async function () {
      this.timeout(180_000);
      base = await target.base();
    });

    beforeEach(async () => {
      tenant = freshTenant('roles');
      admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
      learner = await tokenFor({ sub: ada, tenant, roles: ['learner'] });
      instructor = await tokenFor({ sub: ian, tenant, roles: ['instructor'] });
      // Ian teaches the group "bakers" (Ada) and the course "knife-skills"; Bob is in no group of his.
      expect((await call(base, admin, 'PUT', 'v1/groups/bakers', { name: 'Bakers' })).status).to.equal(204);
      expect((await call(base, admin, 'PUT', `v1/groups/bakers/members/${enc(ada)}`, {})).status).to.equal(204);
      expect((await call(base, admin, 'PUT', `v1/groups/bakers/members/${enc(ian)}`, { role: 'instructor' })).status).to.equal(204);
      expect((await call(base, admin, 'PUT', 'v1/courses/knife-skills', { title: 'Knife skills', instructors: [ian] })).status).to.equal(
        204,
      );
      expect((await call(base, admin, 'POST', 'v1/enrollments', { courseId: 'knife-skills', learnerId: cy })).status).to.equal(204);
      for (const who of [ada, bob, cy]) {
        const answer = await call(base, admin, 'PUT', `v1/progress/${enc(who)}/food-safety`, { value: progress(who, 'food-safety', 5) });
        expect(answer.status).to.equal(200);
      }
    });

    const bobsProgress = async () => (await call(base, admin, 'GET', `v1/progress/${enc(bob)}/food-safety`)).body;

    // Only for servers that publish the document (both do): not a skipped test in CI.
    if (target.openapi)
      it('publishes its protocol at /openapi.json', async () => {
        const doc = await (await fetch(new URL('openapi.json', base))).json();
        expect(doc.openapi).to.equal('3.1.0');
        const put = doc.paths['/v1/progress/{learner}/{course}'].put;
        expect(put.requestBody.content['application/json'].schema.properties.value.required).to.include.members([
          'learnerId',
          'courseId',
          'lessons',
        ]);
        expect(doc.paths['/v1/reports/courses/{course}/summary'].get.tags).to.deep.equal(['reports']);
        if (target.batch)
          expect(doc.paths['/v1/batch'].post.requestBody.content['application/json'].schema.properties).to.have.property('items');
      });

    // Only for servers that run batches (optional in the protocol): not a skipped test in CI.
    if (target.batch)
      it('runs a batch of writes in order, each with its own precondition, role check and result', async () => {
        const read = await call(base, learner, 'GET', `v1/progress/${enc(ada)}/food-safety`);
        const version = read.body.version as number;
        const put = (who: string, course: string, time: number, precondition: Record<string, string> = {}) => ({
          method: 'PUT',
          path: `v1/progress/${enc(who)}/${course}`,
          body: { value: progress(who, course, time) },
          ...precondition,
        });
        const answer = await call(base, learner, 'POST', 'v1/batch', {
          items: [
            put(ada, 'food-safety', 10, { ifMatch: `"${version}"` }),
            put(ada, 'food-safety', 99, { ifMatch: `"${version}"` }), // read before the first item: stale
            put(ada, 'knife-skills', 1, { ifNoneMatch: '*' }),
            put(bob, 'food-safety', 77), // not hers
            { method: 'PUT', path: 'v1/values/theme', body: { value: 'dark' } },
          ],
        });
        expect(answer.status).to.equal(200);
        const results = answer.body.results as Array<{
          status: number;
          etag?: string;
          body?: { version?: number; error?: { code: string }; current?: { version: number } };
        }>;
        expect(results.map((r) => r.status)).to.deep.equal([200, 412, 200, 403, 204]);
        expect(results[0].etag).to.equal(`"${version + 1}"`);
        expect(results[1].body?.error?.code).to.equal('storage/conflict');
        expect(results[1].body?.current?.version).to.equal(version + 1);
        expect(results[3].body?.error?.code).to.equal('auth/forbidden');
        expect((await call(base, learner, 'GET', `v1/progress/${enc(ada)}/food-safety`)).body.value.timeSpentMs).to.equal(10);
        expect((await call(base, learner, 'GET', `v1/progress/${enc(ada)}/knife-skills`)).body.value.timeSpentMs).to.equal(1);
        expect((await bobsProgress()).value.timeSpentMs).to.equal(5);
        expect((await call(base, learner, 'GET', 'v1/values/theme')).body.value).to.equal('dark');
        // Only the learner-data writes, at most 100: anything else refuses the whole batch before running any item.
        const admin = await call(base, learner, 'POST', 'v1/batch', { items: [{ method: 'PUT', path: 'v1/groups/mine', body: {} }] });
        expect(admin.status).to.equal(400);
        expect(admin.body.error.code).to.equal('server/invalid-request');
        const tooMany = await call(base, learner, 'POST', 'v1/batch', {
          items: Array.from({ length: 101 }, () => put(ada, 'food-safety', 1)),
        });
        expect(tooMany.status).to.equal(400);
        expect((await call(base, learner, 'GET', `v1/progress/${enc(ada)}/food-safety`)).body.value.timeSpentMs).to.equal(10);
      });

    it('refuses requests without a valid token (401) and bodies that break the schema or the size limit', async () => {
      const none = await fetch(new URL(`v1/progress/${enc(ada)}/food-safety`, base));
      expect(none.status).to.equal(401);
      expect((await none.json()).error.code).to.equal('auth/unauthenticated');
      expect((await call(base, 'not.a.jwt', 'GET', `v1/progress/${enc(ada)}/food-safety`)).status).to.equal(401);
      const expired = await tokenFor({ sub: ada, tenant }, '-1m');
      expect((await call(base, expired, 'GET', `v1/progress/${enc(ada)}/food-safety`)).body.error.code).to.equal('auth/unauthenticated');

      const invalid = await call(base, learner, 'PUT', `v1/progress/${enc(ada)}/food-safety`, { value: { learnerId: ada } });
      expect(invalid.status).to.equal(400);
      expect(invalid.body.error.code).to.equal('server/invalid-request');
      expect(invalid.body.error.issues.map((i: { path: string }) => i.path)).to.include('body.value.courseId');
      const huge = await call(base, learner, 'PUT', `v1/values/big`, { value: 'x'.repeat(2 * 1024 * 1024) });
      expect(huge.status).to.equal(413);
      expect(huge.body.error.code).to.equal('server/payload-too-large');
    });

    it('lets a learner read and write only their own records', async () => {
      expect((await call(base, learner, 'GET', `v1/progress/${enc(ada)}/food-safety`)).status).to.equal(200);
      const before = await bobsProgress();
      const forbidden = [
        await call(base, learner, 'GET', `v1/progress/${enc(bob)}/food-safety`),
        await call(base, learner, 'PUT', `v1/progress/${enc(bob)}/food-safety`, { value: progress(bob, 'food-safety', 999) }),
        await call(base, learner, 'GET', `v1/progress?learner=${enc(bob)}`),
        await call(base, learner, 'GET', `v1/attempts?learner=${enc(bob)}`),
        await call(base, learner, 'PUT', 'v1/attempts/x', {
          id: 'x',
          learnerId: bob,
          courseId: 'c',
          activityId: 'q',
          status: 'completed',
          startedAt: now,
          updatedAt: now,
        }),
        await call(base, learner, 'PUT', 'v1/records/certificates/c9', { id: 'c9', learnerId: bob }),
        await call(base, learner, 'GET', `v1/records/certificates?learner=${enc(bob)}`),
        await call(base, learner, 'PUT', 'v1/groups/bakers', { name: 'Mine now' }),
        await call(base, learner, 'POST', 'v1/enrollments', { courseId: 'knife-skills', learnerId: ada }),
        await call(base, learner, 'DELETE', `v1/learners/${enc(bob)}`),
        await call(base, learner, 'GET', `v1/learners/${enc(bob)}/export`),
        await call(base, learner, 'GET', 'v1/reports/courses/food-safety/summary'),
        await call(base, learner, 'GET', 'v1/audit'),
      ];
      expect(forbidden.map((a) => a.status)).to.deep.equal(forbidden.map(() => 403));
      expect(forbidden.every((a) => a.body.error.code === 'auth/forbidden')).to.equal(true);
      expect(await bobsProgress()).to.deep.equal(before);
      expect((await call(base, admin, 'GET', `v1/attempts?learner=${enc(bob)}`)).body.items).to.deep.equal([]);
      expect((await call(base, admin, 'GET', 'v1/records/certificates')).body.items).to.deep.equal([]);
      const report = await call(base, learner, 'GET', 'v1/reports/progress?course=food-safety');
      expect(report.body.items.map((r: { learnerId: string }) => r.learnerId)).to.deep.equal([ada]);
    });

    it('lets an instructor read the learners they teach and grade their attempts, and nothing more', async () => {
      expect((await call(base, instructor, 'GET', `v1/progress/${enc(ada)}/food-safety`)).status).to.equal(200);
      expect((await call(base, instructor, 'GET', `v1/progress/${enc(cy)}/food-safety`)).status).to.equal(200);
      const attempt = {
        id: 'a1',
        learnerId: ada,
        courseId: 'food-safety',
        activityId: 'quiz',
        status: 'pending-grading',
        startedAt: now,
        updatedAt: now,
      };
      expect((await call(base, learner, 'PUT', 'v1/attempts/a1', attempt)).status).to.equal(204);
      expect((await call(base, instructor, 'PUT', 'v1/attempts/a1', { ...attempt, status: 'completed', score: 0.8 })).status).to.equal(204);
      expect((await call(base, learner, 'GET', 'v1/attempts/a1')).body.score).to.equal(0.8);

      const before = await bobsProgress();
      const forbidden = [
        await call(base, instructor, 'GET', `v1/progress/${enc(bob)}/food-safety`),
        await call(base, instructor, 'PUT', `v1/progress/${enc(ada)}/food-safety`, { value: progress(ada, 'food-safety', 1) }),
        await call(base, instructor, 'PUT', 'v1/attempts/b1', { ...attempt, id: 'b1', learnerId: bob }),
        await call(base, instructor, 'GET', 'v1/reports/courses/food-safety/summary'),
        await call(base, instructor, 'PUT', 'v1/courses/knife-skills', { title: 'Renamed' }),
      ];
      expect(forbidden.map((a) => a.status)).to.deep.equal(forbidden.map(() => 403));
      expect(await bobsProgress()).to.deep.equal(before);
      expect((await call(base, admin, 'GET', `v1/progress/${enc(ada)}/food-safety`)).body.value.timeSpentMs).to.equal(5);
      expect((await call(base, instructor, 'GET', 'v1/reports/courses/knife-skills/summary')).status).to.equal(200);
      const seen = await call(base, instructor, 'GET', 'v1/reports/progress?course=food-safety');
      expect(seen.body.items.map((r: { learnerId: string }) => r.learnerId)).to.deep.equal([ada, cy]);
    });

    it('keeps tenants apart: another site’s admin and learners see none of this one’s data', async () => {
      const other = freshTenant('other');
      const otherAdmin = await tokenFor({ sub: 'mailto:admin@example.com', tenant: other, roles: ['admin'] });
      const sameLearnerElsewhere = await tokenFor({ sub: ada, tenant: other });
      expect((await call(base, otherAdmin, 'GET', `v1/progress/${enc(bob)}/food-safety`)).status).to.equal(404);
      expect((await call(base, sameLearnerElsewhere, 'GET', `v1/progress/${enc(ada)}/food-safety`)).status).to.equal(404);
      expect((await call(base, otherAdmin, 'GET', 'v1/reports/progress')).body.items).to.deep.equal([]);
      expect((await call(base, otherAdmin, 'GET', 'v1/reports/courses/food-safety/summary')).body.started).to.equal(0);
      // Writing the same keys in the other tenant changes nothing here.
      await call(base, otherAdmin, 'PUT', `v1/progress/${enc(bob)}/food-safety`, { value: progress(bob, 'food-safety', 777) });
      expect((await bobsProgress()).value.timeSpentMs).to.equal(5);
    });

    it('enrolls learners and groups, with due dates and self-enrollment where a course allows it', async () => {
      const due = '2026-03-01T00:00:00.000Z';
      expect(
        (await call(base, admin, 'POST', 'v1/enrollments', { courseId: 'food-safety', groupId: 'bakers', dueAt: due })).status,
      ).to.equal(204);
      const mine = await call(base, learner, 'GET', `v1/learners/${enc(ada)}/enrollments`);
      expect(mine.body.items).to.have.length(1);
      expect(mine.body.items[0].courseId).to.equal('food-safety');
      expect(new Date(mine.body.items[0].dueAt).toISOString()).to.equal(due);
      expect((await call(base, learner, 'POST', 'v1/enrollments', { courseId: 'bread', learnerId: ada })).status).to.equal(403);
      await call(base, admin, 'PUT', 'v1/courses/bread', { title: 'Bread', selfEnroll: true });
      expect((await call(base, learner, 'POST', 'v1/enrollments', { courseId: 'bread', learnerId: ada })).status).to.equal(204);
      expect((await call(base, learner, 'POST', 'v1/enrollments', { courseId: 'bread', learnerId: bob })).status).to.equal(403);
      const summary = await call(base, admin, 'GET', 'v1/reports/courses/food-safety/summary');
      expect(summary.body).to.include({ enrolled: 1, started: 3, completed: 0 });
    });

    if (target.sessions)
      it('books session seats and lets only the course’s instructors mark attendance (403 and nothing changed otherwise)', async () => {
        const session = 'v1/sessions/knife-skills/demo-class';
        expect((await call(base, learner, 'PUT', session, { capacity: 1 })).status).to.equal(403);
        expect((await call(base, instructor, 'PUT', session, { capacity: 1 })).status).to.equal(200);
        expect((await call(base, learner, 'POST', `${session}/booking`)).body).to.include({ status: 'booked', seatsLeft: 0 });
        const bob_ = await tokenFor({ sub: bob, tenant, roles: ['learner'] });
        expect((await call(base, bob_, 'POST', `${session}/booking`)).body.error.code).to.equal('session/full');
        expect((await call(base, bob_, 'PUT', `${session}/attendance/${enc(ada)}`, { attended: true })).status).to.equal(403);
        expect((await call(base, learner, 'GET', `${session}/bookings`)).status).to.equal(403);
        expect((await call(base, learner, 'GET', session)).body).to.include({ status: 'booked' });
        expect((await call(base, instructor, 'PUT', `${session}/attendance/${enc(ada)}`, { attended: true })).status).to.equal(200);
        expect((await call(base, learner, 'GET', session)).body).to.include({ status: 'attended' });
        const progress = await call(base, learner, 'GET', `v1/progress/${enc(ada)}/knife-skills`);
        expect(progress.body.value.lessons['demo-class'].status).to.equal('completed');
      });
  });
}
