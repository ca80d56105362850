import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Course } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import { MemoryAdapter } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsCoursePlayer, LmsGrading, LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import { renderQuiz, settle, click, q, type } from './quiz-helpers.js';

/** <lms-grading>: the queue over the server (roles, round trip to the learner) and in self-study mode over local storage. */
const essayQuiz: Quiz = {
  schema: 1,
  id: 'proofing',
  title: 'Proofing',
  passingScore: { percent: 50 },
  questions: [
    {
      id: 'why',
      type: 'long-fill-in',
      title: 'Why proof',
      text: '<p>Why does dough need to <em>proof</em>?</p>',
      rubric: '<p>Full marks: names yeast <strong>and</strong> gas.</p>',
    },
  ],
};

const course: Course = {
  schema: 1,
  id: 'bread-course',
  title: 'Bread',
  language: 'en',
  modules: [{ id: 'm1', title: 'Module', lessons: [{ id: 'essay', kind: 'quiz', title: 'Essay', quiz: essayQuiz }] }],
};

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? undefined;
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function renderGrading(storage: unknown, roles?: string): Promise<LmsGrading> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ian@example.com" roles=${roles ?? ''} locale="en" .storage=${storage}>
      <lms-grading></lms-grading>
    </lms-provider>`,
  );
  if (!roles) provider.removeAttribute('roles');
  const grading = provider.querySelector('lms-grading') as LmsGrading;
  await waitUntil(
    () => customElements.get('lms-grading') && grading.shadowRoot?.querySelector('[part="base"]:not([aria-busy])'),
    'no queue',
    {
      timeout: 15000,
    },
  );
  return grading;
}

async function renderCourse(storage: unknown): Promise<LmsCoursePlayer> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ada@example.com" learner-name="Ada" locale="en" .storage=${storage}>
      <lms-course-player .course=${course}></lms-course-player>
    </lms-provider>`,
  );
  const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
  await waitUntil(() => player.progress !== undefined, 'player did not load', { timeout: 15000 });
  return player;
}

function quizIn(player: LmsCoursePlayer): (HTMLElement & { shadowRoot: ShadowRoot }) | undefined {
  const view = shadow(player)?.querySelector('lms-quiz-lesson');
  return shadow(view)?.querySelector('lms-quiz') as (HTMLElement & { shadowRoot: ShadowRoot }) | undefined;
}

describe('<lms-grading> over the server (PostgreSQL)', function () {
  this.timeout(90_000);
  let base: string;
  let tenant: string;
  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('postgres');
  });
  beforeEach(async () => {
    tenant = freshTenant('grading-ui');
    const admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    await call(base, admin, 'PUT', 'v1/groups/bakers', { name: 'Bakers' });
    await call(base, admin, 'PUT', `v1/groups/bakers/members/${encodeURIComponent('mailto:ada@example.com')}`, {});
    await call(base, admin, 'PUT', `v1/groups/bakers/members/${encodeURIComponent('mailto:ian@example.com')}`, { role: 'instructor' });
  });

  it('round trip: the learner submits an essay, the instructor grades it, the learner sees the feedback and the course completes', async () => {
    const adaToken = await tokenFor({ sub: 'mailto:ada@example.com', tenant, roles: ['learner'], name: 'Ada' });
    const learnerStorage = () => new HttpStorageAdapter({ endpoint: base, token: adaToken });
    let player = await renderCourse(learnerStorage());
    await waitUntil(() => quizIn(player)?.shadowRoot.querySelector('button.start'), 'no quiz', { timeout: 15000 });
    const quiz = quizIn(player)!;
    click(quiz.shadowRoot, 'button.start');
    await waitUntil(() => q(quiz.shadowRoot, 'why')?.querySelector('textarea'), 'no essay box');
    type(
      q(quiz.shadowRoot, 'why').querySelector('textarea')!,
      'Yeast eats sugar and makes <b>CO2</b><img alt="" src="data:," onerror="window.hacked=1">.',
    );
    await settle(quiz as never);
    click(quiz.shadowRoot, 'button.submit');
    await waitUntil(() => quiz.shadowRoot.querySelector('.result.pending'), 'not pending', { timeout: 15000 });
    expect(player.progress?.completed).to.equal(false);

    const ianToken = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
    const grading = await renderGrading(new HttpStorageAdapter({ endpoint: base, token: ianToken }));
    await waitUntil(() => grading.shadowRoot!.querySelector('[part="task"]'), 'no task', { timeout: 15000 });
    const task = grading.shadowRoot!.querySelector('[part="task"]') as HTMLFormElement;
    expect(text(grading)).to.contain('Ada · Essay').and.contain('Full marks: names yeast and gas.').and.contain('Yeast eats sugar');
    expect(task.querySelector('blockquote img')?.getAttribute('onerror'), 'answer sanitized').to.equal(null);
    expect(task.querySelector('blockquote b')?.textContent).to.equal('CO2');
    await expect(grading).to.be.accessible();
    // Keyboard: focus the points, type, tab to feedback, type, submit with Enter on the button.
    (task.querySelector('input[type="number"]') as HTMLInputElement).focus();
    await sendKeys({ type: '0.8' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Good: name the gas as carbon dioxide.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(grading).includes('No answers are waiting for a grade.'), 'queue not emptied', { timeout: 15000 });
    expect(text(grading)).to.contain('Grade saved.');

    // The learner opens the course again: feedback in review, lesson and course completed.
    player.closest('lms-provider')!.remove();
    player = await renderCourse(learnerStorage());
    await waitUntil(() => player.progress?.completed, 'course not completed', { timeout: 15000 });
    await waitUntil(() => (quizIn(player)?.shadowRoot.textContent ?? '').includes('Good: name the gas as carbon dioxide.'), 'no feedback');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('renders "not available for your role" for a learner, and the server refuses the queue anyway', async () => {
    const adaToken = await tokenFor({ sub: 'mailto:ada@example.com', tenant, roles: ['learner'] });
    const storage = new HttpStorageAdapter({ endpoint: base, token: adaToken });
    const grading = await renderGrading(storage);
    expect(text(grading)).to.contain('Not available for your role');
    await expect(grading).to.be.accessible();
    const refused = await storage.pendingGrading().catch((e: { code: string }) => e.code);
    expect(refused).to.equal('auth/forbidden');
  });

  it('shows the error state with a retry when the server cannot be reached', async () => {
    const ianToken = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
    const grading = await renderGrading(new HttpStorageAdapter({ endpoint: 'http://127.0.0.1:9/', token: ianToken }));
    expect(text(grading)).to.contain('could not be loaded');
    await expect(grading).to.be.accessible();
  });
});

describe('<lms-grading> in self-study mode (browser storage)', () => {
  it('lists the local learner’s own pending answers and says so; grading completes the attempt', async () => {
    const storage = new MemoryAdapter();
    const learner = await renderQuiz(essayQuiz, storage);
    click(learner.root, 'button.start');
    await settle(learner.quiz);
    type(q(learner.root, 'why').querySelector('textarea')!, 'Gas from yeast.');
    await settle(learner.quiz);
    click(learner.root, 'button.submit');
    await waitUntil(() => learner.root.querySelector('.result.pending'));
    learner.provider.remove();

    const empty = await renderGrading(new MemoryAdapter());
    expect(text(empty)).to.contain('No answers are waiting');
    await expect(empty).to.be.accessible();

    const grading = await fixture<LmsProvider>(
      html`<lms-provider learner-email="sam@example.com" locale="en" .storage=${storage}><lms-grading></lms-grading></lms-provider>`,
    ).then((p) => p.querySelector('lms-grading') as LmsGrading);
    await waitUntil(() => grading.shadowRoot?.querySelector('[part="task"]'), 'no local task', { timeout: 15000 });
    expect(text(grading)).to.contain('Self-study');
    await expect(grading).to.be.accessible();
    const task = grading.shadowRoot!.querySelector('[part="task"]') as HTMLFormElement;
    (task.querySelector('input[type="number"]') as HTMLInputElement).value = '1';
    (task.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => text(grading).includes('No answers are waiting'), 'not graded', { timeout: 10000 });
    const [attempt] = await storage.listAttempts({ learnerId: 'mailto:sam@example.com' });
    expect(attempt.status).to.equal('completed');
    const verbs = (await storage.readOutbox(50)).map((e) => e.statement.verb.id.split('/').pop());
    expect(verbs).to.include.members(['scored', 'passed']);
  });
});
