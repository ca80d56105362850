import { expect } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { AUTHORING_COLLECTIONS, LocalAuthoring } from '@lms-kit/runtime/authoring';

/** The authoring contract on the page's own IndexedDB: the same workflow, versions and shared objects as the server. */
const text = (id: string, title: string) => ({ id, kind: 'text', title, html: `<p>${title}</p>` });
const course = (id: string, lessons: unknown[]): Course =>
  ({ schema: 1, id, title: id, modules: [{ id: 'm1', title: 'M', lessons }] }) as Course;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code: string }) => error.code,
  );

describe('LocalAuthoring (IndexedDB)', () => {
  let storage: DexieAdapter;
  const name = `authoring-${Math.random().toString(36).slice(2)}`;
  beforeEach(() => (storage = new DexieAdapter({ databaseName: `${name}-${Date.now()}` })));
  afterEach(() => storage.close());

  it('reviews, publishes immutable versions, compares and rolls back; refuses the transitions and roles the server refuses', async () => {
    const author = new LocalAuthoring({ storage, author: 'ines', roles: ['instructor'] });
    const admin = new LocalAuthoring({ storage, author: 'admin', roles: ['admin'] });
    const learner = new LocalAuthoring({ storage, author: 'ada', roles: ['learner'] });
    expect(await codeOf(admin.publish('bread'))).to.equal('authoring/invalid-transition');
    expect(await codeOf(learner.submitForReview('bread', course('bread', [text('a', 'A')])))).to.equal('auth/forbidden');
    await author.submitForReview('bread', course('bread', [text('a', 'A'), text('b', 'B')]));
    await admin.comment('bread', { lessonId: 'b', text: 'Shorter, please.' });
    expect(await codeOf(author.publish('bread')), 'instructors publish only where allowed').to.equal('auth/forbidden');
    expect((await admin.publish('bread')).number).to.equal(1);

    await author.submitForReview('bread', course('bread', [text('a', 'A, again'), text('c', 'C')]));
    const two = await admin.publish('bread');
    expect(two.changes.lessons.added.map((l) => l.id)).to.deep.equal(['c']);
    expect(two.changes.lessons.removed.map((l) => l.id)).to.deep.equal(['b']);
    expect(await admin.compare('bread', 1, 2)).to.deep.equal(two.changes);
    expect(await codeOf(learner.rollBack('bread', 1))).to.equal('auth/forbidden');
    const three = await admin.rollBack('bread', 1);
    expect(three.rolledBackFrom).to.equal(1);
    expect((await admin.published('bread'))?.course.modules[0].lessons.map((l) => l.id)).to.deep.equal(['a', 'b']);
    expect((await admin.listVersions('bread')).map((v) => v.number)).to.deep.equal([1, 2, 3]);
    expect(
      (await storage.listRecords(AUTHORING_COLLECTIONS.versions, { courseId: 'bread' })).length,
      'kept in a storage collection',
    ).to.equal(3);
  });

  it('propagates a shared object to every course with "update everywhere", and not to a fork', async () => {
    const admin = new LocalAuthoring({ storage, author: 'admin', roles: ['admin'] });
    await admin.saveObject({ id: 'wash', kind: 'lesson', title: 'Handwashing', tags: ['hygiene'], content: text('wash', 'Wash') as never });
    for (const id of ['one', 'two', 'three']) {
      await admin.submitForReview(id, course(id, [text('intro', 'Intro'), { ref: 'lo:wash' }]));
      await admin.publish(id);
    }
    expect((await admin.whereUsed('wash')).map((u) => u.courseId)).to.deep.equal(['one', 'three', 'two']);
    expect((await admin.searchObjects({ tag: 'hygiene', text: 'hand' })).map((o) => o.id)).to.deep.equal(['wash']);

    const fork = await admin.forkForCourse('three', 'wash');
    await admin.submitForReview('three', fork.draft);
    await admin.publish('three');
    const updated = await admin.updateEverywhere({
      id: 'wash',
      kind: 'lesson',
      title: 'Handwashing',
      tags: [],
      content: text('wash', 'Wash well') as never,
    });
    expect(updated.map((v) => [v.courseId, v.number])).to.deep.equal([
      ['one', 2],
      ['two', 2],
    ]);
    expect(updated[0].changes.lessons.changed).to.deep.equal([{ id: 'wash', title: 'Wash well', fields: ['html', 'title'] }]);
    expect((await admin.published('two'))?.course.modules[0].lessons[1].title).to.equal('Wash well');
    expect((await admin.published('three'))?.course.modules[0].lessons[1].title).to.equal('Wash');
  });
});
