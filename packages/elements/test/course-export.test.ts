/**
 * Course export end to end: a native course exported as SCORM 1.2, SCORM 2004 4th edition and cmi5,
 * imported back into <lms-course-player> through its package path and taken to completion, and
 * played under plain scorm-again in a bare page, as a third-party LMS would.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isLmsError, uuid, type Course, type Statement } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import Dexie from 'dexie';
import { parseManifest } from '@lms-kit/scorm';
import { exportCoursePackage, type ExportFormat } from '@lms-kit/scorm/export';
import { Cmi5Collections, parseCourseStructure } from '@lms-kit/xapi/cmi5';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { strFromU8, unzipSync } from 'fflate';
import { executeServerCommand } from '@web/test-runner-commands';
import '@lms-kit/elements/all';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { evalInFrame } from '../../../test/helpers/frames.js';
import { lessonView } from './helpers.js';
import { addServiceWorkerMeta, removeServiceWorkers } from './scorm-helpers.js';

/** The runtime inside the packages: the elements from this server (a published package ships `lms-kit.js`). */
const RUNTIME = { entry: new URL('/packages/elements/src/all.ts', location.href).href };

function course(lessons = 1): Course {
  const id = `export-${uuid().slice(0, 8)}`;
  return {
    schema: 1,
    id,
    title: 'Safety & <basics>',
    description: 'A course made in LMS Kit',
    modules: [
      {
        id: 'm1',
        title: 'First steps',
        lessons: Array.from({ length: lessons }, (_, i) => ({
          id: `l${i + 1}`,
          kind: 'text' as const,
          title: `Lesson ${i + 1}`,
          html: `<p>Page ${i + 1}</p>`,
        })),
      },
    ],
  };
}

async function upload(path: string, bytes: Uint8Array): Promise<string> {
  const url = `${location.origin}/__uploads/${path}`;
  expect((await fetch(url, { method: 'PUT', body: bytes as BlobPart })).status).to.equal(201);
  return url;
}

const sizes: Record<string, number> = {};
after(() => console.log(`exported package sizes (bytes, runtime from a URL): ${JSON.stringify(sizes)}`));

describe('exportCoursePackage: package contents', () => {
  it('writes a SCORM 1.2 and a SCORM 2004 4th edition manifest that the importer reads as one SCO', async () => {
    const source = course(2);
    for (const [format, version, edition] of [
      ['scorm12', '1.2', undefined],
      ['scorm2004', '2004', 4],
    ] as const) {
      const exported = await exportCoursePackage(source, { format, runtime: RUNTIME, files: { 'media/notes.txt': 'notes' } });
      sizes[format] = exported.zip.length;
      const files = unzipSync(exported.zip);
      expect(Object.keys(files)).to.include.members([
        'imsmanifest.xml',
        'index.html',
        'course.json',
        'lms-kit-bridge.js',
        'media/notes.txt',
      ]);
      const manifest = parseManifest(strFromU8(files['imsmanifest.xml']));
      expect(manifest.version).to.equal(version);
      expect(manifest.edition).to.equal(edition);
      expect(manifest.title).to.equal('Safety & <basics>');
      expect(manifest.warnings).to.deep.equal([]);
      const [item] = manifest.organizations[0].items;
      expect(item).to.include({ launch: 'index.html', scormType: 'sco' });
      expect(JSON.parse(strFromU8(files['course.json']))).to.deep.equal(source);
    }
  });

  it('writes manifests that the official ADL schemas (XSD) accept', async function () {
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const exported = await exportCoursePackage(course(2), { format, runtime: RUNTIME, files: { 'media/a file.txt': 'x' } });
      const xml = strFromU8(unzipSync(exported.zip)['imsmanifest.xml']);
      const answer = await executeServerCommand<{ valid?: boolean; output?: string; skipped?: string }, unknown>('xsd:validate', {
        xml,
        standard: format,
      });
      if (answer.skipped) {
        console.log(`XSD validation skipped: ${answer.skipped}`);
        this.skip();
      }
      expect(answer.output).to.equal('');
      expect(answer.valid, `${format}: ${answer.output}`).to.equal(true);
      // The same schemas refuse a broken manifest: the check is not vacuous.
      const broken = await executeServerCommand<{ valid?: boolean }, unknown>('xsd:validate', {
        xml: xml.replace('<organizations', '<organisations').replace('</organizations', '</organisations'),
        standard: format,
      });
      expect(broken.valid).to.equal(false);
    }
  });

  it('writes a cmi5.xml that the cmi5 importer accepts: one AU launched at index.html', async () => {
    const exported = await exportCoursePackage(course(), { format: 'cmi5', runtime: RUNTIME });
    sizes.cmi5 = exported.zip.length;
    const structure = parseCourseStructure(strFromU8(unzipSync(exported.zip)['cmi5.xml']));
    expect(structure.title).to.deep.equal({ en: 'Safety & <basics>' });
    expect(structure.children).to.have.length(1);
    expect(structure.children[0]).to.include({ type: 'au', url: 'index.html', moveOn: 'Completed' });
  });

  it('refuses an invalid course, a missing file and a path outside the package, with typed errors', async () => {
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (error: unknown) => (isLmsError(error) ? error.code : String(error)),
      );
    expect(await codeOf(exportCoursePackage({ ...course(), modules: 'none' }, { format: 'scorm12', runtime: RUNTIME }))).to.equal(
      'course/invalid',
    );
    const withVideo = course();
    withVideo.modules[0].lessons.push({ id: 'v', kind: 'video', title: 'Video', src: 'media/intro.webm' });
    expect(await codeOf(exportCoursePackage(withVideo, { format: 'scorm2004', runtime: RUNTIME }))).to.equal('export/missing-file');
    expect(await codeOf(exportCoursePackage(course(), { format: 'scorm2004', runtime: { entry: 'lms-kit/lms-kit.js' } }))).to.equal(
      'export/missing-file',
    );
    expect(await codeOf(exportCoursePackage(course(), { format: 'cmi5', runtime: RUNTIME, files: { '../escape.js': 'x' } }))).to.equal(
      'export/unsafe-path',
    );
  });
});

describe('exported packages in <lms-course-player>', function () {
  this.timeout(90_000);
  let meta: HTMLMetaElement;

  before(() => {
    meta = addServiceWorkerMeta();
  });
  after(() => removeServiceWorkers(meta));
  afterEach(() => document.body.querySelectorAll('lms-provider').forEach((provider) => provider.remove()));

  for (const format of ['scorm12', 'scorm2004', 'cmi5'] as ExportFormat[]) {
    it(`${format}: imports the package and completes the course when the learner reads its lesson`, async () => {
      const exported = await exportCoursePackage(course(), { format, runtime: RUNTIME });
      const src = await upload(`${uuid()}/${exported.fileName}`, exported.zip);
      // cmi5 keeps its sessions in IndexedDB, where the service worker reads them.
      const database = `export-${uuid()}`;
      const storage = new DexieAdapter({ databaseName: database });
      const provider = await fixture<LmsProvider>(html`
        <lms-provider learner-email="ada@example.com" learner-name="Ada" database=${database} locale="en">
          <lms-course-player src=${src}></lms-course-player>
        </lms-provider>
      `);
      const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
      await waitUntil(() => player.progress?.completed, `the ${format} package did not report completion`, { timeout: 60_000 }).catch(
        async (error: Error) => {
          const verbs = (await storage.listRecords<{ id: string; statement: Statement }>(Cmi5Collections.statements)).map(
            (r) => r.statement.verb.id,
          );
          const page = await evalInFrame<string>(
            `/lms-kit/cmi5/${database}/content/`,
            `'packaged player: ' + document.querySelector('lms-course-player')?.getAttribute('status') + '; statement posts: ' + performance.getEntriesByType('resource').filter((e) => e.name.includes('/xapi/statements')).map((e) => e.responseStatus).join(' ')`,
          ).catch((e: Error) => `frame: ${e.message}`);
          throw new Error(`${error.message}; cmi5 statements: ${verbs.join(', ')}; ${page}`);
        },
      );
      provider.remove();
      await storage.close();
      await Dexie.delete(database);
    });
  }
});

describe('exported SCORM packages under plain scorm-again', function () {
  this.timeout(60_000);
  type Api = (Scorm12API | Scorm2004API) & { isTerminated(): boolean };
  const win = window as unknown as { API?: Api; API_1484_11?: Api };
  afterEach(() => {
    document.querySelectorAll('iframe.export-test').forEach((frame) => frame.remove());
    delete win.API;
    delete win.API_1484_11;
  });

  /** Unzips the package onto the test server, as an LMS does, and launches it in a frame. */
  async function launch(files: Record<string, Uint8Array>, base: string) {
    for (const [path, bytes] of Object.entries(files)) await upload(`${base}/${path}`, bytes);
    const frame = Object.assign(document.createElement('iframe'), {
      className: 'export-test',
      src: `/__uploads/${base}/index.html`,
      width: '1000',
      height: '700',
    });
    document.body.append(frame);
    const innerPlayer = () => frame.contentDocument?.querySelector('lms-course-player') as LmsCoursePlayer | null | undefined;
    await waitUntil(() => innerPlayer()?.currentLessonId, 'the packaged player did not open a lesson', { timeout: 30_000 });
    return { frame, player: innerPlayer() as LmsCoursePlayer };
  }

  for (const [format, bookmark, status] of [
    ['scorm12', 'cmi.core.lesson_location', 'cmi.core.lesson_status'],
    ['scorm2004', 'cmi.location', 'cmi.completion_status'],
  ] as const) {
    it(`${format}: reports the bookmark and completion, finishes on exit, and resumes at the bookmark`, async () => {
      const exported = await exportCoursePackage(course(2), { format, runtime: RUNTIME });
      const files = unzipSync(exported.zip);
      const base = uuid();
      const makeApi = () => (format === 'scorm12' ? new Scorm12API({ autocommit: false }) : new Scorm2004API({ autocommit: false })) as Api;
      const api = makeApi();
      if (format === 'scorm12') win.API = api;
      else win.API_1484_11 = api;

      const first = await launch(files, base);
      await waitUntil(() => api.isInitialized(), 'the package did not initialize the API');
      await waitUntil(() => first.player.progress?.lessons.l1?.status === 'completed', 'the first lesson did not complete', {
        timeout: 15_000,
      });
      expect(api.lmsGetValue(status)).to.equal('incomplete');
      await first.player.goToLesson('l2');
      await waitUntil(() => api.lmsGetValue(bookmark) === 'l2', 'the bookmark was not reported');
      await waitUntil(
        () => ['completed', 'passed'].includes(api.lmsGetValue(status)),
        `completion was not reported: ${status} ${api.lmsGetValue(status)}, player ${first.player.getAttribute('status')}`,
        { timeout: 15_000 },
      );
      first.frame.remove();
      await waitUntil(() => api.isTerminated(), 'the package did not finish the session on exit');

      // A new session: the LMS hands the bookmark back and the package reopens it. A fresh copy of the
      // course (another id) so that nothing but the bookmark can bring the learner to lesson 2.
      const again = unzipSync((await exportCoursePackage(course(2), { format, runtime: RUNTIME })).zip);
      const resumed = makeApi();
      resumed.loadFromJSON(format === 'scorm12' ? { core: { lesson_location: 'l2' } } : { location: 'l2' }, '');
      if (format === 'scorm12') win.API = resumed;
      else win.API_1484_11 = resumed;
      const second = await launch(again, uuid());
      await waitUntil(() => second.player.currentLessonId === 'l2', 'the package did not resume at the bookmark');
    });
  }

  it('scorm2004: reports a quiz as interactions with their SCORM types, its score and success', async () => {
    const source = course(1);
    source.modules[0].lessons.push({ id: 'check', kind: 'quiz', title: 'Check', quiz: choiceQuiz(2, { passingScore: { percent: 50 } }) });
    const api = new Scorm2004API({ autocommit: false }) as Api;
    win.API_1484_11 = api;
    const { player } = await launch(unzipSync((await exportCoursePackage(source, { format: 'scorm2004', runtime: RUNTIME })).zip), uuid());
    await waitUntil(() => player.progress?.lessons.l1?.status === 'completed', 'the first lesson did not complete', { timeout: 15_000 });
    await player.goToLesson('check');
    const quiz = (await lessonView(player)).shadowRoot?.querySelector('lms-quiz') as HTMLElement & {
      ready: Promise<void>;
      start(): Promise<void>;
      submit(): Promise<boolean>;
      updateComplete: Promise<unknown>;
    };
    await quiz.ready;
    await quiz.start();
    await quiz.updateComplete;
    // The first answer right, the second wrong: 50%, the pass mark.
    quiz.shadowRoot?.querySelectorAll('fieldset.question').forEach((fieldset, index) => {
      (fieldset.querySelector(`input[value="${index === 0 ? 'a' : 'b'}"]`) as HTMLInputElement).click();
    });
    await waitUntil(async () => (await quiz.submit()) === true, 'the quiz was not submitted');
    await waitUntil(() => api.lmsGetValue('cmi.interactions._count') === '2', 'no interactions were reported', { timeout: 15_000 });
    const interaction = (n: number, element: string) => api.lmsGetValue(`cmi.interactions.${n}.${element}`);
    expect([interaction(0, 'id'), interaction(0, 'type'), interaction(0, 'learner_response'), interaction(0, 'result')]).to.deep.equal([
      'urn:lms-kit:choices-2/q1',
      'choice',
      'a',
      'correct',
    ]);
    expect([interaction(1, 'learner_response'), interaction(1, 'result')]).to.deep.equal(['b', 'incorrect']);
    await waitUntil(() => api.lmsGetValue('cmi.completion_status') === 'completed', 'completion was not reported');
    expect(api.lmsGetValue('cmi.success_status')).to.equal('passed');
    expect(Number(api.lmsGetValue('cmi.score.scaled'))).to.equal(0.5);
  });
});
