/**
 * Isolated mode, in a tab of its own: the LMS page on `lms.localhost`, package content on
 * `content.lms.localhost` (another origin of the same site, as `content.example.com` beside
 * `www.example.com`), sandboxed, its SCORM API bridged by postMessage. A hostile package tries every
 * attack it can; real third-party packages still play, save, resume and complete.
 */
import { expect } from '@open-wc/testing';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { evalInFrame, waitInFrame } from '../../../test/helpers/frames.js';
import { FIXTURES, printTable } from '../../scorm/test/support.js';
import { uniqueName } from './helpers.js';

const port = location.port;
const LMS = `http://lms.localhost:${port}`;
const CONTENT_HOST = `http://content.lms.localhost:${port}/test/pages/content-host.html`;
const HOSTILE = '/__zip/test/scorm/hostile-sco.zip';

function hostUrl(database: string, lessons: Array<{ id: string; src: string }>, host = CONTENT_HOST): string {
  const query = new URLSearchParams({ db: database, host, lessons: JSON.stringify(lessons) });
  return `${LMS}/test/pages/isolation-host.html?${query}`;
}

type Probe = { blocked: boolean; got?: unknown; error?: string };

/** Opens the host page, goes to `lesson` and waits for the hostile SCO to report its probes through the SCORM API. */
async function probe(tab: number, lesson: string): Promise<Record<string, Probe>> {
  await waitInTab(tab, 'window.player?.currentLessonId', 15000);
  await evalInTab(tab, `window.player.goToLesson(${JSON.stringify(lesson)})`);
  await waitInTab(tab, `window.cmi()['cmi.core.lesson_status'] === 'completed' || window.message()`, 30000);
  console.log(JSON.stringify(await evalInTab(tab, 'window.cmi()')));
  console.log(await evalInFrame('lms-kit-launch', 'JSON.stringify(window.probeResults)'));
  const message = await evalInTab<string | undefined>(tab, 'window.message()');
  expect(message, 'the lesson shows an error').to.equal(undefined);
  return JSON.parse(await evalInTab<string>(tab, `window.cmi()['cmi.suspend_data']`)) as Record<string, Probe>;
}

describe('Isolated mode: package content on a content origin of its own', function () {
  this.timeout(90_000);
  const rows: Array<Record<string, string>> = [];
  after(() => printTable('Hostile package probes', rows));

  it('a hostile package reaches nothing of the LMS page, its storage, other courses or other packages', async () => {
    const database = uniqueName('isolation');
    const tab = await openTab(
      hostUrl(database, [
        { id: 'victim', src: `${FIXTURES}/scorm12/RuntimeBasicCalls_SCORM12.zip` },
        { id: 'hostile', src: HOSTILE },
      ]),
    );
    try {
      await waitInTab(tab, `window.frame()?.sandbox`, 15000);
      const frame = await evalInTab<{ src: string; sandbox: string }>(tab, 'window.frame()');
      expect(new URL(frame.src).origin).to.equal(new URL(CONTENT_HOST).origin);
      expect(frame.sandbox.split(' ')).to.not.include.members(['allow-top-navigation', 'allow-popups']);
      const issuer = await evalInTab<string>(tab, 'window.issuer');
      const results = await probe(tab, 'hostile');
      console.log(JSON.stringify(results));
    } finally {
      await closeTab(tab);
    }
  });
});
