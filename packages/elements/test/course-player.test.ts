import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer, LmsErrorEvent, LmsLessonCompleteEvent, LmsProgressChangeEvent } from '@lms-kit/elements';
import { ruleCourse, textCourse } from '../../../test/helpers/courses.js';
import { LEARNER, lessonView, outlineButton, renderPlayer, waitForStatus } from './helpers.js';
import { XSS_CORPUS } from '../../../test/helpers/xss-corpus.js';

describe('<lms-course-player>', () => {
  it('shows the outline with lesson states and the reason each locked lesson is locked', async () => {
    const { player, root } = await renderPlayer(ruleCourse());
    await waitForStatus(player, 'welcome', 'completed');
    const reason = (id: string) => root.querySelector(`#lock-${id}`)?.textContent?.trim();
    expect(reason('check')).to.equal('Complete “Basics” first.');
    expect(reason('review')).to.equal('Complete “Basics” first. Opens only if you do not pass “Knowledge check”.');
    expect(reason('bonus')).to.equal('Complete “Basics” first. Needs 40 points; you have 10.');
    expect(outlineButton(player, 'bonus').getAttribute('aria-disabled')).to.equal('true');
    expect(outlineButton(player, 'bonus').getAttribute('aria-describedby')).to.equal('lock-bonus');
    expect(outlineButton(player, 'welcome').getAttribute('aria-current')).to.equal('step');
    await expect(player).to.be.accessible();
  });

  it('completes a text lesson when shown, with events, progress and valid xAPI statements in the outbox', async () => {
    const storage = new MemoryAdapter();
    const completions: string[] = [];
    const changes: number[] = [];
    document.addEventListener('lms-lesson-complete', (e: LmsLessonCompleteEvent) => completions.push(e.detail.lessonId));
    document.addEventListener('lms-progress-change', (e: LmsProgressChangeEvent) => changes.push(e.detail.percent));
    const { player } = await renderPlayer(textCourse('events', 2), storage);
    await waitForStatus(player, 'l1', 'completed');
    const completeEvent = oneEvent(player, 'lms-course-complete');
    outlineButton(player, 'l2').click();
    const { detail } = await completeEvent;
    expect(detail.courseId).to.equal('events');
    expect(detail.points).to.equal(0);
    expect(completions).to.deep.equal(['l1', 'l2']);
    expect(changes).to.deep.equal([50, 100]);
    const stored = await storage.getProgress({ learnerId: LEARNER, courseId: 'events' });
    expect(stored?.completedAt).to.be.a('string');
    expect(stored?.lastLessonId).to.equal('l2');
    // Statements are validated before they are queued (the validator loads with the first one): wait for the last.
    await waitUntil(async () => (await storage.readOutbox(100)).some((e) => e.statement.verb.display['en-US'] === 'experienced'), 'queued');
    const outbox = await storage.readOutbox(100);
    const verbs = outbox.map((e) => e.statement.verb.display['en-US']);
    expect(verbs).to.include.members(['launched', 'initialized', 'completed', 'progressed', 'experienced']);
    expect(verbs.filter((v) => v === 'completed')).to.have.length(3);
    for (const { statement } of outbox) expect(validateStatement(statement), JSON.stringify(statement)).to.deep.equal([]);
    expect(new Set(outbox.map((e) => e.statement.id)).size).to.equal(outbox.length);
    const root = player.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="completion"]')?.textContent).to.contain('Course completed');
    expect(root.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).to.equal('100');
    await expect(player).to.be.accessible();
  });

  it('lets the host cancel a lesson change through lms-lesson-select', async () => {
    const { player } = await renderPlayer(textCourse('cancel', 3));
    player.addEventListener('lms-lesson-select', (event) => event.preventDefault(), { once: true });
    expect(await player.goToLesson('l2')).to.equal(false);
    expect(player.currentLessonId).to.equal('l1');
    expect(await player.goToLesson('l2')).to.equal(true);
    expect(player.currentLessonId).to.equal('l2');
  });

  it('announces why a locked lesson cannot open and stays where it is', async () => {
    const { player, root } = await renderPlayer(ruleCourse());
    outlineButton(player, 'bonus').click();
    await player.updateComplete;
    expect(player.currentLessonId).to.equal('welcome');
    expect(root.querySelector('[role="status"]')?.textContent).to.contain('“Bonus” is locked.');
    expect(await player.goToLesson('bonus')).to.equal(false);
  });

  it('opens the remedial lesson when the embedded assessment reports a failure, and unlocks by points on a pass', async () => {
    const course = ruleCourse();
    const { player } = await renderPlayer(course);
    await player.goToLesson('read-more');
    await waitForStatus(player, 'read-more', 'completed');
    const frameReady = new Promise((resolve) =>
      window.addEventListener('message', (e) => e.data?.type === 'test:frame-ready' && resolve(true)),
    );
    expect(await player.goToLesson('check')).to.equal(true);
    const view = await lessonView(player);
    const frame = view.shadowRoot?.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads');
    await frameReady;
    // Results are only accepted from the lesson's own frame.
    window.postMessage({ type: 'lms-kit:result', completed: true, passed: true }, '*');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(player.progress?.lessons.check.status).to.equal('in-progress');
    frame.contentWindow?.postMessage({ report: { completed: true, passed: false } }, '*');
    await waitForStatus(player, 'review', 'available');
    expect(player.progress?.lessons.bonus.status).to.equal('locked');
    frame.contentWindow?.postMessage({ report: { completed: true, passed: true, score: { scaled: 1 } } }, '*');
    await waitForStatus(player, 'bonus', 'available');
    expect(player.progress?.points).to.equal(40);
  });

  it('shows every validation problem of a bad course with its path, and dispatches lms-error', async () => {
    const bad = textCourse('bad', 2) as unknown as { modules: Array<{ lessons: Array<Record<string, unknown>> }> };
    delete bad.modules[0].lessons[1].html;
    bad.modules[0].lessons[0].kind = 'hologram';
    const errorEvent = new Promise<LmsErrorEvent>((resolve) => document.addEventListener('lms-error', resolve, { once: true }));
    const player = await fixture<LmsCoursePlayer>(html`<lms-course-player .course=${bad}></lms-course-player>`);
    const { detail } = await errorEvent;
    expect(detail.error.code).to.equal('course/invalid');
    expect(detail.recoverable).to.equal(false);
    await waitUntil(() => player.shadowRoot?.querySelector('[role="alert"]'));
    const items = [...(player.shadowRoot as ShadowRoot).querySelectorAll('.issues li')].map((li) => li.textContent);
    expect(items).to.deep.equal([
      'modules[0].lessons[0].kind: unknown lesson kind "hologram" (known: text, video, document, embed, quiz, session, scorm)',
      'modules[0].lessons[1].html: required (or give `src`)',
    ]);
    await expect(player).to.be.accessible();
  });

  it('reports a course that cannot be downloaded', async () => {
    const errorEvent = new Promise<LmsErrorEvent>((resolve) => document.addEventListener('lms-error', resolve, { once: true }));
    const player = await fixture<LmsCoursePlayer>(html`<lms-course-player src="/does/not/exist.json"></lms-course-player>`);
    const { detail } = await errorEvent;
    expect(detail.error.code).to.equal('course/load-failed');
    expect(detail.error.message).to.contain('HTTP 404');
    await waitUntil(() => player.shadowRoot?.querySelector('[role="alert"]'));
  });

  it('never runs script from lesson HTML', async () => {
    const hostile = textCourse('hostile', 1, () => XSS_CORPUS.join(''));
    const { player } = await renderPlayer(hostile);
    const view = await lessonView(player);
    const content = view.shadowRoot?.querySelector('[part="base"]') as HTMLElement;
    expect(content.querySelector('#ok')?.textContent).to.equal('Safe text');
    expect(content.querySelector('script, iframe, form, [onerror]')).to.equal(null);
    const link = content.querySelector('#js') as HTMLAnchorElement;
    expect(link.hasAttribute('href')).to.equal(false);
    link.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as unknown as { __pwned?: string }).__pwned).to.equal(undefined);
  });

  it('resolves a text lesson’s relative src and opens external links in a new tab', async () => {
    const { player } = await renderPlayer('/demo/course/food-safety.json');
    const view = await lessonView(player);
    expect(view.shadowRoot?.textContent).to.contain('Welcome to Northwind Bakery');
    await expect(player).to.be.accessible();
  });
});
