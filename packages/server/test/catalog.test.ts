import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Catalog, LmsError } from '@lms-kit/core';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsCatalog, LmsMyLearning } from '@lms-kit/elements';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import '@lms-kit/elements/all';

/** The tenant's catalog through the real server: entries, the learner's enrollments, self-enrollment and its refusal. */
const enc = encodeURIComponent;
const ada = 'mailto:ada@example.com';
const entry = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  language: 'en',
  durationMinutes: 30,
  ...extra,
});

describe('server catalog', function () {
  this.timeout(60_000);
  let base: string;
  let tenant: string;
  let admin: string;
  let learner: string;

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('pglite');
  });

  beforeEach(async () => {
    tenant = freshTenant('catalog');
    admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    learner = await tokenFor({ sub: ada, tenant, roles: ['learner'] });
    const put = async (id: string, body: unknown) =>
      expect((await call(base, admin, 'PUT', `v1/catalog/${id}`, body)).status).to.equal(204);
    await put('food-safety', entry('food-safety', 'Food safety basics', { required: true, tags: ['food safety'] }));
    await put('knife-skills', entry('knife-skills', 'Knife skills', { selfEnroll: true, prerequisites: ['food-safety'] }));
    await put('leading', entry('leading', 'Leading a shift', { selfEnroll: false }));
    expect((await call(base, admin, 'PUT', 'v1/groups/bakers', { name: 'Bakers' })).status).to.equal(204);
    expect((await call(base, admin, 'PUT', `v1/groups/bakers/members/${enc(ada)}`, {})).status).to.equal(204);
    const due = '2030-01-31T00:00:00.000Z';
    expect((await call(base, admin, 'POST', 'v1/enrollments', { courseId: 'food-safety', groupId: 'bakers', dueAt: due })).status).to.equal(
      204,
    );
  });

  const catalogOf = async (token: string) => (await call(base, token, 'GET', 'v1/catalog')).body as Catalog;

  it('lists the courses with the caller’s enrollment and due date, validated entries only', async () => {
    const catalog = await catalogOf(learner);
    expect(catalog.courses.map((c) => c.id)).to.deep.equal(['food-safety', 'knife-skills', 'leading']);
    expect(catalog.courses[0].enrollment).to.deep.equal({ assigned: true, dueAt: '2030-01-31T00:00:00.000Z' });
    expect(catalog.courses[0].required).to.equal(true);
    expect(catalog.courses[1]).to.include({ selfEnroll: true, durationMinutes: 30 });
    expect(catalog.courses[1].enrollment).to.equal(undefined);
    const bad = await call(base, admin, 'PUT', 'v1/catalog/bad', {
      id: 'bad',
      title: 'Bad',
      language: 'not a language',
      url: 'javascript:alert(1)',
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('catalog/invalid');
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).to.have.members(['body.language', 'body.url']);
    expect(
      (await call(base, learner, 'PUT', 'v1/catalog/mine', entry('mine', 'Mine'))).status,
      'learners do not edit the catalog',
    ).to.equal(403);
  });

  it('a learner enrolls where self-enrollment is on; where it is off the server answers 403 and nothing changes', async () => {
    const storage = new HttpStorageAdapter({ endpoint: base, token: learner });
    const before = await catalogOf(learner);
    const error = (await storage.enrollInCourse('leading').catch((e: unknown) => e)) as LmsError;
    expect(error.code).to.equal('auth/forbidden');
    expect(await catalogOf(learner)).to.deep.equal(before);
    const raw = await call(base, learner, 'POST', 'v1/catalog/leading/enroll');
    expect(raw.status).to.equal(403);
    expect(await catalogOf(learner)).to.deep.equal(before);
    const audit = (await call(base, admin, 'GET', 'v1/audit')).body.items as Array<{ action: string }>;
    expect(audit.filter((a) => a.action === 'catalog.self-enroll')).to.have.length(0);

    await storage.enrollInCourse('knife-skills');
    const after = await catalogOf(learner);
    expect(after.courses.find((c) => c.id === 'knife-skills')?.enrollment).to.deep.equal({ assigned: false });
    // An admin's enrollment with its due date is not replaced by the learner's own.
    expect((await call(base, learner, 'POST', 'v1/catalog/food-safety/enroll')).status).to.equal(403);
    await storage.close();
  });

  it('<lms-catalog> and <lms-my-learning> over HttpStorageAdapter show and change what the server says', async () => {
    const storage = new HttpStorageAdapter({ endpoint: base, token: learner });
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-catalog></lms-catalog><lms-my-learning></lms-my-learning
      ></lms-provider>`,
    );
    const catalog = provider.querySelector('lms-catalog') as LmsCatalog;
    const mine = provider.querySelector('lms-my-learning') as LmsMyLearning;
    const card = (id: string) => catalog.shadowRoot?.querySelector(`article[data-course="${id}"]`);
    await waitUntil(() => card('knife-skills'), 'server catalog shown', { timeout: 10000 });
    expect(card('food-safety')?.textContent).to.contain('Assigned to you');
    expect(card('leading')?.querySelector('button'), 'no enroll button where it is off').to.equal(null);
    (card('knife-skills')?.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(() => card('knife-skills')?.textContent?.includes('Enrolled, not started'), 'enrolled through the server', {
      timeout: 10000,
    });
    await waitUntil(() => mine.shadowRoot?.querySelector('[data-section="assigned"] article[data-course="food-safety"]'), 'dashboard', {
      timeout: 10000,
    });
    await expect(catalog).to.be.accessible();
    await expect(mine).to.be.accessible();
    const server = await catalogOf(learner);
    expect(server.courses.find((c) => c.id === 'knife-skills')?.enrollment).to.deep.equal({ assigned: false });
    provider.remove();
  });
});
