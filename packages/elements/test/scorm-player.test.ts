import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { configureServiceWorker } from '@lms-kit/scorm';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { clearPackageDatabase } from '../../scorm/test/support.js';
import { uniqueName } from './helpers.js';
import { TEST_SERVICE_WORKER } from './scorm-helpers.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';

const scormView = (player: LmsCoursePlayer) =>
  player.shadowRoot?.querySelector('lms-scorm-lesson') as (HTMLElement & { shadowRoot: ShadowRoot }) | null;

describe('SCORM in <lms-course-player>', function () {
  this.timeout(30_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));

  it('plays a package as one lesson of a native course and completes the lesson when the SCO does', async () => {
    const course: Course = {
      schema: 1,
      id: 'with-scorm',
      title: 'A course with a SCORM lesson',
      modules: [
        {
          id: 'm',
          title: 'Module',
          lessons: [
            { id: 'intro', kind: 'text', title: 'Intro', html: '<p>Hi</p>' },
            { id: 'package', kind: 'scorm', title: 'The package', src: new URL('/test/scorm/tab-sco/', location.href).href },
          ],
        },
      ],
    };
    const storage = new MemoryAdapter();
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-course-player .course=${course}></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'intro');
    await player.goToLesson('package');
    await waitUntil(
      () => (window as unknown as { API_1484_11?: { isInitialized(): boolean } }).API_1484_11?.isInitialized(),
      'SCO not initialized',
      { timeout: 15000 },
    );
    const api = (window as unknown as { API_1484_11: { SetValue(e: string, v: string): string; Commit(p: string): string } }).API_1484_11;
    api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.success_status', 'passed');
    api.SetValue('cmi.score.scaled', '0.9');
    api.Commit('');
    await waitUntil(() => player.progress?.lessons.package.status === 'completed', 'the lesson did not complete', { timeout: 10000 });
    const stored = await storage.getProgress({ learnerId: 'mailto:ada@example.com', courseId: 'with-scorm' });
    expect(stored?.lessons.package).to.deep.include({ status: 'completed', passed: true });
    expect(stored?.lessons.package.score?.scaled).to.equal(0.9);
    const verbs = (await storage.readOutbox(100)).map((entry) => entry.statement.verb.id.split('/').pop());
    expect(verbs).to.include.members(['initialized', 'completed', 'passed', 'scored']);
    await expect(scormView(player)).to.be.accessible();
  });

  it('shows a clear message when the content cannot load a script from the internet', async () => {
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" storage-type="memory"
        ><lms-course-player src="/__zip/test/scorm/cdn-sco.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => scormView(player)?.shadowRoot.querySelector('[role="alert"]'), 'no message about the missing script', {
      timeout: 15000,
    });
    const message = scormView(player)?.shadowRoot.querySelector('[role="alert"]')?.textContent ?? '';
    expect(message).to.contain('cdn.lms-kit.invalid');
    expect(message).to.contain('internet');
  });

  it('keeps values the SCO set before the tab closed, even without a Commit', async () => {
    const db = uniqueName('scorm-tab');
    const url = `/test/pages/scorm-tab.html?db=${db}&src=${encodeURIComponent('/test/scorm/tab-sco/imsmanifest.xml')}`;
    const first = await openTab(url);
    await waitInTab(first, `window.API_1484_11?.isInitialized()`, 15000);
    await evalInTab(
      first,
      `(window.API_1484_11.SetValue('cmi.location', 'page-7'), window.API_1484_11.SetValue('cmi.suspend_data', 'kept'))`,
    );
    // Closed at once, no Commit: only the pagehide journal can keep these values.
    await closeTab(first);
    const second = await openTab(url);
    try {
      await waitInTab(second, `window.API_1484_11?.isInitialized()`, 15000);
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.location')`)).to.equal('page-7');
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.suspend_data')`)).to.equal('kept');
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.entry')`)).to.equal('resume');
    } finally {
      await closeTab(second);
    }
    const storage = new DexieAdapter({ databaseName: db });
    const attempts = await storage.listAttempts({ learnerId: 'mailto:ada@example.com' });
    expect(JSON.stringify(attempts.at(-1)?.data)).to.contain('page-7');
    await storage.close();
    await Dexie.delete(db);
  });
});

describe('SCORM resume and storage failures in <lms-course-player>', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));

  it('resumes with the interactions, objectives and comments of the attempt (a new player on the same storage)', async () => {
    const storage = new MemoryAdapter();
    const src = new URL('/test/scorm/tab-sco/imsmanifest.xml', location.href).href;
    const play = () =>
      fixture<LmsProvider>(
        html`<lms-provider learner-email="ada@example.com" .storage=${storage}
          ><lms-course-player src=${src}></lms-course-player
        ></lms-provider>`,
      );
    type Api = { isInitialized(): boolean; SetValue(e: string, v: string): string; GetValue(e: string): string; Commit(p: string): string };
    const api = () => (window as unknown as { API_1484_11?: Api }).API_1484_11;
    const first = await play();
    await waitUntil(() => api()?.isInitialized(), 'SCO not initialized', { timeout: 15000 });
    const sco = api() as Api;
    sco.SetValue('cmi.interactions.0.id', 'fridge-temp');
    sco.SetValue('cmi.interactions.0.type', 'numeric');
    sco.SetValue('cmi.interactions.0.learner_response', '4');
    sco.SetValue('cmi.interactions.0.result', 'correct');
    sco.SetValue('cmi.objectives.0.id', 'cold-chain');
    sco.SetValue('cmi.objectives.0.success_status', 'passed');
    sco.SetValue('cmi.comments_from_learner.0.comment', 'Checked twice');
    sco.SetValue('cmi.location', 'q2');
    sco.Commit('');
    first.remove();
    await waitUntil(async () =>
      JSON.stringify((await storage.listAttempts({ learnerId: 'mailto:ada@example.com' }))[0]?.data).includes('Checked twice'),
    );

    await play();
    await waitUntil(() => api()?.isInitialized() && api() !== sco, 'the SCO did not initialize again', { timeout: 15000 });
    const resumed = api() as Api;
    expect(resumed.GetValue('cmi.entry')).to.equal('resume');
    expect(resumed.GetValue('cmi.location')).to.equal('q2');
    expect(resumed.GetValue('cmi.interactions._count')).to.equal('1');
    expect(resumed.GetValue('cmi.interactions.0.id')).to.equal('fridge-temp');
    expect(resumed.GetValue('cmi.interactions.0.learner_response')).to.equal('4');
    expect(resumed.GetValue('cmi.objectives.0.success_status')).to.equal('passed');
    expect(resumed.GetValue('cmi.comments_from_learner.0.comment')).to.equal('Checked twice');
  });

  it('a storage failure while saving a commit reaches the page as a recoverable lms-error, and nothing is lost (real quota)', async function () {
    this.timeout(90_000);
    const db = uniqueName('scorm-quota');
    const url = `/test/pages/scorm-tab.html?db=${db}&src=${encodeURIComponent('/test/scorm/tab-sco/imsmanifest.xml')}`;
    // A fresh profile whose quota is set before it stores anything: filling it takes seconds, not gigabytes.
    const tab = await openTab(url, { isolated: true, quotaSize: 2 * 1024 * 1024 });
    const attempt = `window.storage.listAttempts({ learnerId: 'mailto:ada@example.com' }).then((list) => JSON.stringify(list.at(-1)?.data ?? null))`;
    try {
      await waitInTab(tab, `window.API_1484_11?.isInitialized()`, 15000);
      await evalInTab(tab, `(window.API_1484_11.SetValue('cmi.location', 'before'), window.API_1484_11.Commit(''))`);
      await waitInTab(tab, `${attempt}.then((data) => data.includes('before'))`);
      await evalInTab(tab, `window.fillStorage()`);
      // The SCO keeps SCORM semantics: its Commit succeeds (the data is journaled), nothing is thrown into it.
      const committed = await evalInTab<string>(
        tab,
        `(window.API_1484_11.SetValue('cmi.location', 'during'), window.API_1484_11.SetValue('cmi.suspend_data', 'kept while full'), window.API_1484_11.Commit(''))`,
      );
      expect(committed).to.equal('true');
      await waitInTab(tab, `window.errors.includes('storage/quota-exceeded')`);
      await waitInTab(
        tab,
        `window.player.shadowRoot.querySelector('lms-scorm-lesson').shadowRoot.querySelector('[role="alert"]')?.textContent.includes('could not be saved yet')`,
      );
      expect(await evalInTab<string>(tab, attempt), 'storage is full').to.not.contain('during');
      expect(
        await evalInTab<boolean>(
          tab,
          `Object.keys(localStorage).some((key) => key.startsWith('lms-kit:scorm-journal:') && localStorage.getItem(key).includes('kept while full'))`,
        ),
      ).to.equal(true);
      // Space comes back: the next commit writes everything, the journal is cleared.
      await evalInTab(tab, `window.freeStorage()`);
      await evalInTab(tab, `(window.API_1484_11.SetValue('cmi.progress_measure', '0.5'), window.API_1484_11.Commit(''))`);
      await waitInTab(
        tab,
        `${attempt}.then((data) => data.includes('during') && data.includes('kept while full') && data.includes('0.5'))`,
      );
      await waitInTab(tab, `!Object.keys(localStorage).some((key) => key.startsWith('lms-kit:scorm-journal:'))`);
      expect(await evalInTab<string[]>(tab, 'window.errors')).to.deep.equal(['storage/quota-exceeded']);
    } finally {
      await closeTab(tab);
    }
  });
});

describe('SCORM 2004 sequencing in <lms-course-player>', function () {
  this.timeout(30_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it('follows the engine: the first SCO is delivered, later ones wait, "continue" opens the next', async () => {
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" storage-type="memory"
        ><lms-course-player src="/__zip/test/scorm/sequenced.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'one', 'the first SCO was not opened', { timeout: 15000 });
    expect(await player.goToLesson('three')).to.equal(false);
    const api = () =>
      (
        window as unknown as {
          API_1484_11?: { isInitialized(): boolean; SetValue(e: string, v: string): string; Terminate(p: string): string };
        }
      ).API_1484_11;
    await waitUntil(() => api()?.isInitialized(), 'SCO one did not initialize', { timeout: 15000 });
    api()?.SetValue('cmi.completion_status', 'completed');
    api()?.SetValue('adl.nav.request', 'continue');
    api()?.Terminate('');
    await waitUntil(() => player.currentLessonId === 'two', 'the engine did not deliver SCO two', { timeout: 15000 });
    await waitUntil(() => player.progress?.lessons.one?.status === 'completed');
  });
});

describe('the demo SCORM package', function () {
  this.timeout(30_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));

  it('records answers as xAPI interactions and reports its score and success to the course', async () => {
    const storage = new MemoryAdapter();
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-course-player src="/__zip/demo/scorm/allergen-check.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'intro', 'the package did not open', { timeout: 15000 });
    await waitUntil(() => player.progress?.lessons.intro?.status === 'completed', 'the intro asset was not completed when viewed');
    await player.goToLesson('check');
    const frame = () => scormView(player)?.shadowRoot.querySelector('iframe');
    await waitUntil(() => frame()?.contentDocument?.querySelectorAll('input[type=radio]').length === 9, 'the questions did not render', {
      timeout: 15000,
    });
    const doc = frame()?.contentDocument as Document;
    for (const [name, value] of [
      ['gluten', '0'],
      ['unsure', '1'],
      ['tongs', '0'],
    ]) {
      (doc.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement).click();
    }
    await waitUntil(() => player.progress?.lessons.check?.status === 'completed', 'the check did not complete');
    const stored = await storage.getProgress({ learnerId: 'mailto:ada@example.com', courseId: 'scorm-northwind.allergen-check' });
    expect(stored?.lessons.check).to.deep.include({ passed: true });
    expect(stored?.lessons.check.score?.scaled).to.be.closeTo(0.67, 0.01);
    const statements = (await storage.readOutbox(100)).map((entry) => entry.statement);
    const answered = statements.filter((statement) => statement.verb.id.endsWith('/answered'));
    expect(answered.map((statement) => statement.object.id.split('/').pop())).to.deep.equal(['gluten', 'unsure', 'tongs']);
    expect(answered[2].result?.success).to.equal(false);
    expect(answered[0].context?.contextActivities?.category?.[0].id).to.equal('https://w3id.org/xapi/scorm');
    expect(statements.map((statement) => statement.verb.id.split('/').pop())).to.include.members([
      'initialized',
      'scored',
      'completed',
      'passed',
    ]);

    // <lms-progress> beside the player shows completion, success and score.
    const progress = document.createElement('lms-progress');
    progress.setAttribute('course', 'scorm-northwind.allergen-check');
    provider.append(progress);
    await waitUntil(() => progress.shadowRoot?.querySelector('[part="result"]'), 'no results in <lms-progress>', { timeout: 5000 });
    const results = [...(progress.shadowRoot?.querySelectorAll('[part="result"]') ?? [])].map((row) => row.textContent?.trim());
    // The package's rolled-up result is the course's, then each SCO's.
    expect(results).to.deep.equal(['Allergen check: completed, passed, score 67%', 'Check yourself: completed, passed, score 67%']);
    await expect(progress).to.be.accessible();
  });
});
