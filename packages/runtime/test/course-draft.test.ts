import { expect } from '@open-wc/testing';
import { isLmsError, uuid, type Course } from '@lms-kit/core';
import { CourseDraft, draftKey, type SavedDraft } from '@lms-kit/runtime/authoring';
import { MemoryAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import Dexie from 'dexie';
import { closeProfile, crashTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';

const empty = (): Course => ({ schema: 1, id: 'safety', title: 'Safety', modules: [] });
const outline = (draft: CourseDraft) =>
  draft.course.modules.map((module) => `${module.id}: ${module.lessons.map((lesson) => lesson.id).join(' ')}`);

describe('CourseDraft', () => {
  it('builds a three-module course by edits, moves lessons within and between modules, and undoes and redoes each step', () => {
    const draft = new CourseDraft(empty());
    let changes = 0;
    draft.addEventListener('change', () => changes++);
    const modules = ['Before', 'During', 'After'].map((title) => draft.addModule(title));
    expect(modules).to.deep.equal(['module-1', 'module-2', 'module-3']);
    for (const moduleId of modules) {
      draft.addLesson(moduleId, { kind: 'text', title: `Read ${moduleId}`, html: '<p>Text</p>' });
      draft.addLesson(moduleId, { kind: 'text', title: `More ${moduleId}`, html: '<p>More</p>' });
    }
    expect(outline(draft)).to.deep.equal(['module-1: text-1 text-2', 'module-2: text-3 text-4', 'module-3: text-5 text-6']);
    draft.moveLesson('text-2', 'module-1', 0);
    draft.moveLesson('text-3', 'module-3', 1);
    draft.moveModule('module-3', 0);
    expect(outline(draft)).to.deep.equal(['module-3: text-5 text-3 text-6', 'module-1: text-2 text-1', 'module-2: text-4']);
    draft.remove('module-2');
    expect(outline(draft)).to.have.length(2);
    draft.undo();
    expect(outline(draft)).to.deep.equal(['module-3: text-5 text-3 text-6', 'module-1: text-2 text-1', 'module-2: text-4']);
    draft.undo();
    draft.undo();
    expect(outline(draft)).to.deep.equal(['module-1: text-2 text-1', 'module-2: text-3 text-4', 'module-3: text-5 text-6']);
    draft.redo();
    expect(outline(draft)).to.deep.equal(['module-1: text-2 text-1', 'module-2: text-4', 'module-3: text-5 text-3 text-6']);
    expect(draft.canRedo).to.equal(true);
    draft.update((course) => (course.title = 'Safety at work'));
    expect(draft.canRedo, 'an edit clears redo').to.equal(false);
    expect(draft.valid).to.equal(true);
    expect(changes).to.equal(3 + 6 + 3 + 1 + 3 + 1 + 1);
    expect(draft.publishable().title).to.equal('Safety at work');
  });

  it('gives the core validator issues at the field they concern, and never publishes an invalid course', () => {
    const draft = new CourseDraft(empty());
    const moduleId = draft.addModule('Only');
    const lessonId = draft.addLesson(moduleId, { kind: 'video', title: '', src: 'intro.webm' });
    const path = draft.pathOf(lessonId) as string;
    expect(path).to.equal('modules[0].lessons[0]');
    expect(draft.issuesAt(path).map((issue) => issue.path)).to.include(`${path}.title`);
    expect(draft.valid).to.equal(false);
    try {
      draft.publishable();
      expect.fail('an invalid draft was published');
    } catch (error) {
      expect(isLmsError(error, 'course/invalid')).to.equal(true);
    }
    draft.update((course) => (course.modules[0].lessons[0].title = 'Intro'));
    expect(draft.issuesAt(path)).to.deep.equal([]);
  });

  it('saves every edit in order and reopens the saved draft', async () => {
    const storage = new MemoryAdapter();
    const draft = await CourseDraft.open(empty(), { storage });
    const moduleId = draft.addModule('One');
    draft.addLesson(moduleId, { kind: 'text', title: 'A', html: '<p>A</p>' });
    draft.update((course) => (course.title = 'Renamed'));
    await draft.saved;
    expect((await storage.getValue<SavedDraft>(draftKey('safety')))?.course.title).to.equal('Renamed');
    const reopened = await CourseDraft.open(empty(), { storage });
    expect(outline(reopened)).to.deep.equal(['module-1: text-1']);
    await reopened.discard();
    expect(await storage.getValue(draftKey('safety'))).to.equal(undefined);
  });

  it('loses nothing when the tab is killed right after an edit (IndexedDB)', async function () {
    this.timeout(60_000);
    const db = `draft-${uuid()}`;
    const url = `/test/pages/draft-tab.html?db=${db}`;
    const tab = await openTab(url, { isolated: true });
    let again: number | undefined;
    try {
      await waitInTab(tab, 'window.ready', 15_000);
      // The evaluation does not wait for promises: the page says when the edit is saved.
      await evalInTab(
        tab,
        `(() => { const m = draft.addModule('Kept'); draft.addLesson(m, { kind: 'text', title: 'Typed just now', html: '<p>x</p>' }); draft.saved.then(() => (window.saved = true)); return true; })()`,
      );
      await waitInTab(tab, 'window.saved === true', 15_000);
      await crashTab(tab);
      again = await openTab(url, { contextOf: tab });
      await waitInTab(again, 'window.ready', 15_000);
      expect(await evalInTab<string>(again, `draft.course.modules[0].lessons[0].title`)).to.equal('Typed just now');
    } finally {
      await closeProfile(again ?? tab);
    }
    await new DexieAdapter({ databaseName: db }).close();
    await Dexie.delete(db);
  });
});
