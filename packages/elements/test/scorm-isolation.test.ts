/**
 * Isolated mode, in a tab of its own: the LMS page on `lms.localhost`, package content on
 * `content.lms.localhost` (another origin of the same site, as `content.example.com` beside
 * `www.example.com`), sandboxed, its SCORM API bridged by postMessage. A hostile package tries every
 * attack it can; real third-party packages still play, save, resume and complete.
 */
import { expect } from '@open-wc/testing';
import { closeTab, evalInTab, openTab, reloadTab, waitInTab } from '../../../test/helpers/commands.js';
import { clickInFrame, closeFrameWindow, evalInFrame, waitInFrame } from '../../../test/helpers/frames.js';
import { FIXTURES, printTable } from '../../scorm/test/support.js';
import { skipWithoutFixtures } from '../../../test/helpers/fixtures.js';
import { uniqueName } from './helpers.js';

const port = location.port;
const LMS = `http://lms.localhost:${port}`;
const CONTENT_HOST = `http://content.lms.localhost:${port}/test/pages/content-host.html`;
const HOSTILE = '/__zip/test/scorm/hostile-sco.zip';
const GOLF_12 = `${FIXTURES}/scorm12/RuntimeBasicCalls_SCORM12.zip`;
const GOLF_2004 = `${FIXTURES}/scorm2004/RuntimeBasicCalls_SCORM20043rdEdition.zip`;
/** The Golf packages' launch page, as served on the content origin. */
const LAUNCH_PAGE = 'shared/launchpage.html';

function hostUrl(
  database: string,
  lessons: Array<{ id: string; src: string }>,
  host = CONTENT_HOST,
  second?: Array<{ id: string; src: string }>,
): string {
  const query = new URLSearchParams({ db: database, host, lessons: JSON.stringify(lessons) });
  if (second) query.set('second', JSON.stringify(second));
  return `${LMS}/test/pages/isolation-host.html?${query}`;
}

type Probe = { blocked: boolean; got?: unknown; error?: string };

async function openLesson(tab: number, lesson: string): Promise<void> {
  await waitInTab(tab, 'window.player?.currentLessonId', 15000);
  await evalInTab(tab, `window.player.goToLesson(${JSON.stringify(lesson)})`);
}

/** Goes to `lesson` and waits for the hostile SCO to report its probes through the SCORM API. */
async function probe(tab: number, lesson: string): Promise<Record<string, Probe>> {
  await openLesson(tab, lesson);
  await waitInTab(tab, `window.cmi()['cmi.suspend_data'] || window.error()`, 30000);
  expect(await evalInTab<string | undefined>(tab, 'window.error()'), 'the lesson shows an error').to.equal(undefined);
  return JSON.parse(await evalInTab<string>(tab, `window.cmi()['cmi.suspend_data']`)) as Record<string, Probe>;
}

const progressOf = (tab: number, lesson: string) =>
  evalInTab<string | undefined>(
    tab,
    `window.storage.getProgress({ learnerId: 'mailto:ada@example.com', courseId: 'isolation-course' }).then((p) => p?.lessons[${JSON.stringify(lesson)}]?.status)`,
  );

describe('Isolated mode: package content on a content origin of its own', function () {
  this.timeout(120_000);
  const rows: Array<Record<string, string>> = [];
  after(() => printTable('Hostile package probes (isolated mode)', rows));

  it('a hostile package reaches nothing of the LMS page, its storage, other courses, other packages or the top page', async function () {
    await skipWithoutFixtures(this);
    const database = uniqueName('isolation');
    const tab = await openTab(
      hostUrl(database, [
        { id: 'victim', src: GOLF_12 },
        { id: 'hostile', src: HOSTILE },
      ]),
    );
    try {
      await waitInTab(tab, `window.frame()?.sandbox`, 15000);
      const frame = await evalInTab<{ src: string; sandbox: string }>(tab, 'window.frame()');
      expect(new URL(frame.src).origin, 'the frame is on the content origin').to.equal(new URL(CONTENT_HOST).origin);
      expect(frame.sandbox.split(' ')).to.include('allow-scripts');
      expect(frame.sandbox.split(' ')).to.not.include.members(['allow-top-navigation', 'allow-popups']);
      await waitInFrame(LAUNCH_PAGE, { expression: 'document.readyState === "complete"' });
      const hostUrlBefore = await evalInTab<string>(tab, 'location.href');
      const issuer = await evalInTab<string>(tab, 'window.issuer');
      const hostWorkers = await evalInTab<string[]>(tab, 'window.serviceWorkers()');

      const results = await probe(tab, 'hostile');
      const row = (attack: string, how: string, blocked: boolean) =>
        rows.push({ attack, how, result: blocked ? 'blocked' : 'NOT blocked' });

      // The LMS page's DOM, storage and cookies.
      expect(results.hostDom).to.deep.include({ blocked: true, error: 'SecurityError' });
      row('read the LMS page DOM', 'window.top.document', results.hostDom.blocked);
      expect(results.hostLocalStorage.blocked).to.equal(true);
      expect(results.ownLocalStorage.got, 'the content origin has its own, empty storage').to.equal(null);
      row(
        'read its localStorage',
        'top.localStorage; own localStorage',
        results.hostLocalStorage.blocked && results.ownLocalStorage.got === null,
      );
      expect(results.cookies.blocked, 'the LMS cookie is not visible').to.equal(true);
      row('read its cookies', 'document.cookie', results.cookies.blocked);
      const databases = (results.databases.got as string[] | undefined) ?? [];
      expect(databases).to.not.include.members([database, 'lms-kit-certificate-keys', 'lms-kit-packages']);
      row('list its IndexedDB databases', 'indexedDB.databases()', !databases.includes(database));
      // Other courses' progress and the certificate key live in the LMS origin's IndexedDB.
      expect(results.otherProgress.blocked).to.equal(true);
      expect(results.certificateKey.blocked).to.equal(true);
      row('mark other courses complete', 'IndexedDB progress store; bridge', results.otherProgress.blocked);
      row('sign with the learner certificate key', 'IndexedDB key store, crypto.subtle.sign', results.certificateKey.blocked);
      // The bridge answers SCORM calls only.
      expect(results.bridgeMethods.blocked).to.equal(true);
      expect(results.bridgeMethods.error).to.contain('Method not allowed: loadFromJSON');
      row('call LMS API internals through the bridge', 'postMessage loadFromJSON, reset', results.bridgeMethods.blocked);
      // Other packages' files: the LMS's package database is out of reach, and nothing of any package is stored on the content origin.
      expect(results.hostPackageFiles.blocked).to.equal(true);
      expect(results.contentCaches.got as string[], 'caches on the content origin').to.deep.equal([]);
      // Service workers: only the content origin's own can be seen (and unregistered).
      const scopes = results.serviceWorkers.got as string[];
      expect(scopes.every((scope) => scope.startsWith(new URL(CONTENT_HOST).origin))).to.equal(true);
      expect(await evalInTab<string[]>(tab, 'window.serviceWorkers()'), 'the LMS page keeps its service worker').to.deep.equal(hostWorkers);
      row('unregister the LMS service worker', 'getRegistrations().unregister()', true);
      // The top page.
      expect(results.topNavigation.blocked).to.equal(true);
      expect(results.popup.blocked).to.equal(true);
      expect(await evalInTab<string>(tab, 'location.href')).to.equal(hostUrlBefore);
      row('navigate the top page', 'top.location.href =', results.topNavigation.blocked);
      row('open a window', 'window.open', results.popup.blocked);

      // The learner's other lesson and the certificate key are as they were.
      expect(await progressOf(tab, 'hostile')).to.equal('completed');
      expect(await progressOf(tab, 'victim')).to.not.equal('completed');
      expect(await evalInTab<string>(tab, 'window.signer.issuerId()')).to.equal(issuer);

      // The other package's files are intact, in the LMS's database and as its next launch serves them.
      const victimId = (await evalInTab<string[]>(tab, 'window.packages()')).find((id) => id.includes('RuntimeBasicCalls')) as string;
      expect(await evalInTab<string>(tab, `window.fileText(${JSON.stringify(victimId)}, ${JSON.stringify(LAUNCH_PAGE)})`)).to.not.contain(
        'PWNED',
      );
      await openLesson(tab, 'victim');
      await waitInFrame(LAUNCH_PAGE, { expression: 'typeof window.doNext === "function"', timeout: 15000 });
      expect(await evalInFrame<string>(LAUNCH_PAGE, 'document.documentElement.outerHTML')).to.not.contain('PWNED');
      row("overwrite another package's files", 'LMS package database; content-origin caches; next launch', true);
    } finally {
      await closeTab(tab);
    }
  });

  it('a hostile package cannot reach another launch open at the same time on the same page', async function () {
    await skipWithoutFixtures(this);
    const tab = await openTab(
      hostUrl(
        uniqueName('isolation-neighbours'),
        [
          { id: 'first', src: GOLF_2004 },
          { id: 'hostile', src: HOSTILE },
        ],
        CONTENT_HOST,
        [{ id: 'victim', src: GOLF_12 }],
      ),
    );
    try {
      await waitInFrame(LAUNCH_PAGE, { expression: 'typeof window.doNext === "function"', timeout: 15000 });
      const results = await probe(tab, 'hostile');
      // The players' frames are in shadow roots: from the content, `top.frames` is empty.
      expect(results.neighbours.blocked, JSON.stringify(results.neighbours)).to.equal(true);
      rows.push({
        attack: 'script another launch on the page',
        how: 'top.frames[i].document, .API',
        result: results.neighbours.blocked ? 'blocked' : 'NOT blocked',
      });
    } finally {
      await closeTab(tab);
    }
  });

  it('in the default same-origin mode the same package takes over the LMS page (why isolated mode exists)', async () => {
    // An origin of its own, so what the package does there (it unregisters service workers) touches no other test.
    const url = hostUrl(uniqueName('same-origin'), [{ id: 'hostile', src: HOSTILE }], '').replace(LMS, `http://trusted.localhost:${port}`);
    const tab = await openTab(url);
    try {
      await openLesson(tab, 'hostile');
      await waitInTab(tab, `location.href === 'about:blank#pwned'`, 15000);
      rows.push({
        attack: 'same-origin mode, for comparison',
        how: 'top.location.href =',
        result: 'NOT blocked: the LMS page was replaced',
      });
    } finally {
      await closeTab(tab);
    }
  });

  for (const [version, src, location, status] of [
    ['1.2', GOLF_12, 'cmi.core.lesson_location', 'cmi.core.lesson_status'],
    ['2004', GOLF_2004, 'cmi.location', 'cmi.completion_status'],
  ] as const) {
    it(`a SCORM ${version} package plays, saves, resumes and completes on the content origin`, async function () {
      await skipWithoutFixtures(this);
      const database = uniqueName('isolation-golf');
      const url = hostUrl(database, [{ id: 'golf', src }]);
      const api = version === '1.2' ? 'parent.API' : 'parent.API_1484_11';
      const [set, commit, get] = version === '1.2' ? ['LMSSetValue', 'LMSCommit', 'LMSGetValue'] : ['SetValue', 'Commit', 'GetValue'];
      let tab = await openTab(url);
      try {
        await waitInFrame(LAUNCH_PAGE, { expression: 'typeof window.doNext === "function"', timeout: 15000 });
        // The content finds the bridged API on its content host, and the learner moves on a page.
        await evalInFrame(LAUNCH_PAGE, 'doNext()');
        await waitInTab(tab, `window.cmi()[${JSON.stringify(location)}] === '1'`, 10000);
        await evalInFrame(LAUNCH_PAGE, `${api}.${set}('cmi.suspend_data', 'state-from-test'), ${api}.${commit}('')`);
        await waitInTab(
          tab,
          `window.storage.listAttempts({ learnerId: 'mailto:ada@example.com' }).then((all) => all.some((a) => JSON.stringify(a.data).includes('state-from-test')))`,
          10000,
        );
      } finally {
        await closeTab(tab);
      }
      tab = await openTab(url);
      try {
        await waitInFrame(LAUNCH_PAGE, { expression: 'typeof window.doNext === "function"', timeout: 15000 });
        // The content host answers from the SCO's saved data at once (no round trip): resume works.
        expect(await evalInFrame<string>(LAUNCH_PAGE, `${api}.${get}('cmi.suspend_data')`)).to.equal('state-from-test');
        expect(await evalInTab<string>(tab, 'window.startingCmi()')).to.contain(
          version === '1.2' ? '"lesson_location":"1"' : '"location":"1"',
        );
        expect(await evalInFrame<string>(LAUNCH_PAGE, `${api}.${get}('${version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'}')`)).to.equal(
          'resume',
        );
        await evalInFrame(LAUNCH_PAGE, `${api}.${set}(${JSON.stringify(status)}, 'completed'), ${api}.${commit}('')`);
        await waitInTab(tab, `window.player.progress?.lessons.golf.status === 'completed'`, 10000);
        expect(await progressOf(tab, 'golf')).to.equal('completed');
      } finally {
        await closeTab(tab);
      }
    });
  }

  it('a cmi5 AU plays on the content origin, its files and LRS facade relayed to the LMS page, and satisfies its lesson', async function () {
    await skipWithoutFixtures(this);
    const database = uniqueName('isolation-cmi5');
    const query = new URLSearchParams({ db: database, host: CONTENT_HOST, src: `${FIXTURES}/cmi5/single_au_basic_framed.zip` });
    const tab = await openTab(`${LMS}/test/pages/isolation-host.html?${query}`);
    try {
      await waitInTab(tab, 'window.auFrame()?.sandbox', 30000);
      const frame = await evalInTab<{ src: string; sandbox: string }>(tab, 'window.auFrame()');
      expect(new URL(frame.src).origin).to.equal(new URL(CONTENT_HOST).origin);
      // The AU itself is on the content origin; its xAPI endpoint too.
      const au = 'lms-kit-relay/';
      await waitInFrame(au, { expression: 'document.querySelector("li.navmenuitem.current")', timeout: 15000 });
      const endpoint = new URL(await evalInFrame<string>(au, 'location.href')).searchParams.get('endpoint') as string;
      expect(new URL(endpoint).origin).to.equal(new URL(CONTENT_HOST).origin);
      if (
        await evalInFrame<boolean>(
          au,
          '!!document.querySelector(".navtoggle") && getComputedStyle(document.querySelector(".navtoggle")).display !== "none"',
        )
      ) {
        await clickInFrame(au, '.navtoggle');
      }
      await clickInFrame(au, 'li.navmenuitem:has-text("Quiz")');
      await clickInFrame(au, 'button:has-text("Select correct answers")');
      await clickInFrame(au, 'button:has-text("Submit Answers")');
      await waitInFrame(au, { selector: '#score-passed' });
      await waitInTab(tab, 'window.player.progress?.completed', 20000);
      const verbs = await evalInTab<string[]>(
        tab,
        `window.storage.listRecords('cmi5-statements').then((all) => all.map((r) => r.statement.verb.id.split('/').pop()))`,
      );
      expect(verbs).to.include.members(['launched', 'initialized', 'passed', 'satisfied']);
    } finally {
      await closeTab(tab);
    }
  });

  /** The learner takes the quiz of a CATAPULT example AU (framed or in its window), found by `at` in its URL. */
  async function passQuiz(at: string): Promise<void> {
    await waitInFrame(at, { expression: 'document.querySelector("li.navmenuitem.current")', timeout: 20000 });
    if (
      await evalInFrame<boolean>(
        at,
        '!!document.querySelector(".navtoggle") && getComputedStyle(document.querySelector(".navtoggle")).display !== "none"',
      )
    ) {
      await clickInFrame(at, '.navtoggle');
    }
    await clickInFrame(at, 'li.navmenuitem:has-text("Quiz")');
    await clickInFrame(at, 'button:has-text("Select correct answers")');
    await clickInFrame(at, 'button:has-text("Submit Answers")');
    await waitInFrame(at, { selector: '#score-passed' });
  }

  const cmi5Verbs = (tab: number) =>
    evalInTab<string[]>(
      tab,
      `window.storage.listRecords('cmi5-statements').then((all) => all.sort((a, b) => a.statement.timestamp.localeCompare(b.statement.timestamp)).map((r) => r.statement.verb.id.split('/').pop()))`,
    );

  it('a cmi5 AU with launchMethod="OwnWindow" opens in its own window on the content origin, cut off from the LMS page', async () => {
    const database = uniqueName('isolation-cmi5-window');
    const query = new URLSearchParams({ db: database, host: CONTENT_HOST, src: `${FIXTURES}/cmi5/masteryscore_framed.zip` });
    const page = `isolation-host.html?${query}`;
    const tab = await openTab(`${LMS}/test/pages/${page}`);
    try {
      await waitInTab(
        tab,
        `window.player.shadowRoot.querySelector('lms-cmi5-lesson')?.shadowRoot.querySelector('button[part=launch]')`,
        30000,
      );
      await clickInFrame(page, 'lms-cmi5-lesson button[part=launch]');
      // The window shows the AU on the content origin, below its launch's relay; no AU frame on the LMS page.
      const au = 'lms-kit-relay/';
      await waitInFrame(au, { expression: 'document.querySelector("li.navmenuitem.current")', timeout: 20000 });
      const window = await evalInFrame<{ origin: string; top: boolean; opener: boolean; endpoint: string }>(
        au,
        `({ origin: location.origin, top: window.top === window, opener: window.opener !== null, endpoint: new URL(location.href).searchParams.get('endpoint') })`,
      );
      expect(window).to.deep.include({ origin: new URL(CONTENT_HOST).origin, top: true, opener: false });
      expect(new URL(window.endpoint).origin, 'the AU talks to the facade on its own origin').to.equal(new URL(CONTENT_HOST).origin);
      expect(await evalInTab(tab, 'window.auFrame()?.src ?? null'), 'a relay frame only, hidden').to.satisfy(
        (src: string | null) => src === null || new URL(src).origin === new URL(CONTENT_HOST).origin,
      );
      await passQuiz(au);
      await waitInTab(tab, 'window.player.progress?.completed', 20000);
      expect(await cmi5Verbs(tab)).to.include.members(['launched', 'initialized', 'passed', 'satisfied']);
      // The learner closes the window without exiting: the session is abandoned, the relay goes.
      await closeFrameWindow(au);
      await waitInTab(
        tab,
        `window.storage.listRecords('cmi5-sessions').then((all) => all.every((s) => s.state !== 'launched' && s.state !== 'initialized'))`,
        15000,
      );
    } finally {
      await closeTab(tab);
    }
  });

  it('a cmi5 AU resumes in isolated mode: its bookmark and LMS.LaunchData are there on a second launch', async () => {
    const database = uniqueName('isolation-cmi5-resume');
    const query = new URLSearchParams({ db: database, host: CONTENT_HOST, src: `${FIXTURES}/cmi5/single_au_basic_framed.zip` });
    const tab = await openTab(`${LMS}/test/pages/isolation-host.html?${query}`);
    const au = 'lms-kit-relay/';
    try {
      await waitInFrame(au, { expression: 'document.querySelector("li.navmenuitem.current")', timeout: 30000 });
      await clickInFrame(au, 'li.navmenuitem:has-text("Quiz")');
      await waitInFrame(au, { expression: 'document.querySelector("li.navmenuitem.current")?.textContent.includes("Quiz")' });
      // The bookmark is written through the relay into the learner's storage on the LMS origin.
      await waitInTab(tab, `window.storage.listRecords('cmi5-documents').then((all) => JSON.stringify(all).includes('bookmark'))`, 15000);

      await reloadTab(tab);
      await waitInFrame(au, { expression: 'document.querySelector("#bookmark-overlay.full-overlay-visible")', timeout: 30000 });
      await clickInFrame(au, '#bookmark-overlay .resume-button');
      await waitInFrame(au, { expression: 'document.querySelector("li.navmenuitem.current")?.textContent.includes("Quiz")' });
      // The first session, left by the reload, is abandoned (cmi5 9.3.6); the second plays in Normal mode.
      const sessions = `window.storage.listRecords('cmi5-sessions').then((all) => JSON.stringify(all.sort((a, b) => a.launchedAt.localeCompare(b.launchedAt)).map((s) => [s.state, s.launchMode])))`;
      await waitInTab(tab, `${sessions}.then((states) => states === '[["abandoned","Normal"],["initialized","Normal"]]')`, 15000).catch(
        async () => {
          throw new Error(`sessions: ${await evalInTab<string>(tab, sessions)}`);
        },
      );
      // The second session's AU read LMS.LaunchData (the facade takes no "initialized" before it), on the content origin.
      const verbs = await cmi5Verbs(tab);
      expect(verbs.filter((verb) => verb === 'launched')).to.have.length(2);
      expect(verbs.lastIndexOf('initialized')).to.be.greaterThan(verbs.lastIndexOf('launched'));
    } finally {
      await closeTab(tab);
    }
  });
});
