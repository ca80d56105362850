/**
 * <lms-course-editor>: a 3-module course built from scratch by keyboard, validated at its fields,
 * saved only when valid and played in the live preview; axe in every state; the draft survives a
 * killed tab; hostile HTML pasted into the rich text comes out sanitized.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LmsError, uuid, type Course } from '@lms-kit/core';
import { parseCourse } from '@lms-kit/core/validate';
import { MemoryAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import Dexie from 'dexie';
import type { LmsCourseEditor, LmsCoursePlayer, LmsCourseSaveEvent } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-editor';
import { closeProfile, crashTab, evalInTab, openTab, typeInTab, waitInTab } from '../../../test/helpers/commands.js';

const root = (editor: LmsCourseEditor) => editor.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(editor: LmsCourseEditor, selector: string) => {
  const found = root(editor).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const buttonNamed = (editor: LmsCourseEditor, name: string, scope: ParentNode = root(editor)) => {
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const settle = async (editor: LmsCourseEditor) => {
  await editor.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
};
/** Focuses `target` and presses a key on the real keyboard. */
async function press(editor: LmsCourseEditor, target: HTMLElement, key: string): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
  await settle(editor);
}
/** Types into the focused field, replacing what it holds. */
async function typeInto(editor: LmsCourseEditor, target: HTMLElement, text: string): Promise<void> {
  target.focus();
  await sendKeys({ press: 'Control+A' });
  await sendKeys({ type: text });
  await settle(editor);
}
const field = (editor: LmsCourseEditor, path: string) => $<HTMLInputElement>(editor, `#f-${path.replace(/[^\w-]/g, '-')}`);

async function renderEditor(storage: MemoryAdapter = new MemoryAdapter(), course?: Course): Promise<LmsCourseEditor> {
  const provider = await fixture(
    html`<lms-provider .storage=${storage}
      ><lms-course-editor course-id="safety-${uuid()}" .course=${course}></lms-course-editor
    ></lms-provider>`,
  );
  const editor = provider.querySelector('lms-course-editor') as LmsCourseEditor;
  await waitUntil(() => editor.draft, 'the draft opens', { timeout: 10_000 });
  await settle(editor);
  return editor;
}

async function addLessonByKeyboard(editor: LmsCourseEditor, moduleIndex: number, kindLabel: string, title: string): Promise<void> {
  const module = root(editor).querySelectorAll('li.module')[moduleIndex];
  const select = module.querySelector('select') as HTMLSelectElement;
  select.focus();
  await sendKeys({ type: kindLabel });
  await press(editor, buttonNamed(editor, 'Add lesson', module), 'Enter');
  // Focus is now in the new lesson's title, its text selected.
  await sendKeys({ type: title });
  await settle(editor);
}

describe('<lms-course-editor>', () => {
  it('builds a 3-module course by keyboard: modules, text, video and quiz lessons, a move, an undone delete; saves it valid and plays it', async function () {
    this.timeout(60_000);
    const editor = await renderEditor();
    await expect(editor).to.be.accessible(); // empty
    const started = performance.now();

    await typeInto(editor, field(editor, 'title'), 'Food safety');
    for (let i = 0; i < 3; i++) await press(editor, $(editor, '[part="add-module"]'), 'Enter');
    const titles = ['Before you start', 'In the kitchen', 'Check yourself'];
    for (const [m, title] of titles.entries()) {
      await press(editor, $(editor, `.item[data-id="module-${m + 1}"]`), 'Enter');
      await typeInto(editor, field(editor, `modules[${m}].title`), title);
    }

    await addLessonByKeyboard(editor, 0, 'Text', 'Wash your hands');
    await waitUntil(() => root(editor).querySelector('.rich-text-body'), 'Tiptap mounts', { timeout: 10_000 });
    const body = $(editor, '.rich-text-body');
    body.focus();
    await sendKeys({ type: 'Wash for twenty seconds.' });
    await waitUntil(() => JSON.stringify(editor.draft?.course).includes('Wash for twenty seconds.'), 'the rich text reaches the draft');

    await addLessonByKeyboard(editor, 1, 'Video', 'Handwashing video');
    expect(field(editor, 'modules[1].lessons[0].src').getAttribute('aria-invalid'), 'an empty URL is flagged at its field').to.equal(
      'true',
    );
    expect(buttonNamed(editor, 'Save').disabled, 'Save is disabled while invalid').to.equal(true);
    const describedBy = field(editor, 'modules[1].lessons[0].src').getAttribute('aria-describedby') as string;
    expect(root(editor).getElementById(describedBy.split(' ').pop() as string)?.textContent).to.equal('must not be empty');
    await expect(editor).to.be.accessible(); // invalid
    await typeInto(editor, field(editor, 'modules[1].lessons[0].src'), 'media/handwash.webm');

    await addLessonByKeyboard(editor, 2, 'Quiz', 'Fridge check');
    await typeInto(editor, field(editor, 'modules[2].lessons[0].quiz.questions[0].text'), 'A fridge must stay below 5 °C.');
    await typeInto(editor, field(editor, 'modules[2].lessons[0].quiz.passingScore.percent'), '100');
    await expect(editor).to.be.accessible(); // editing

    // Alt+Up moves the quiz into the module above (end), announced; Alt+Down takes it back.
    await press(editor, $(editor, '.item[data-id="quiz-1"]'), 'Alt+ArrowUp');
    expect(editor.draft?.course.modules[1].lessons.map((lesson) => lesson.id)).to.deep.equal(['video-1', 'quiz-1']);
    await waitUntil(
      () => $(editor, '[role="status"]').textContent?.includes('position 2 of 2 in “In the kitchen”'),
      'the move is announced',
    );
    expect(root(editor).activeElement?.getAttribute('data-id'), 'focus stays on the moved lesson').to.equal('quiz-1');
    await sendKeys({ press: 'Alt+ArrowDown' });
    await settle(editor);
    expect(editor.draft?.course.modules[2].lessons.map((lesson) => lesson.id)).to.deep.equal(['quiz-1']);

    // Delete the video, then undo from the toast ("Deleted — Undo") by keyboard.
    await press(editor, $(editor, '[aria-label="Delete “Handwashing video”"]'), 'Enter');
    expect(editor.draft?.course.modules[1].lessons).to.have.length(0);
    expect($(editor, '[part="toast"]').textContent).to.include('Deleted “Handwashing video”');
    expect(root(editor).activeElement?.textContent?.trim(), 'focus goes to Undo').to.equal('Undo');
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(editor.draft?.course.modules[1].lessons.map((lesson) => lesson.title)).to.deep.equal(['Handwashing video']);
    // Ctrl+Z and Ctrl+Shift+Z from the outline.
    await press(editor, $(editor, '.item[data-id="module-1"]'), 'Control+z');
    expect(editor.draft?.canRedo).to.equal(true);
    await sendKeys({ press: 'Control+Shift+Z' });
    await settle(editor);
    expect(editor.draft?.course.modules[1].lessons).to.have.length(1);
    const seconds = (performance.now() - started) / 1000;
    console.log(`course-editor: keyboard path built the 3-module course in ${seconds.toFixed(1)} s`);

    expect(editor.draft?.valid, JSON.stringify(editor.draft?.issues)).to.equal(true);
    const saved = new Promise<LmsCourseSaveEvent>((resolve) => editor.addEventListener('lms-course-save', resolve, { once: true }));
    await press(editor, buttonNamed(editor, 'Save'), 'Enter');
    const course = parseCourse((await saved).detail.course);
    expect(course.modules.map((module) => module.title)).to.deep.equal(titles);
    expect(course.modules.map((module) => module.lessons.map((lesson) => lesson.kind))).to.deep.equal([['text'], ['video'], ['quiz']]);

    // The preview plays it: the outline lists the lessons and the text lesson shows its body.
    await waitUntil(() => root(editor).querySelector('lms-course-player'), 'the preview', { timeout: 10_000 });
    const player = $<LmsCoursePlayer>(editor, 'lms-course-player');
    await waitUntil(
      () => (player.shadowRoot?.textContent ?? '').includes('Fridge check') && player.session?.course?.modules[1].lessons.length === 1,
      'the preview shows the course',
      { timeout: 10_000 },
    );
    await waitUntil(
      () => player.shadowRoot?.querySelector('lms-text-lesson')?.shadowRoot?.textContent?.includes('Wash for twenty seconds.'),
      'the text lesson plays in the preview',
      { timeout: 10_000 },
    );
  });

  it('is accessible while saving and after a storage error, and never saves an invalid course', async function () {
    this.timeout(30_000);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Draft writes wait until the test lets them through: the editor is seen while saving.
    class SlowStorage extends MemoryAdapter {
      override async setValue(key: string, value: unknown): Promise<void> {
        if (key.startsWith('lms-kit/draft/')) await gate;
        return super.setValue(key, value);
      }
    }
    const editor = await renderEditor(new SlowStorage());
    await typeInto(editor, field(editor, 'title'), 'Slow');
    await waitUntil(() => $(editor, '.draft-state').textContent?.includes('Saving draft'), 'saving shows');
    await expect(editor).to.be.accessible(); // saving
    release();
    await waitUntil(() => $(editor, '.draft-state').textContent?.includes('Draft saved'), 'saved shows');

    await typeInto(editor, field(editor, 'title'), ' ');
    await sendKeys({ press: 'Backspace' });
    await settle(editor);
    expect(field(editor, 'title').getAttribute('aria-invalid')).to.equal('true');
    let saves = 0;
    editor.addEventListener('lms-course-save', () => saves++);
    editor.save();
    editor.publish();
    expect(saves, 'an invalid course is never saved').to.equal(0);

    class BrokenStorage extends MemoryAdapter {
      override async getValue<T>(): Promise<T | undefined> {
        throw new LmsError('storage/failed', 'The disk is full.');
      }
    }
    const provider = await fixture(
      html`<lms-provider .storage=${new BrokenStorage()}><lms-course-editor></lms-course-editor></lms-provider>`,
    );
    const broken = provider.querySelector('lms-course-editor') as LmsCourseEditor;
    await waitUntil(() => broken.shadowRoot?.querySelector('[role="alert"]'), 'the error shows', { timeout: 10_000 });
    expect(broken.shadowRoot?.textContent).to.include('The disk is full.');
    await expect(broken).to.be.accessible(); // error
  });

  it('sanitizes hostile HTML pasted into the rich text with the playback sanitizer', async function () {
    this.timeout(30_000);
    const editor = await renderEditor();
    await press(editor, $(editor, '[part="add-module"]'), 'Enter');
    await addLessonByKeyboard(editor, 0, 'Text', 'Pasted');
    await waitUntil(() => root(editor).querySelector('.rich-text-body'), 'Tiptap mounts', { timeout: 10_000 });
    const body = $(editor, '.rich-text-body');
    body.focus();
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p onclick="steal()">Hello <img src="x" onerror="window.hacked=1"><script>window.hacked=2</script><a href="javascript:window.hacked=3">link</a><iframe src="https://evil.example/"></iframe></p>',
    );
    data.setData('text/plain', 'Hello');
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitUntil(
      () => String((editor.draft?.course.modules[0].lessons[0] as { html?: string }).html).includes('Hello'),
      'the paste is saved',
    );
    const saved = String((editor.draft?.course.modules[0].lessons[0] as { html?: string }).html);
    expect(saved).to.not.match(/onclick|onerror|<script|javascript:|<iframe/i);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('quiz form: every question type, answers as lines, a bank with a draw, and a GIFT import', async function () {
    this.timeout(30_000);
    const editor = await renderEditor();
    await press(editor, $(editor, '[part="add-module"]'), 'Enter');
    await addLessonByKeyboard(editor, 0, 'Quiz', 'Fridge check');
    const quizPath = 'modules[0].lessons[0].quiz';
    const quiz = () =>
      (
        editor.draft?.course.modules[0].lessons[0] as {
          quiz: { questions: Array<{ id: string; type: string }>; banks?: unknown[]; draw?: unknown[] };
        }
      ).quiz;
    await typeInto(editor, field(editor, `${quizPath}.questions[0].text`), 'Is 4 °C cold enough?');
    // A choice question, its answers typed as lines.
    const typeSelect = $<HTMLSelectElement>(editor, '#new-question-type');
    typeSelect.focus();
    await sendKeys({ type: 'Multiple' });
    await press(editor, buttonNamed(editor, 'Add question'), 'Enter');
    expect(quiz().questions.map((q) => q.type)).to.deep.equal(['true-false', 'choice']);
    await typeInto(editor, field(editor, `${quizPath}.questions[1].text`), 'Where do raw foods go?');
    await typeInto(editor, $(editor, `#f-${`${quizPath}.questions[1]`.replace(/[^\w-]/g, '-')}-answers`), '* Bottom shelf\nTop shelf');
    expect((quiz().questions[1] as unknown as { choices: unknown[] }).choices).to.deep.equal([
      { id: 'c1', text: 'Bottom shelf', correct: true },
      { id: 'c2', text: 'Top shelf' },
    ]);
    await press(editor, buttonNamed(editor, 'Add bank'), 'Enter');
    expect(quiz().draw).to.deep.equal([{ bank: 'bank-1', count: 1 }]);
    // GIFT pasted into the import box.
    $<HTMLTextAreaElement>(editor, '#import-text').value =
      '::Temp:: Fridge temperature? {=below 5 °C ~above 8 °C}\n\n::Thaw:: Thaw meat on the counter. {F}';
    await press(editor, buttonNamed(editor, 'Import questions'), 'Enter');
    await waitUntil(() => quiz().questions.length === 4, 'the GIFT questions are added');
    await waitUntil(() => $(editor, '[role="status"]').textContent?.includes('2 questions imported'), 'the import is announced');
    await expect(editor).to.be.accessible();
  });

  it('drag and drop: a lesson dropped on a lesson of another module goes before it, a module dropped on a module takes its place', async function () {
    this.timeout(30_000);
    const course: Course = {
      schema: 1,
      id: `drag-${uuid()}`,
      title: 'Drag',
      modules: [
        { id: 'm1', title: 'One', lessons: [{ id: 'a', kind: 'text', title: 'A', html: '<p>a</p>' }] },
        { id: 'm2', title: 'Two', lessons: [{ id: 'b', kind: 'text', title: 'B', html: '<p>b</p>' }] },
      ],
    };
    const editor = await renderEditor(new MemoryAdapter(), course);
    const drag = async (fromId: string, target: Element) => {
      const data = new DataTransfer();
      $(editor, `.item[data-id="${fromId}"]`)
        .closest('.row')
        ?.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      await settle(editor);
    };
    await drag('a', $(editor, '.item[data-id="b"]'));
    expect(editor.draft?.course.modules.map((m) => m.lessons.map((l) => l.id))).to.deep.equal([[], ['a', 'b']]);
    await waitUntil(() => $(editor, '[role="status"]').textContent?.includes('position 1 of 2 in “Two”'), 'the drop is announced');
    await drag('m2', $(editor, '.item[data-id="m1"]'));
    expect(editor.draft?.course.modules.map((m) => m.id)).to.deep.equal(['m2', 'm1']);
  });

  it('loses nothing when the tab is killed mid-edit, and reopens the draft (IndexedDB)', async function () {
    this.timeout(60_000);
    const db = `editor-${uuid()}`;
    const url = `/test/pages/editor-tab.html?db=${db}`;
    const tab = await openTab(url, { isolated: true });
    let again: number | undefined;
    try {
      await waitInTab(tab, `window.editor?.draft && window.editor.shadowRoot.querySelector('#f-title')`, 15_000);
      await evalInTab(
        tab,
        `(() => { const input = editor.shadowRoot.querySelector('#f-title'); input.focus(); input.select(); return true; })()`,
      );
      await typeInTab(tab, 'Typed before the crash');
      await evalInTab(tab, `(() => { editor.draft.saved.then(() => (window.saved = true)); return true; })()`);
      await waitInTab(tab, 'window.saved === true', 15_000);
      await crashTab(tab);
      again = await openTab(url, { contextOf: tab });
      await waitInTab(again, `window.editor?.draft?.course.title === 'Typed before the crash'`, 15_000);
      expect(await evalInTab<string>(again, `editor.shadowRoot.querySelector('#f-title').value`)).to.equal('Typed before the crash');
    } finally {
      await closeProfile(again ?? tab);
    }
    await new DexieAdapter({ databaseName: db }).close();
    await Dexie.delete(db);
  });
});
