import { expect } from '@open-wc/testing';
import type { Course, TextLesson } from '@lms-kit/core';
import { AuthoringClient, ServerClient } from '@lms-kit/storage/http';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/** Shared learning objects on the real server: search, where used, "update everywhere" and "fork for this course". */
const handwashing = { id: 'handwashing', kind: 'text', title: 'Handwashing', html: '<p>Twenty seconds.</p>' };
const allergenQuestion = { id: 'allergens', type: 'true-false', text: 'Sesame is an allergen.', answer: true };
const courseUsing = (id: string, title: string) => ({
  schema: 1,
  id,
  title,
  language: 'en',
  modules: [
    {
      id: 'm1',
      title: 'Basics',
      lessons: [
        { id: 'intro', kind: 'text', title: `About ${title}`, html: '<p>Hello</p>' },
        { ref: 'lo:handwashing' },
        { id: 'check', kind: 'quiz', title: 'Check', quiz: { id: `${id}-check`, title: 'Check', questions: [{ ref: 'lo:allergen-q' }] } },
      ],
    },
  ],
});

describe('server shared learning objects', function () {
  this.timeout(60_000);
  let base: string;
  let admin: AuthoringClient;

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('pglite');
  });

  beforeEach(async () => {
    const tenant = freshTenant('objects');
    admin = new AuthoringClient(
      new ServerClient({ endpoint: base, token: await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] }) }),
    );
    await admin.saveObject({
      id: 'handwashing',
      kind: 'lesson',
      title: 'Handwashing in five steps',
      tags: ['hygiene'],
      content: handwashing as never,
    });
    await admin.saveObject({
      id: 'allergen-q',
      kind: 'question',
      title: 'Sesame allergen',
      tags: ['allergens'],
      content: allergenQuestion as never,
    });
    await admin.saveObject({
      id: 'chart',
      kind: 'media',
      title: 'Allergen chart',
      tags: ['allergens'],
      content: { src: 'https://cdn.example/chart.pdf' },
    });
    for (const [id, title] of [
      ['bakery', 'Bakery'],
      ['deli', 'Deli'],
    ]) {
      await admin.submitForReview(id, courseUsing(id, title));
      await admin.publish(id);
    }
  });

  it('resolves references when a version is published; searches by title, tag and kind; lists where each object is used', async () => {
    const bakery = (await admin.published('bakery'))!;
    expect(bakery.objects).to.deep.equal(['allergen-q', 'handwashing']);
    expect(bakery.course.modules[0].lessons[1]).to.deep.equal(handwashing);
    expect((bakery.source as Course).modules[0].lessons[1], 'the source keeps the reference').to.deep.equal({ ref: 'lo:handwashing' });

    const titles = async (query: Parameters<AuthoringClient['searchObjects']>[0]) => (await admin.searchObjects(query)).map((o) => o.id);
    expect(await titles({ text: 'allergen' })).to.deep.equal(['chart', 'allergen-q']);
    expect(await titles({ tag: 'allergens', kind: 'media' })).to.deep.equal(['chart']);
    expect(await titles({ text: 'five HAND' })).to.deep.equal(['handwashing']);
    expect((await admin.whereUsed('handwashing')).map((u) => [u.courseId, u.version])).to.deep.equal([
      ['bakery', 1],
      ['deli', 1],
    ]);
    expect(await admin.whereUsed('chart')).to.deep.equal([]);

    // A reference to nothing is refused with its place, and no version is made.
    await admin.submitForReview('bakery', {
      ...courseUsing('bakery', 'Bakery'),
      modules: [{ id: 'm1', title: 'B', lessons: [{ ref: 'lo:gone' }] }],
    });
    const error = (await admin.publish('bakery').catch((e: unknown) => e)) as { code: string };
    expect(error.code).to.equal('authoring/unresolved-ref');
    expect((await admin.listVersions('bakery')).length).to.equal(1);
  });

  it('"update everywhere" publishes a new version of every course using the object, each with its change summary', async () => {
    const changed = { ...handwashing, title: 'Handwashing, step by step', html: '<p>Twenty seconds, with soap.</p>' };
    const saved = await admin.saveObject({
      id: 'handwashing',
      kind: 'lesson',
      title: 'Handwashing',
      tags: ['hygiene'],
      content: changed as never,
    });
    expect(saved.version).to.equal(2);
    expect((await admin.listVersions('bakery')).length, 'saving alone publishes nothing').to.equal(1);

    const published = await admin.updateEverywhere({
      id: 'handwashing',
      kind: 'lesson',
      title: 'Handwashing',
      tags: ['hygiene'],
      content: changed as never,
    });
    expect(published.map((v) => [v.courseId, v.number])).to.deep.equal([
      ['bakery', 2],
      ['deli', 2],
    ]);
    for (const version of published) {
      expect(version.changes.lessons.changed).to.deep.equal([
        { id: 'handwashing', title: 'Handwashing, step by step', fields: ['html', 'title'] },
      ]);
      expect(version.note).to.equal('Shared object "Handwashing" updated');
    }
    const learnerCourse = (await admin.publishedCourse('deli'))!;
    expect((learnerCourse.modules[0].lessons[1] as TextLesson).html).to.equal('<p>Twenty seconds, with soap.</p>');
    expect(learnerCourse.version).to.equal('2');

    // A changed question reaches the quizzes too.
    await admin.updateEverywhere({
      id: 'allergen-q',
      kind: 'question',
      title: 'Sesame allergen',
      tags: [],
      content: { ...allergenQuestion, text: 'Sesame is one of the 14 allergens.' } as never,
    });
    const third = (await admin.listVersions('bakery')).at(-1)!;
    expect(third.changes.questions.changed.map((q) => [q.lessonId, q.id, q.fields])).to.deep.equal([['check', 'allergens', ['text']]]);
  });

  it('"fork for this course" copies the object into that course only; later updates no longer reach it', async () => {
    const forked = await admin.forkForCourse('deli', 'handwashing');
    expect(forked.state).to.equal('draft');
    expect((forked.draft as Course).modules[0].lessons[1]).to.deep.equal(handwashing);
    await admin.submitForReview('deli', forked.draft);
    const version = await admin.publish('deli');
    expect(version.changes.empty, 'same content, now the course’s own').to.equal(true);
    expect((await admin.whereUsed('handwashing')).map((u) => u.courseId)).to.deep.equal(['bakery']);

    const changed = { ...handwashing, title: 'Handwashing again' };
    const published = await admin.updateEverywhere({
      id: 'handwashing',
      kind: 'lesson',
      title: 'Handwashing',
      tags: [],
      content: changed as never,
    });
    expect(published.map((v) => v.courseId)).to.deep.equal(['bakery']);
    expect((await admin.publishedCourse('deli'))!.modules[0].lessons[1].title).to.equal('Handwashing');
    const learner = await tokenFor({ sub: 'mailto:ada@example.com', tenant: 'x', roles: ['learner'] });
    expect(
      (await call(base, learner, 'POST', 'v1/authoring/objects/handwashing/update-everywhere', { kind: 'lesson', title: 'x', content: {} }))
        .status,
    ).to.equal(403);
  });
});
