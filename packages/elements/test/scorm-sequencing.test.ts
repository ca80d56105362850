import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { configureServiceWorker } from '@lms-kit/scorm';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { clearPackageDatabase } from '../../scorm/test/support.js';
import { TEST_SERVICE_WORKER } from './scorm-helpers.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';

interface Api2004 {
  isInitialized(): boolean;
  isTerminated(): boolean;
  SetValue(element: string, value: string): string;
  GetValue(element: string): string;
  Terminate(parameter: string): string;
}

const api = () => (window as unknown as { API_1484_11?: Api2004 }).API_1484_11;
const learnerId = 'mailto:ada@example.com';

/** Plays a package written for the tests as a whole course, with its own memory storage. */
async function playPackage(name: string) {
  const storage = new MemoryAdapter();
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ada@example.com" .storage=${storage}
      ><lms-course-player src=${`/__zip/test/scorm/${name}.zip`}></lms-course-player
    ></lms-provider>`,
  );
  const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
  await waitUntil(() => player.currentLessonId, 'the package did not open', { timeout: 15000 });
  return { player, storage, courseId: player.progress ? courseIdOf(player) : '' };
}

const courseIdOf = (player: LmsCoursePlayer) => (player as unknown as { session: { course: Course } }).session.course.id;

/** The SCO on screen, as its content would: waits for Initialize, reports, optionally asks to go somewhere, terminates. */
async function finishSco(report: { completed?: boolean; passed?: boolean; score?: number }, request?: string) {
  await waitUntil(() => api()?.isInitialized() && !api()?.isTerminated(), 'the SCO did not initialize', { timeout: 15000 });
  const sco = api() as Api2004;
  if (report.completed !== undefined) sco.SetValue('cmi.completion_status', report.completed ? 'completed' : 'incomplete');
  if (report.passed !== undefined) sco.SetValue('cmi.success_status', report.passed ? 'passed' : 'failed');
  if (report.score !== undefined) sco.SetValue('cmi.score.scaled', String(report.score));
  if (request) sco.SetValue('adl.nav.request', request);
  sco.Terminate('');
}

const outline = (player: LmsCoursePlayer) => player.shadowRoot as ShadowRoot;
const lessonButton = (player: LmsCoursePlayer, lessonId: string) =>
  outline(player).querySelector(`button[data-lesson="${lessonId}"]`) as HTMLButtonElement;
const lockText = (player: LmsCoursePlayer, lessonId: string) => outline(player).querySelector(`#lock-${lessonId}`)?.textContent?.trim();
const navButton = (player: LmsCoursePlayer, label: 'Previous' | 'Next') =>
  [...outline(player).querySelectorAll<HTMLButtonElement>('[part="nav"] button')].find((button) => button.textContent?.trim() === label)!;

// First in the file: the lesson view's code is not loaded yet, as on a real first visit.
describe('SCORM 2004 sequencing: the first lesson', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));

  it("the first SCO's lesson view is mounted once, and its result completes its lesson before flow moves on", async () => {
    // Progress changes while the view loads used to mount it again and again, each new view ending the
    // session the content had started.
    const views: string[] = [];
    const storage = new MemoryAdapter();
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-course-player src="/__zip/test/scorm/seq-measure.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if ((node as Element).localName === 'lms-scorm-lesson') views.push('mounted');
        for (const node of record.removedNodes) if ((node as Element).localName === 'lms-scorm-lesson') views.push('removed');
      }
    });
    observer.observe(player.shadowRoot as ShadowRoot, { childList: true, subtree: true });
    await finishSco({ completed: true, passed: false, score: 0.5 }, 'continue');
    await waitUntil(() => player.currentLessonId === 'remedial', 'flow did not move on', { timeout: 15000 });
    observer.disconnect();
    expect(views.slice(0, 2), 'one view for the first lesson, replaced only when flow moves on').to.deep.equal(['mounted', 'mounted']);
    expect(player.progress?.lessons.pretest.status).to.equal('completed');
  });
});

describe('SCORM 2004 sequencing in the outline', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it('forced order: later activities are locked with a reason, Next continues, Previous goes back, the rollup completes the course', async () => {
    const { player, storage } = await playPackage('sequenced');
    expect(player.currentLessonId).to.equal('one');
    await waitUntil(() => lockText(player, 'three'), 'no lock reason in the outline');
    expect(lockText(player, 'two')).to.equal('This course takes you through its activities in order: use Next and Previous.');
    expect(lessonButton(player, 'three').getAttribute('aria-disabled')).to.equal('true');
    expect(lessonButton(player, 'three').getAttribute('aria-describedby')).to.equal('lock-three');
    expect(player.progress?.lessons.three.lockReasons).to.deep.equal([{ type: 'sequencing', hold: 'flow' }]);
    expect(await player.goToLesson('three')).to.equal(false);
    expect(navButton(player, 'Previous').disabled, 'nothing before the first activity').to.equal(true);
    expect(navButton(player, 'Next').disabled).to.equal(false);

    // The learner's Next is the engine's "continue": SCO one ends, two is delivered.
    await waitUntil(() => api()?.isInitialized(), 'SCO one did not initialize', { timeout: 15000 });
    api()?.SetValue('cmi.completion_status', 'completed');
    navButton(player, 'Next').click();
    await waitUntil(() => player.currentLessonId === 'two', 'Next did not lead to two', { timeout: 15000 });
    await waitUntil(() => player.progress?.lessons.one.status === 'completed');
    // One is completed and still shown so, but the course does not let the learner choose it.
    expect(player.progress?.lessons.one).to.deep.include({ status: 'completed', lockReasons: [{ type: 'sequencing', hold: 'flow' }] });
    expect(lockText(player, 'one')).to.contain('use Next and Previous');
    expect(lockText(player, 'two'), 'the activity delivered is open').to.equal(undefined);
    await waitUntil(() => !navButton(player, 'Previous').disabled, 'Previous is not offered on two');

    // Previous goes back through the engine too.
    await finishSco({}, undefined);
    navButton(player, 'Previous').click();
    await waitUntil(() => player.currentLessonId === 'one', 'Previous did not lead back to one', { timeout: 15000 });

    // The content's own "continue" requests walk to the end; the rolled-up root completes the course.
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'two', 'continue did not deliver two', { timeout: 15000 });
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'three', 'continue did not deliver three', { timeout: 15000 });
    expect(player.progress?.completed, 'not before the package says so').to.equal(false);
    await finishSco({ completed: true }, 'exitAll');
    await waitUntil(() => player.progress?.completed, 'the rolled-up completion did not complete the course', { timeout: 15000 });
    const stored = await storage.getProgress({ learnerId, courseId: courseIdOf(player) });
    expect(stored?.result?.completed).to.equal(true);
    expect(stored?.completedAt).to.be.a('string');
    // Statements are queued after the progress write that completes the course.
    const courseCompleted = async () =>
      (await storage.readOutbox(200)).find(
        (entry) =>
          entry.statement.verb.id.endsWith('/completed') && entry.statement.object.id === `urn:lms-kit:course:${courseIdOf(player)}`,
      );
    await waitUntil(courseCompleted, 'no course completed statement', { timeout: 10000 });
    await expect(player).to.be.accessible();
  });

  it('pre-test passed: the content is locked by the rules, continue skips it, and the course is completed and passed', async () => {
    const { player, storage } = await playPackage('seq-pretest');
    expect(player.currentLessonId).to.equal('pretest');
    expect(player.progress?.lessons.content.lockReasons, 'open before the pre-test').to.deep.equal([]);
    await finishSco({ completed: true, passed: true, score: 0.9 }, 'continue');
    await waitUntil(() => player.currentLessonId === 'posttest', 'continue did not skip the content', { timeout: 15000 });
    await waitUntil(() => lockText(player, 'content'), 'the content is not locked');
    expect(lockText(player, 'content')).to.equal('Not open now: this course opens it depending on your progress and results.');
    expect(player.progress?.lessons.content.status).to.equal('locked');
    await waitUntil(() => player.progress?.completed, 'the course did not complete by the rollup', { timeout: 15000 });
    const stored = await storage.getProgress({ learnerId, courseId: courseIdOf(player) });
    expect(stored?.result).to.deep.include({ completed: true, passed: true });

    // The learner asks for the content anyway: the outline says why, the live region too.
    lessonButton(player, 'content').click();
    await waitUntil(() => outline(player).querySelector('[role="status"]')?.textContent?.includes('is locked'));
    expect(player.currentLessonId).to.equal('posttest');
    await expect(player).to.be.accessible();
  });

  it('pre-test failed: the content is delivered and the course is neither completed nor passed yet', async () => {
    const { player, storage } = await playPackage('seq-pretest');
    await finishSco({ completed: true, passed: false, score: 0.2 }, 'continue');
    await waitUntil(() => player.currentLessonId === 'content', 'the content was not delivered', { timeout: 15000 });
    expect(player.progress?.lessons.content.lockReasons).to.deep.equal([]);
    expect(player.progress?.completed).to.equal(false);
    const stored = await storage.getProgress({ learnerId, courseId: courseIdOf(player) });
    expect(stored?.result?.passed).to.not.equal(true);
  });

  it('remediation: locked before the quiz, opened by a failure and delivered', async () => {
    const failed = await playPackage('seq-remediation');
    await waitUntil(() => lockText(failed.player, 'remedial'), 'the remedial activity is not locked before the quiz');
    expect(lockText(failed.player, 'remedial')).to.contain('depending on your progress and results');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => failed.player.currentLessonId === 'quiz', 'the quiz was not delivered', { timeout: 15000 });
    await finishSco({ completed: true, passed: false }, 'continue');
    await waitUntil(() => failed.player.currentLessonId === 'remedial', 'the remedial activity was not delivered', { timeout: 15000 });
    expect(failed.player.progress?.lessons.remedial.lockReasons).to.deep.equal([]);
  });

  // A test of its own: the SCORM API is one window global, and a second player beside the first would
  // race the first one's remedial SCO for it.
  it('remediation: a passed quiz keeps the remedial activity closed', async () => {
    const passed = await playPackage('seq-remediation');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => passed.player.currentLessonId === 'quiz', 'the quiz was not delivered', { timeout: 15000 });
    await finishSco({ completed: true, passed: true }, 'continue');
    await waitUntil(() => lockText(passed.player, 'remedial'), 'the remedial activity did not stay locked');
    expect(passed.player.currentLessonId).to.not.equal('remedial');
    expect(passed.player.progress?.lessons.remedial.status).to.equal('locked');
  });

  it('post-test: forward only, one attempt, and its result rolled up to the course', async () => {
    const { player, storage } = await playPackage('seq-posttest');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'posttest', 'the post-test was not delivered', { timeout: 15000 });
    await waitUntil(() => lockText(player, 'lesson'), 'going back is not locked');
    expect(lockText(player, 'lesson')).to.equal('This course does not go back to earlier activities.');
    expect(navButton(player, 'Previous').disabled).to.equal(true);
    await finishSco({ completed: true, passed: true, score: 0.85 }, 'exitAll');
    await waitUntil(() => player.progress?.completed, 'the post-test did not complete the course', { timeout: 15000 });
    await waitUntil(() => lockText(player, 'posttest'), 'the post-test is not locked after its one attempt');
    expect(lockText(player, 'posttest')).to.equal('You have used all the attempts this course allows for it.');
    const stored = await storage.getProgress({ learnerId, courseId: courseIdOf(player) });
    expect(stored?.result).to.deep.equal({ completed: true, passed: true, score: { scaled: 0.85 } });
    // <lms-progress> shows the course's result as the package rolled it up.
    const progress = document.createElement('lms-progress');
    progress.setAttribute('course', courseIdOf(player));
    player.parentElement?.append(progress);
    await waitUntil(() => progress.shadowRoot?.querySelector('[part="result"]'), 'no results in <lms-progress>', { timeout: 5000 });
    expect(progress.shadowRoot?.querySelector('[part="result"]')?.textContent?.trim()).to.equal('Post-test: completed, passed, score 85%');
    await expect(progress).to.be.accessible();
  });

  it('a passed post-test with no attempts left cannot be launched again, from the outline or from its lesson', async () => {
    const { player, storage, courseId } = await playPackage('seq-posttest');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'posttest', 'the post-test was not delivered', { timeout: 15000 });
    await finishSco({ completed: true, passed: true, score: 0.85 }, 'exitAll');
    await waitUntil(() => player.progress?.completed, 'the post-test did not complete the course', { timeout: 15000 });
    await waitUntil(() => lockText(player, 'posttest'), 'the post-test is not locked after its one attempt');
    const view = () => outline(player).querySelector('lms-scorm-lesson') as HTMLElement & { shadowRoot: ShadowRoot };
    const frameText = () => view()?.shadowRoot.querySelector('iframe')?.contentDocument?.getElementById('part')?.textContent ?? '';
    const postTestRunning = () => frameText() === 'Part posttest' && !!api()?.isInitialized() && !api()?.isTerminated();
    const postTestAttempts = async () =>
      (await storage.listAttempts({ learnerId, courseId })).filter((attempt) => (attempt.data as { itemId?: string }).itemId === 'posttest')
        .length;
    expect(await postTestAttempts()).to.equal(1);

    // Neither Next nor Previous leads to it, and the outline refuses it.
    expect(navButton(player, 'Next').disabled, 'Next is offered after the end').to.equal(true);
    expect(navButton(player, 'Previous').disabled).to.equal(true);
    lessonButton(player, 'posttest').click();
    await waitUntil(
      () => outline(player).querySelector('[role="status"]')?.textContent?.includes('is locked'),
      'the outline did not refuse it',
    );
    // Its lesson offers nothing that would launch it: every button it shows is taken, and none relaunches it.
    await waitUntil(() => view()?.shadowRoot.querySelector('[part="message"]'), 'the lesson says nothing', { timeout: 10000 });
    const offered = [...view().shadowRoot.querySelectorAll<HTMLButtonElement>('[part="message"] button')].map((button) =>
      button.textContent?.trim(),
    );
    for (const button of view().shadowRoot.querySelectorAll<HTMLButtonElement>('[part="message"] button')) button.click();
    // A relaunch would show the post-test's frame again: give a wrong one the time to.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(postTestRunning(), 'the post-test was launched again').to.equal(false);
    expect(await postTestAttempts()).to.equal(1);
    expect(offered, 'a launch the engine refuses is offered').to.not.include('Open it again');
    const stored = await storage.getProgress({ learnerId, courseId });
    expect(stored?.result).to.deep.include({ completed: true, passed: true });
    await expect(player).to.be.accessible();
  });

  it('locked lessons are reachable and explained from the keyboard', async () => {
    const { player } = await playPackage('sequenced');
    await waitUntil(() => lockText(player, 'two'));
    lessonButton(player, 'one').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(outline(player).activeElement).to.equal(lessonButton(player, 'two'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => outline(player).querySelector('[role="status"]')?.textContent?.includes('use Next and Previous'));
    expect(player.currentLessonId).to.equal('one');
  });
});

describe('a sequenced package as one lesson of a native course', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it("takes the lesson's completion and success from the package's rollup, and shows the items it holds", async () => {
    const course: Course = {
      schema: 1,
      id: 'native-with-package',
      title: 'A course with a sequenced package',
      modules: [
        {
          id: 'm',
          title: 'Module',
          lessons: [
            { id: 'intro', kind: 'text', title: 'Intro', html: '<p>Hi</p>' },
            // Its own URL: the package database was emptied after the tests above, and a page opens a package once.
            {
              id: 'package',
              kind: 'scorm',
              title: 'Test out',
              src: new URL('/__zip/test/scorm/seq-pretest.zip?as=lesson', location.href).href,
            },
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
    const view = () => player.shadowRoot?.querySelector('lms-scorm-lesson') as HTMLElement & { shadowRoot: ShadowRoot };
    await finishSco({ completed: true, passed: true, score: 0.95 }, 'continue');
    // Continue skips the content, inside the lesson.
    await waitUntil(
      () => view()?.shadowRoot.querySelector('button[aria-current="step"]')?.textContent?.includes('Post-test'),
      'the lesson did not move to the post-test',
      { timeout: 15000 },
    );
    const content = [...view().shadowRoot.querySelectorAll('.items button')].find((button) => button.textContent?.includes('Content'));
    expect(content?.getAttribute('aria-disabled')).to.equal('true');
    expect(view().shadowRoot.querySelector(`#${content?.getAttribute('aria-describedby')}`)?.textContent).to.contain(
      'depending on your progress',
    );
    await waitUntil(() => player.progress?.lessons.package.status === 'completed', 'the rollup did not complete the lesson', {
      timeout: 15000,
    });
    const stored = await storage.getProgress({ learnerId, courseId: 'native-with-package' });
    expect(stored?.lessons.package).to.deep.include({ status: 'completed', passed: true });
    expect(stored?.result, 'a lesson of a native course does not decide the course alone').to.equal(undefined);
    await expect(view()).to.be.accessible();
  });
});

describe('SCORM 2004 sequencing in the player: retries and hidden items', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  const frame = (player: LmsCoursePlayer) =>
    player.shadowRoot?.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null;
  const part = (player: LmsCoursePlayer) => new URL(frame(player)?.src ?? location.href).searchParams.get('part');

  it('a failed test retried by its post-condition rule is launched again, in a fresh frame, as a new attempt', async () => {
    const { player, storage } = await playPackage('seq-retry');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'test', 'the test was not delivered', { timeout: 15000 });
    await waitUntil(() => api()?.isInitialized(), 'the test did not start', { timeout: 15000 });
    const first = frame(player);
    await finishSco({ completed: true, passed: false, score: 0.3 }, 'continue');
    await waitUntil(() => frame(player) && frame(player) !== first, 'the test was not relaunched', { timeout: 15000 });
    expect(player.currentLessonId).to.equal('test');
    await waitUntil(() => api()?.isInitialized() && !api()?.isTerminated(), 'the relaunched test did not start', { timeout: 15000 });
    expect(api()?.GetValue('cmi.entry')).to.equal('ab-initio');
    await finishSco({ completed: true, passed: true, score: 0.9 }, 'continue');
    await waitUntil(() => player.currentLessonId === 'end', 'the passed test did not lead on', { timeout: 15000 });
    const attempts = (await storage.listAttempts({ learnerId })).filter((attempt) => attempt.activityId.endsWith('/sco/test'));
    expect(attempts, 'one attempt per launch of the test').to.have.length(2);
  });

  it('an item hidden from the outline is not listed, and is played when flow delivers it', async () => {
    const { player } = await playPackage('seq-hidden');
    expect(lessonButton(player, 'intro')).to.exist;
    expect(outline(player).querySelector('button[data-lesson="briefing"]'), 'hidden from the outline').to.equal(null);
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => part(player) === 'briefing', 'the hidden item was not played', { timeout: 15000 });
    expect(player.currentLessonId, 'played by the lesson before it').to.equal('intro');
    await finishSco({ completed: true }, 'continue');
    await waitUntil(() => player.currentLessonId === 'end', 'flow did not go on after the hidden item', { timeout: 15000 });
    await waitUntil(() => player.progress?.lessons.intro.status === 'completed', 'the intro lesson did not complete');
  });
});
