import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { configureServiceWorker } from '@lms-kit/scorm';
import { PackageSession } from '@lms-kit/runtime/package';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { clearPackageDatabase } from '../../scorm/test/support.js';
import { TEST_SERVICE_WORKER } from './scorm-helpers.js';
import '@lms-kit/elements/all';

interface Api2004 {
  isInitialized(): boolean;
  isTerminated(): boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
}

const api = () => (window as unknown as { API_1484_11?: Api2004 }).API_1484_11;
const running = () => !!api()?.isInitialized() && !api()?.isTerminated();

function playerButton(player: LmsCoursePlayer, label: string): HTMLButtonElement {
  const buttons = [...(player.shadowRoot?.querySelectorAll('button') ?? [])];
  const button = buttons.find((candidate) => candidate.textContent?.trim() === label);
  if (!button) throw new Error(`no "${label}" button`);
  return button;
}

describe('SCORM navigation lets the content end itself', function () {
  this.timeout(40_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it('Next unloads the SCO first: its exit, session time and status are kept, and Previous resumes it', async () => {
    const storage = new MemoryAdapter();
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-course-player src="/__zip/test/scorm/unload-sco.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'one' && running(), 'SCO one did not start', { timeout: 15000 });
    await waitUntil(() => !playerButton(player, 'Next').disabled, 'Next is not offered');
    playerButton(player, 'Next').click();
    await waitUntil(() => player.currentLessonId === 'two' && running(), 'SCO two was not delivered', { timeout: 15000 });

    const attempts = await storage.listAttempts({ learnerId: 'mailto:ada@example.com', courseId: player.course?.id as string });
    const one = attempts.find((attempt) => (attempt.data as { itemId?: string }).itemId === 'one');
    const cmi = (one?.data as { cmi: Record<string, unknown> }).cmi;
    expect(cmi).to.deep.include({ exit: 'suspend', location: 'page-3', completion_status: 'completed' });
    await waitUntil(() => player.progress?.lessons.one?.status === 'completed', 'the status set in onbeforeunload was lost');

    await waitUntil(() => !playerButton(player, 'Previous').disabled, 'Previous is not offered');
    playerButton(player, 'Previous').click();
    await waitUntil(() => player.currentLessonId === 'one' && running(), 'SCO one was not delivered again', { timeout: 15000 });
    expect(api()?.GetValue('cmi.entry')).to.equal('resume');
    expect(api()?.GetValue('cmi.location')).to.equal('page-3');
    expect(api()?.GetValue('cmi.total_time')).to.equal('PT12S');
  });
});

describe('navigation the engine refuses', function () {
  this.timeout(40_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it('Next is not offered when the next activity is disabled, and asking for it leaves the SCO running', async () => {
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="disabled-next@example.com" storage-type="memory"
        ><lms-course-player src="/__zip/test/scorm/disabled-next.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'one' && running(), 'SCO one did not start', { timeout: 15000 });
    const sco = api() as Api2004;
    const frame = () => player.shadowRoot?.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe');
    const content = frame()?.contentWindow as Window & { marker?: string };
    content.marker = 'still here';
    sco.SetValue('cmi.completion_status', 'completed');
    sco.Commit('');
    await waitUntil(() => player.progress?.lessons.one?.status === 'completed', 'the lesson did not complete');
    await player.updateComplete;
    expect(playerButton(player, 'Next').disabled, 'Next is offered towards a disabled activity').to.equal(true);

    // The content (or a keyboard shortcut of the host) asks for Next anyway: nothing ends.
    player.shadowRoot
      ?.querySelector('.view-host')
      ?.firstElementChild?.dispatchEvent(
        new CustomEvent('lms-lesson-report', { bubbles: true, composed: true, detail: { navigate: 'next' } }),
      );
    playerButton(player, 'Next').click();
    // Nothing is awaited by a refused request: give a wrong one the time to unload the frame.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(api(), 'the SCO was relaunched').to.equal(sco);
    expect(sco.isTerminated(), 'the SCO was ended').to.equal(false);
    expect(frame()?.contentWindow, 'the content frame was unloaded').to.equal(content);
    expect(content.marker).to.equal('still here');
    expect(player.currentLessonId).to.equal('one');
    expect(sco.GetValue('cmi.completion_status')).to.equal('completed');
  });
});

describe('the demo package (demo/scorm.html)', function () {
  this.timeout(60_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  /** What the page logs while `run` plays the package (scorm-again logs in this window: the API lives here). */
  async function collectingConsole(run: (logged: string[]) => Promise<void>): Promise<string[]> {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    methods.forEach((method, index) => {
      console[method] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        originals[index].apply(console, args);
      };
    });
    try {
      await run(logged);
    } finally {
      methods.forEach((method, index) => (console[method] = originals[index]));
    }
    return logged;
  }

  async function openDemo(learner: string) {
    const storage = new MemoryAdapter();
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email=${learner} .storage=${storage}
        ><lms-course-player src="/__zip/demo/scorm/allergen-check.zip"></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'intro', 'the package did not open', { timeout: 15000 });
    await waitUntil(() => player.progress?.lessons.intro?.status === 'completed', 'the intro was not completed when viewed');
    return { provider, player, storage, learnerId: `mailto:${learner}` };
  }

  const checkFrame = (player: LmsCoursePlayer) =>
    player.shadowRoot?.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe')?.contentDocument;
  const delivered = (logged: string[]) => logged.filter((line) => line.startsWith('Activity delivered:')).map((line) => line.split(' ')[2]);

  async function answerCheck(player: LmsCoursePlayer, answers: [string, string][]): Promise<void> {
    await waitUntil(() => checkFrame(player)?.querySelectorAll('input[type=radio]').length === 9, 'the questions did not render', {
      timeout: 15000,
    });
    for (const [name, value] of answers)
      (checkFrame(player)?.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement).click();
  }

  it('Next from the intro opens the check once, and the course is not completed before the check is answered', async () => {
    const logged = await collectingConsole(async (lines) => {
      const { player, storage, learnerId } = await openDemo('demo-next@example.com');
      await waitUntil(() => !playerButton(player, 'Next').disabled, 'Next is not offered');
      playerButton(player, 'Next').click();
      await waitUntil(() => player.currentLessonId === 'check' && running(), 'Next did not open the check', { timeout: 15000 });
      await waitUntil(() => checkFrame(player)?.querySelectorAll('input[type=radio]').length === 9, 'the check did not render', {
        timeout: 15000,
      });
      // A loop would deliver the intro again after the check.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(delivered(lines), 'Next looped').to.deep.equal(['intro', 'check']);
      expect(player.currentLessonId).to.equal('check');
      expect(player.progress?.completed, 'completed before the check was answered').to.not.equal(true);
      const stored = await storage.getProgress({ learnerId, courseId: 'scorm-northwind.allergen-check' });
      expect(stored?.result?.completed, 'completed before the check was answered').to.not.equal(true);
      expect(stored?.result?.passed, 'passed before the check was answered').to.not.equal(true);
      expect(stored?.lessons.check?.status).to.not.equal('completed');
    });
    expect(logged.filter((line) => line.includes('loadFromJSON'))).to.deep.equal([]);
  });

  it('the check answered after opening it from the outline completes its lesson, and then the course, passed', async () => {
    const logged = await collectingConsole(async () => {
      const { player, storage, learnerId } = await openDemo('demo-outline@example.com');
      (player.shadowRoot?.querySelector('button[data-lesson="check"]') as HTMLButtonElement).click();
      await waitUntil(() => player.currentLessonId === 'check' && running(), 'the outline did not open the check', { timeout: 15000 });
      expect(player.progress?.completed, 'completed before the check was answered').to.not.equal(true);
      await answerCheck(player, [
        ['gluten', '0'],
        ['unsure', '1'],
        ['tongs', '1'],
      ]);
      await waitUntil(() => player.progress?.lessons.check?.status === 'completed', 'the check lesson stayed in progress', {
        timeout: 10000,
      });
      await waitUntil(() => player.progress?.completed, 'the course did not complete', { timeout: 10000 });
      const stored = await storage.getProgress({ learnerId, courseId: 'scorm-northwind.allergen-check' });
      expect(stored?.lessons.check).to.deep.include({ status: 'completed', passed: true });
      expect(stored?.result).to.deep.include({ completed: true, passed: true });
    });
    expect(logged.filter((line) => line.includes('loadFromJSON'))).to.deep.equal([]);
  });
});

describe('the first SCO of a sequenced course', function () {
  this.timeout(40_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(clearPackageDatabase);

  it('is mounted once and completes its lesson when its attempt is completed', async () => {
    // Every lesson view opens its package once: counting the opens counts the views mounted.
    const open = PackageSession.prototype.open;
    let mounted = 0;
    PackageSession.prototype.open = function (this: PackageSession, ...args: Parameters<typeof open>) {
      mounted++;
      return open.apply(this, args);
    };
    try {
      const provider = await fixture<LmsProvider>(
        html`<lms-provider learner-email="first-sco@example.com" storage-type="memory"
          ><lms-course-player src="/__zip/test/scorm/sequenced.zip"></lms-course-player
        ></lms-provider>`,
      );
      const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
      await waitUntil(() => player.currentLessonId === 'one' && running(), 'SCO one did not start', { timeout: 15000 });
      api()?.SetValue('cmi.completion_status', 'completed');
      api()?.SetValue('cmi.success_status', 'passed');
      api()?.Commit('');
      await waitUntil(() => player.progress?.lessons.one?.status === 'completed', 'the first lesson did not complete');
      expect(mounted).to.equal(1);
    } finally {
      PackageSession.prototype.open = open;
    }
  });
});

describe('the SCORM frame', function () {
  this.timeout(40_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  after(() => setViewport({ width: 800, height: 600 }));

  const course: Course = {
    schema: 1,
    id: 'stage-course',
    title: 'A course with a 16:9 package',
    modules: [
      {
        id: 'm',
        title: 'Module',
        lessons: [{ id: 'stage', kind: 'scorm', title: 'The stage', src: new URL('/test/scorm/stage-sco/', location.href).href }],
      },
    ],
  };

  async function openStage(): Promise<{ player: LmsCoursePlayer; view: HTMLElement & { shadowRoot: ShadowRoot } }> {
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" storage-type="memory"
        ><lms-course-player .course=${course}></lms-course-player
      ></lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const view = () => player.shadowRoot?.querySelector('lms-scorm-lesson') as (HTMLElement & { shadowRoot: ShadowRoot }) | null;
    await waitUntil(() => view()?.shadowRoot.querySelector('iframe')?.contentDocument?.getElementById('stage'), 'the SCO did not start', {
      timeout: 15000,
    });
    return { player, view: view() as HTMLElement & { shadowRoot: ShadowRoot } };
  }

  it('is sized to the lesson area: a 16:9 stage is not cropped at any player width', async () => {
    for (const width of [360, 800, 1400]) {
      await setViewport({ width, height: 900 });
      const { view } = await openStage();
      const frame = view.shadowRoot.querySelector('iframe') as HTMLIFrameElement;
      const stage = (frame.contentDocument as Document).getElementById('stage') as HTMLElement;
      const frameWindow = frame.contentWindow as Window;
      expect(stage.getBoundingClientRect().bottom, `stage cropped at ${width}px`).to.be.at.most(frameWindow.innerHeight + 0.5);
      expect(stage.getBoundingClientRect().width).to.be.closeTo(frameWindow.innerWidth, 1);
    }
  });

  it('goes full screen from the keyboard and leaves it with Escape', async () => {
    await setViewport({ width: 800, height: 600 });
    const { view } = await openStage();
    const toggle = view.shadowRoot.querySelector('[part="fullscreen"]') as HTMLButtonElement;
    expect(toggle.textContent?.trim()).to.equal('Full screen');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const stage = view.shadowRoot.querySelector('[part="stage"]') as HTMLElement;
    await waitUntil(() => stage.getBoundingClientRect().height >= window.innerHeight - 1, 'the frame did not fill the screen');
    expect(toggle.textContent?.trim()).to.equal('Exit full screen');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => stage.getBoundingClientRect().height < window.innerHeight - 1, 'Escape did not leave full screen');
    expect(toggle.textContent?.trim()).to.equal('Full screen');
    await expect(view).to.be.accessible();
  });
});
