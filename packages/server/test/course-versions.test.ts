import { expect } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import type { CourseVersion } from '@lms-kit/core/authoring';
import { observeStorage } from '@lms-kit/storage';
import { AuthoringClient, HttpStorageAdapter, ServerClient } from '@lms-kit/storage/http';
import { CourseSession } from '@lms-kit/runtime';
import { call, freshTenant, lmsServer, sqlOnPostgres, tokenFor } from '../../../test/helpers/server.js';

/** Publishing versions on the real server: the review workflow and its refusals, diff, roll back, immutability, learners moving on. */
const text = (id: string, title: string) => ({ id, kind: 'text', title, html: `<p>${title}</p>` });
const course = (lessons: ReturnType<typeof text>[], title = 'Bread basics'): Course =>
  ({ schema: 1, id: 'bread', title, language: 'en', modules: [{ id: 'm1', title: 'Dough', lessons }] }) as Course;
const v1 = course([text('mix', 'Mixing'), text('knead', 'Kneading'), text('proof', 'Proofing')]);
const v2 = course([text('mix', 'Mixing flour and water'), text('proof', 'Proofing'), text('bake', 'Baking')]);
const ada = 'mailto:ada@example.com';

describe('server course versions', function () {
  this.timeout(60_000);
  let base: string;
  let tenant: string;
  let admin: AuthoringClient;
  let adminToken: string;
  let learnerToken: string;
  let instructorToken: string;
  const clientFor = (token: string) => new AuthoringClient(new ServerClient({ endpoint: base, token }));
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code: string }) => error.code,
    );

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('pglite');
  });

  beforeEach(async () => {
    tenant = freshTenant('versions');
    adminToken = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    learnerToken = await tokenFor({ sub: ada, tenant, roles: ['learner'] });
    instructorToken = await tokenFor({ sub: 'mailto:ines@example.com', tenant, roles: ['instructor'] });
    admin = clientFor(adminToken);
  });

  const publish = async (client: AuthoringClient, draft: Course, note?: string) => {
    await client.submitForReview(draft.id, draft);
    return client.publish(draft.id, note);
  };

  it('draft → in review → published, comments per lesson, and each refused transition leaves everything as it was', async () => {
    expect((await admin.review('bread')).state).to.equal('draft');
    expect(await codeOf(admin.publish('bread')), 'a draft is reviewed before it is published').to.equal('authoring/invalid-transition');
    expect(await codeOf(admin.returnToDraft('bread')), 'nothing is in review').to.equal('authoring/invalid-transition');

    const instructor = clientFor(instructorToken);
    const inReview = await instructor.submitForReview('bread', v1);
    expect(inReview.state).to.equal('in-review');
    expect(await codeOf(instructor.submitForReview('bread', v2)), 'one draft in review at a time').to.equal('authoring/invalid-transition');
    await admin.comment('bread', { lessonId: 'knead', text: 'Say how long to knead.' });
    const commented = await instructor.comment('bread', { text: 'Ready when you are.' });
    expect(commented.comments.map((c) => [c.lessonId ?? null, c.author])).to.deep.equal([
      ['knead', 'mailto:admin@example.com'],
      [null, 'mailto:ines@example.com'],
    ]);

    // An instructor publishes only where the tenant allows it; a learner does nothing at all.
    expect(await codeOf(instructor.publish('bread'))).to.equal('auth/forbidden');
    const learner = clientFor(learnerToken);
    for (const attempt of [
      () => learner.review('bread'),
      () => learner.submitForReview('bread', v2),
      () => learner.comment('bread', { text: 'hi' }),
      () => learner.publish('bread'),
      () => learner.listVersions('bread'),
      () => learner.rollBack('bread', 1),
      () => learner.saveObject({ id: 'x', kind: 'lesson', title: 'X', tags: [], content: text('x', 'X') as never }),
      () => learner.searchObjects(),
    ])
      expect(await codeOf(attempt())).to.equal('auth/forbidden');
    const raw = await call(base, learnerToken, 'POST', 'v1/authoring/courses/bread/publish', {});
    expect(raw.status).to.equal(403);
    const unchanged = await admin.review('bread');
    expect(unchanged.state).to.equal('in-review');
    expect((unchanged.draft as Course).modules[0].lessons.map((l) => l.id)).to.deep.equal(['mix', 'knead', 'proof']);
    expect(await admin.listVersions('bread')).to.deep.equal([]);

    expect((await call(base, adminToken, 'PUT', 'v1/tenant/settings', { authoring: { instructorsMayPublish: true } })).status).to.equal(
      204,
    );
    const first = await instructor.publish('bread', 'First edition');
    expect(first).to.include({ courseId: 'bread', number: 1, note: 'First edition', publishedBy: 'mailto:ines@example.com' });
    expect(first.changes.lessons.added.map((l) => l.id)).to.deep.equal(['mix', 'knead', 'proof']);
    expect((await admin.review('bread')).state).to.equal('published');
    expect(await codeOf(admin.publish('bread')), 'published twice').to.equal('authoring/invalid-transition');

    // An invalid draft never becomes a version.
    await admin.submitForReview('bread', { ...v2, modules: [{ id: 'm1', title: 'Dough', lessons: [text('mix', '')] }] } as Course);
    expect(await codeOf(admin.publish('bread'))).to.equal('course/invalid');
    expect((await admin.listVersions('bread')).length).to.equal(1);
  });

  it('versions carry change summaries; two are compared; a roll back publishes old content as a new version', async () => {
    await publish(admin, v1);
    const second = await publish(admin, v2);
    expect(second.number).to.equal(2);
    expect(second.changes.lessons.added.map((l) => l.id)).to.deep.equal(['bake']);
    expect(second.changes.lessons.removed.map((l) => l.id)).to.deep.equal(['knead']);
    expect(second.changes.lessons.changed).to.deep.equal([{ id: 'mix', title: 'Mixing flour and water', fields: ['html', 'title'] }]);
    expect(await admin.compare('bread', 1, 2)).to.deep.equal(second.changes);

    const third = await admin.rollBack('bread', 1, 'Back to the first edition');
    expect(third).to.include({ number: 3, rolledBackFrom: 1 });
    expect(third.changes.lessons.added.map((l) => l.id)).to.deep.equal(['knead']);
    const versions = await admin.listVersions('bread');
    expect(
      versions.map((v) => v.number),
      'history is never rewritten',
    ).to.deep.equal([1, 2, 3]);
    const [one, three] = (await Promise.all([admin.getVersion('bread', 1), admin.getVersion('bread', 3)])) as CourseVersion[];
    expect({ ...three.course, version: '1' }).to.deep.equal(one.course);
    expect(three.course.version).to.equal('3');
    const published = (await call(base, learnerToken, 'GET', 'v1/courses/bread/published')).body as Course;
    expect(published.version).to.equal('3');
    expect((await admin.compare('bread', 1, 3)).empty).to.equal(true);
  });

  it('a learner in progress moves to the new version and keeps the progress of the lessons that survive', async () => {
    await publish(admin, v1);
    const storage = observeStorage(new HttpStorageAdapter({ endpoint: base, token: learnerToken }));
    const services = { storage, learner: { id: ada, actor: { objectType: 'Agent' as const, mbox: ada } } };
    const load = async () => (await call(base, learnerToken, 'GET', 'v1/courses/bread/published')).body as Course;

    const first = new CourseSession({ services, isVisible: () => true });
    await first.start({ course: await load() });
    for (const lesson of ['mix', 'knead']) {
      expect(await first.open(lesson)).to.equal(true);
      first.report({ result: { completed: true } });
    }
    await first.flush();
    expect(first.progress?.courseVersion).to.equal('1');

    await publish(admin, v2); // published mid-course
    const second = new CourseSession({ services, isVisible: () => true });
    await second.start({ course: await load() });
    await second.flush();
    const progress = second.progress!;
    expect(progress.courseVersion).to.equal('2');
    expect(progress.lessons.mix?.status, 'a surviving lesson keeps its progress').to.equal('completed');
    expect(progress.lessons.bake?.status ?? 'not-started').to.equal('not-started');
    expect(Object.keys(progress.retiredLessons ?? {})).to.deep.equal(['knead']);
    const stored = (await call(base, learnerToken, 'GET', `v1/progress/${encodeURIComponent(ada)}/bread`)).body as {
      value: { courseVersion: string };
    };
    expect(stored.value.courseVersion, 'the server has the moved progress').to.equal('2');
  });

  it('the database itself refuses to change or delete a published version (PostgreSQL)', async function () {
    this.timeout(180_000);
    const [pgBase] = await lmsServer('postgres');
    const token = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    const client = new AuthoringClient(new ServerClient({ endpoint: pgBase, token }));
    await client.submitForReview('bread', v1);
    await client.publish('bread');
    const update = await sqlOnPostgres(`UPDATE course_versions SET note = 'rewritten' WHERE tenant_id = $1`, [tenant]);
    expect(update.error).to.match(/immutable/);
    const remove = await sqlOnPostgres(`DELETE FROM course_versions WHERE tenant_id = $1`, [tenant]);
    expect(remove.error).to.match(/immutable/);
    expect((await client.listVersions('bread')).map((v) => v.note ?? null)).to.deep.equal([null]);
  });
});
