/**
 * Every third-party SCORM package in ../shared/fixtures, played as a whole course in <lms-course-player>:
 * it imports, shows its outline, launches (scripts and images load in the frame), and for the packages
 * whose content calls the runtime, what the content sets is stored and resumed by a new player on the
 * same database. Prints a table of the results.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { configureServiceWorker } from '@lms-kit/scorm';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import Dexie from 'dexie';
import { FIXTURE_PACKAGES, FIXTURES, clearPackageDatabase, printTable } from '../../scorm/test/support.js';
import { skipWithoutFixtures } from '../../../test/helpers/fixtures.js';
import { uniqueName } from './helpers.js';
import '@lms-kit/elements/all';

import { TEST_SERVICE_WORKER } from './scorm-helpers.js';

interface ScormApiLike {
  isInitialized(): boolean;
  GetValue?(element: string): string;
  LMSGetValue?(element: string): string;
  SetValue?(element: string, value: string): string;
  LMSSetValue?(element: string, value: string): string;
  Commit?(parameter: string): string;
  LMSCommit?(parameter: string): string;
}

function api(version: string): ScormApiLike | undefined {
  const w = window as unknown as { API?: ScormApiLike; API_1484_11?: ScormApiLike };
  return version === '1.2' ? w.API : w.API_1484_11;
}

async function mountPlayer(src: string, database: string): Promise<{ provider: LmsProvider; player: LmsCoursePlayer }> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ada@example.com" learner-name="Ada" database=${database}>
      <lms-course-player src=${src}></lms-course-player>
    </lms-provider>`,
  );
  const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
  await waitUntil(() => player.progress !== undefined && player.currentLessonId !== undefined, 'the package did not open as a course', {
    timeout: 15000,
  });
  return { provider, player };
}

function contentFrame(player: LmsCoursePlayer): HTMLIFrameElement | null {
  return player.shadowRoot?.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe') ?? null;
}

/** Every window of the frame tree (the Golf launch pages hold another frame with the page content). */
function windows(root: Window): Window[] {
  const found = [root];
  for (let i = 0; i < root.frames.length; i++) found.push(...windows(root.frames[i]));
  return found;
}

interface LoadCheck {
  /** Every document of the frame tree has loaded and every image in it is decoded. */
  done: boolean;
  scripts: number;
  images: number;
  failed: string[];
}

function loadCheck(frame: HTMLIFrameElement): LoadCheck {
  const check: LoadCheck = { done: true, scripts: 0, images: 0, failed: [] };
  for (const w of windows(frame.contentWindow as Window)) {
    const doc = w.document;
    if (!doc || doc.readyState !== 'complete' || doc.URL === 'about:blank') check.done = false;
    if (!doc) continue;
    for (const entry of w.performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const status = (entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus ?? 200;
      if (status >= 400) check.failed.push(`${entry.name} (${status})`);
      if (entry.initiatorType === 'script') check.scripts++;
    }
    const images = [...doc.images];
    if (images.some((image) => !image.complete)) check.done = false;
    for (const image of images) {
      if (image.complete && image.naturalWidth > 0) check.images++;
      else if (image.complete) check.failed.push(`${image.src} (not an image)`);
    }
  }
  return check;
}

describe('SCORM fixtures in <lms-course-player>', function () {
  this.timeout(60_000);
  const rows: Array<Record<string, string | number | boolean>> = [];
  const databases: string[] = [];

  before(async function () {
    await skipWithoutFixtures(this);
    configureServiceWorker(TEST_SERVICE_WORKER);
    await clearPackageDatabase();
  });
  after(async () => {
    printTable('SCORM fixtures', rows);
    for (const name of databases) await Dexie.delete(name);
    await clearPackageDatabase();
  });

  for (const fixtureInfo of FIXTURE_PACKAGES) {
    it(`${fixtureInfo.file}: imports, shows its outline, launches${fixtureInfo.runtime ? ', stores and resumes' : ''}`, async () => {
      const src = `${FIXTURES}/${fixtureInfo.file}`;
      const database = uniqueName('scorm-fixture');
      databases.push(database);
      const row: Record<string, string | number | boolean> = { package: fixtureInfo.file, version: fixtureInfo.version };
      rows.push(row);

      const { provider, player } = await mountPlayer(src, database);
      row.imported = true;
      expect(player.progress?.order.length, 'lessons in the outline').to.equal(fixtureInfo.launchable);
      row.outline = `${player.progress?.order.length} items`;

      await waitUntil(() => contentFrame(player)?.contentDocument?.readyState === 'complete', 'the launch page did not load', {
        timeout: 15000,
      });
      const frame = contentFrame(player) as HTMLIFrameElement;
      await waitUntil(() => loadCheck(frame).done, 'the frame did not finish loading its pages and images', { timeout: 15000 });
      const loaded = loadCheck(frame);
      expect(loaded.failed, 'requests that failed').to.deep.equal([]);
      row.launch = `${loaded.scripts} scripts, ${loaded.images} images`;

      if (!fixtureInfo.runtime) {
        if (fixtureInfo.launchable > 1) {
          // Asset items never call the runtime: viewing one completes it.
          const first = player.progress?.order[0] as string;
          await waitUntil(() => player.progress?.lessons[first].status === 'completed', 'a viewed asset is not completed');
          row.launch += ', asset completed when viewed';
        }
        row.runtime = '—';
        row.resume = '—';
        provider.remove();
        return;
      }
      await waitUntil(() => api(fixtureInfo.version)?.isInitialized(), 'the content never initialized the API', { timeout: 15000 });
      row.runtime = fixtureInfo.version === '1.2' ? 'LMSInitialize' : 'Initialize';
      // The learner moves on a page (the content saves its bookmark) and the test keeps some suspend data.
      (frame.contentWindow as unknown as { doNext(): void }).doNext();
      const live = api(fixtureInfo.version) as ScormApiLike;
      const get = (element: string) => (live.GetValue ?? live.LMSGetValue)?.call(live, element);
      const location = fixtureInfo.version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
      await waitUntil(() => get(location) === '1', 'the content did not save its bookmark');
      (live.SetValue ?? live.LMSSetValue)?.call(live, 'cmi.suspend_data', 'state-from-test');
      (live.Commit ?? live.LMSCommit)?.call(live, '');

      // Re-create the player on the same database: the frame unloads, the content terminates.
      provider.remove();
      const storage = new DexieAdapter({ databaseName: database });
      await waitUntil(
        async () => {
          const attempts = await storage.listAttempts({ learnerId: 'mailto:ada@example.com' });
          return attempts.some((attempt) => JSON.stringify(attempt.data).includes('state-from-test'));
        },
        'the CMI data was not stored',
        { timeout: 10000 },
      );
      await storage.close();
      row.stored = true;

      const again = await mountPlayer(src, database);
      await waitUntil(() => api(fixtureInfo.version)?.isInitialized(), 'the content did not initialize again', { timeout: 15000 });
      const resumed = api(fixtureInfo.version) as ScormApiLike;
      const read = (element: string) => (resumed.GetValue ?? resumed.LMSGetValue)?.call(resumed, element);
      expect(read(fixtureInfo.version === '1.2' ? 'cmi.core.entry' : 'cmi.entry')).to.equal('resume');
      // What the content was given at launch (the Golf pages ask "resume?" with confirm(), which a test browser answers no).
      const view = again.player.shadowRoot?.querySelector('lms-scorm-lesson') as
        (HTMLElement & { session?: { startingCmi: unknown } }) | null;
      const given = JSON.stringify(view?.session?.startingCmi);
      expect(given).to.contain(fixtureInfo.version === '1.2' ? '"lesson_location":"1"' : '"location":"1"');
      expect(read('cmi.suspend_data')).to.equal('state-from-test');
      row.resume = 'entry, location, suspend_data';
      again.provider.remove();
    });
  }
});
