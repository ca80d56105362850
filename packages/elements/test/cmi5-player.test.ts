/**
 * cmi5 courses in the player, end to end: real packages imported from ../shared/fixtures (the
 * CATAPULT examples) and an AU written with @xapi/cmi5, launched through LMS Kit's service worker,
 * driven as a learner would with real clicks in the AU's frame or window, statements checked in
 * the learner's storage and, with an LRS configured, in a real LRS.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { uuid, type Statement } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { Cmi5Collections, Cmi5Extensions, Cmi5Verbs, type Cmi5AuStatus, type Cmi5Session } from '@lms-kit/xapi/cmi5';
import Dexie from 'dexie';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';
import type { LmsCoursePlayer, LmsProgress, LmsProvider } from '@lms-kit/elements';
import { clickInFrame, evalInFrame, waitInFrame } from '../../../test/helpers/frames.js';
import { lrsDocument, lrsInfo, lrsStatements } from '../../../test/helpers/lrs.js';
import { skipWithoutFixtures } from '../../../test/helpers/fixtures.js';
import { addServiceWorkerMeta, removeServiceWorkers } from './scorm-helpers.js';

describe('cmi5 courses in <lms-course-player>', function () {
  this.timeout(60_000);
  let database: string;
  let storage: DexieAdapter;
  let meta: HTMLMetaElement;

  before(async () => {
    // A learner's laptop screen: the AU frames get the room their layouts expect.
    await setViewport({ width: 1280, height: 900 });
    meta = addServiceWorkerMeta();
  });
  after(() => removeServiceWorkers(meta));
  beforeEach(() => {
    database = `cmi5-${uuid()}`;
    storage = new DexieAdapter({ databaseName: database });
  });
  afterEach(async () => {
    document.body.querySelectorAll('lms-provider').forEach((provider) => provider.remove());
    await storage.close();
    await Dexie.delete(database);
  });

  async function openCourse(src: string, lrs?: unknown) {
    const provider = await fixture<LmsProvider>(html`
      <lms-provider learner-email="ada@example.com" learner-name="Ada" database=${database} locale="en" .lrs=${lrs}>
        <lms-course-player src=${src}></lms-course-player>
        <lms-progress course="placeholder"></lms-progress>
      </lms-provider>
    `);
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.progress !== undefined && player.currentLessonId !== undefined, 'the course did not load', {
      timeout: 30_000,
    });
    return { provider, player, progress: provider.querySelector('lms-progress') as LmsProgress };
  }

  const statements = async () =>
    (await storage.listRecords<{ id: string; statement: Statement }>(Cmi5Collections.statements))
      .map((record) => record.statement)
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const verbs = async () => (await statements()).map((statement) => statement.verb.id.slice(statement.verb.id.lastIndexOf('/') + 1));
  const content = () => `/lms-kit/cmi5/${database}/content/`;

  /** A learner goes to the quiz, picks the right answers, submits, then exits the course. */
  async function passQuiz(frameUrl: string) {
    await waitInFrame(frameUrl, { expression: 'document.querySelector("li.navmenuitem.current")', timeout: 15_000 });
    // In a narrow frame the responsive layout hides its menu behind a ☰ button.
    if (
      await evalInFrame<boolean>(
        frameUrl,
        '!!document.querySelector(".navtoggle") && getComputedStyle(document.querySelector(".navtoggle")).display !== "none"',
      )
    ) {
      await clickInFrame(frameUrl, '.navtoggle');
    }
    await clickInFrame(frameUrl, 'li.navmenuitem:has-text("Quiz")');
    await clickInFrame(frameUrl, 'button:has-text("Select correct answers")');
    await clickInFrame(frameUrl, 'button:has-text("Submit Answers")');
    await waitInFrame(frameUrl, { selector: '#score-passed' });
  }

  for (const zip of ['single_au_basic_framed.zip', 'single_au_basic_responsive.zip']) {
    it(`${zip}: imports, launches in a frame, and is satisfied when the learner passes the quiz`, async function () {
      await skipWithoutFixtures(this);
      const { player, progress } = await openCourse(`/__shared/fixtures/cmi5/${zip}`);
      expect(player.progress?.order).to.have.length(1);
      const root = player.shadowRoot as ShadowRoot;
      await waitUntil(() => root.querySelector('lms-cmi5-lesson')?.shadowRoot?.querySelector('iframe'), 'the AU frame', {
        timeout: 20_000,
      });
      await passQuiz(content());
      await waitUntil(() => player.progress?.completed, 'the course completes when its AU is satisfied', { timeout: 20_000 });
      // The AU sends "passed", then "completed".
      await waitUntil(
        async () => (await storage.listRecords<Cmi5AuStatus>(Cmi5Collections.auStatus))[0]?.completed,
        'completed is recorded',
      );
      const [status] = await storage.listRecords<Cmi5AuStatus>(Cmi5Collections.auStatus);
      expect(status).to.include({ passed: true, completed: true, satisfied: true });
      expect(await verbs()).to.include.members(['launched', 'initialized', 'passed', 'completed', 'satisfied']);
      await clickInFrame(content(), '#score-panel .exit-button');
      await waitUntil(async () => (await verbs()).includes('terminated'), 'the AU terminates');
      const [session] = await storage.listRecords<Cmi5Session>(Cmi5Collections.sessions);
      expect(session.state).to.equal('terminated');
      // <lms-progress> shows the course the player imported.
      progress.course = player.progress ? (await storage.listRecords(Cmi5Collections.courses))[0].id : '';
      await waitUntil(() => progress.shadowRoot?.textContent?.includes('100%'), 'progress shows the completed course');
    });
  }

  it('masteryscore_framed.zip: opens in its own window on the learner’s click, passes with the mastery score, and is abandoned if closed early', async function () {
    await skipWithoutFixtures(this);
    const { player } = await openCourse('/__shared/fixtures/cmi5/masteryscore_framed.zip');
    const lesson = () => (player.shadowRoot as ShadowRoot).querySelector('lms-cmi5-lesson');
    await waitUntil(() => lesson()?.shadowRoot?.querySelector('button[part=launch]'), 'the launch button', { timeout: 20_000 });
    expect(lesson()?.shadowRoot?.querySelector('iframe')).to.equal(null);
    await clickInFrame('', 'lms-cmi5-lesson button[part=launch]');
    await passQuiz(content());
    await waitUntil(() => player.progress?.completed, 'the course completes', { timeout: 20_000 });
    const passed = (await statements()).find((statement) => statement.verb.id === Cmi5Verbs.passed);
    expect(passed?.result?.score?.scaled).to.be.at.least(0.3);
    // The learner closes the window without exiting: the session is abandoned.
    await evalInFrame(content(), 'window.close(), true');
    await waitUntil(async () => (await verbs()).includes('abandoned') || (await verbs()).includes('terminated'), 'the session ends', {
      timeout: 10_000,
    });
  });

  it('runs an AU written with @xapi/cmi5 from a cmi5.xml URL: initialized → completed → passed → terminated, and the LRS gets it all', async () => {
    const { endpoint } = await lrsInfo();
    const { player } = await openCourse('/test/pages/cmi5-au/cmi5.xml', { endpoint, username: 'test', password: 'test' });
    await waitInFrame('/test/pages/cmi5-au/au.html', { expression: 'window.auDone || window.auError', timeout: 15_000 });
    const log = await evalInFrame<string[]>('/test/pages/cmi5-au/au.html', 'window.auError ? [window.auError] : window.auLog');
    expect(log).to.deep.equal([
      'initialized',
      'launchMode:Normal',
      'masteryScore:0.6',
      'launchParameters:mode=test',
      'languagePreference:en',
      'completed',
      'passed',
      'terminated',
    ]);
    await waitUntil(() => player.progress?.completed, 'the course completes', { timeout: 20_000 });
    expect(await verbs()).to.deep.equal(['launched', 'initialized', 'completed', 'passed', 'satisfied', 'terminated']);
    const registration = (await statements())[0].context?.registration as string;
    await waitUntil(async () => (await lrsStatements(registration)).ids.length >= 6, 'the statements reach the LRS', { timeout: 30_000 });
    const inLrs = await lrsStatements(registration);
    for (const statement of await statements()) expect(inLrs.ids).to.include(statement.id);
    // Under the cmi5 registration, only what the AU and the LMS side state: no statements of the player's own.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const settled = await lrsStatements(registration);
    expect(settled.verbs.filter((verb) => verb === Cmi5Verbs.launched)).to.have.length(1);
    expect(settled.ids.sort()).to.deep.equal((await statements()).map((statement) => statement.id).sort());
    // LMS.LaunchData and the AU's own state reach the LRS too (cmi5 10.1).
    const [session] = await storage.listRecords<Cmi5Session>(Cmi5Collections.sessions);
    const state = (stateId: string) =>
      lrsDocument('activities/state', { activityId: session.activityId, agent: JSON.stringify(session.actor), registration, stateId });
    await waitUntil(async () => (await state('bookmark')) !== null, 'the AU state reaches the LRS', { timeout: 30_000 });
    expect(JSON.parse((await state('bookmark'))?.body ?? '{}')).to.deep.equal({ page: 3 });
    const launchData = JSON.parse((await state('LMS.LaunchData'))?.body ?? '{}');
    expect(launchData).to.deep.include({ launchMode: 'Normal', masteryScore: 0.6 });
    expect(launchData.contextTemplate.extensions[Cmi5Extensions.sessionId]).to.equal(session.id);
    const preferences = await lrsDocument('agents/profile', { agent: JSON.stringify(session.actor), profileId: 'cmi5LearnerPreferences' });
    expect(JSON.parse(preferences?.body ?? '{}')).to.have.keys('languagePreference', 'audioPreference');
  });

  it('refuses to launch from memory storage, with a clear error', async () => {
    const provider = await fixture<LmsProvider>(html`
      <lms-provider learner-email="ada@example.com" storage-type="memory">
        <lms-course-player src="/test/pages/cmi5-au/cmi5.xml"></lms-course-player>
      </lms-provider>
    `);
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const errors: string[] = [];
    provider.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
    await waitUntil(() => errors.length > 0, 'an error', { timeout: 20_000 });
    expect(errors).to.deep.equal(['cmi5/needs-indexeddb']);
    const lesson = (player.shadowRoot as ShadowRoot).querySelector('lms-cmi5-lesson');
    expect(lesson?.shadowRoot?.querySelector('[role=alert]')?.textContent).to.contain('IndexedDB');
  });
});
