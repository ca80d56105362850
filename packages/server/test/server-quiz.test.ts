import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Quiz } from '@lms-kit/core/quiz';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import '@lms-kit/elements/define/lms-quiz';
import type { LmsQuiz } from '@lms-kit/elements/define/lms-quiz';
import { lrsInfo, lrsStatements } from '../../../test/helpers/lrs.js';
import { call, capturedResponses, captureResponses, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/**
 * High-stakes quizzes (`"grading": "server"`) against a real PostgreSQL: the server draws and shuffles
 * the questions, keeps the clock and the attempt count, grades, and the answer key reaches the page in
 * no response at all (every response this page receives from the server is recorded by Chromium).
 */
const enc = encodeURIComponent;
const ada = 'mailto:ada@example.com';

/** Strings that are only in the key: none may appear in any response the page gets. */
const SECRETS = [
  'KEY-PARIS',
  'KEY-LYON',
  'SECRET-OPTION-FEEDBACK',
  'SECRET-GRADER-NOTES',
  'SECRET-TF-FEEDBACK',
  '"pairs"',
  '"answers"',
  '"accept"',
];

const exam: Quiz = {
  schema: 1,
  id: 'final-exam',
  title: 'Final exam',
  grading: 'server',
  shuffleQuestions: true,
  shuffleChoices: true,
  maxAttempts: 2,
  timeLimit: 600,
  passingScore: { percent: 50 },
  showCorrectAnswers: 'never',
  questions: [
    {
      id: 'capital',
      type: 'choice',
      text: 'The capital of France?',
      choices: [
        { id: 'paris', text: 'Paris', correct: true },
        { id: 'lyon', text: 'Lyon', feedback: 'SECRET-OPTION-FEEDBACK' },
        { id: 'nice', text: 'Nice' },
      ],
    },
    { id: 'city', type: 'fill-in', text: 'Name it: {{1}}', blanks: [{ accept: ['KEY-PARIS', 'KEY-LYON'] }] },
    {
      id: 'steps',
      type: 'sequencing',
      text: 'In order',
      items: [
        { id: 's1', text: 'One' },
        { id: 's2', text: 'Two' },
        { id: 's3', text: 'Three' },
        { id: 's4', text: 'Four' },
      ],
    },
    { id: 'tf', type: 'true-false', text: 'Water is wet', correct: true, falseFeedback: 'SECRET-TF-FEEDBACK' },
  ],
  banks: [
    {
      id: 'extra',
      questions: [
        { id: 'n1', type: 'numeric', text: '2 + 2', answers: [{ value: 4 }] },
        { id: 'n2', type: 'numeric', text: '3 + 3', answers: [{ value: 6 }] },
        { id: 'n3', type: 'numeric', text: '4 + 4', answers: [{ value: 8 }] },
        {
          id: 'm1',
          type: 'matching',
          text: 'Match',
          sources: [{ id: 'a', text: 'A' }],
          targets: [{ id: 'x', text: 'X' }],
          pairs: [{ source: 'a', target: 'x' }],
        },
      ],
    },
  ],
  draw: [{ bank: 'extra', count: 2 }],
};

const essay: Quiz = {
  schema: 1,
  id: 'essay-exam',
  title: 'Essay',
  grading: 'server',
  maxAttempts: 1,
  questions: [{ id: 'why', type: 'long-fill-in', text: 'Why?', graderNotes: 'SECRET-GRADER-NOTES' }],
};

const quick = (id: string, extra: Partial<Quiz>): Quiz => ({
  schema: 1,
  id,
  title: id,
  grading: 'server',
  questions: [{ id: 'tf', type: 'true-false', text: 'Sky is blue', correct: true }],
  ...extra,
});

describe('server-graded quizzes on postgres', function () {
  this.timeout(120_000);
  let base: string;
  let tenant: string;
  let admin: string;
  let learner: string;

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('postgres');
  });

  beforeEach(async () => {
    tenant = freshTenant('quiz');
    admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    learner = await tokenFor({ sub: ada, tenant, name: 'Ada' });
  });

  const register = async (quiz: Quiz, courseId?: string) =>
    call(base, admin, 'PUT', `v1/quizzes/${quiz.id}`, { quiz, ...(courseId ? { courseId } : {}) });

  it('lets only an admin or an instructor of the course register a quiz, and checks it', async () => {
    const ian = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
    expect((await call(base, learner, 'PUT', 'v1/quizzes/final-exam', { quiz: exam })).status).to.equal(403);
    expect((await call(base, ian, 'PUT', 'v1/quizzes/final-exam', { quiz: exam, courseId: 'geo' })).status).to.equal(403);
    await call(base, admin, 'PUT', 'v1/courses/geo', { title: 'Geography', instructors: ['mailto:ian@example.com'] });
    expect((await call(base, ian, 'PUT', 'v1/quizzes/final-exam', { quiz: exam, courseId: 'geo' })).status).to.equal(204);
    const broken = await call(base, admin, 'PUT', 'v1/quizzes/broken', { quiz: { ...quick('broken', {}), questions: [{ id: 'x' }] } });
    expect(broken.status).to.equal(400);
    expect(broken.body.error.code).to.equal('quiz/invalid');
    const doc = await (await fetch(new URL('openapi.json', base))).json();
    expect(Object.keys(doc.paths)).to.include.members([
      '/v1/quizzes/{quiz}',
      '/v1/quizzes/{quiz}/attempts',
      '/v1/quizzes/{quiz}/attempts/{attempt}/responses/{question}',
      '/v1/quizzes/{quiz}/attempts/{attempt}/submit',
    ]);
  });

  it('hands out drawn, shuffled questions without the key, grades, and stores the attempt as the learner’s', async () => {
    expect((await register(exam)).status).to.equal(204);
    await captureResponses(base);
    const adapter = new HttpStorageAdapter({ endpoint: base, token: learner });
    const state = await adapter.quizzes.state('final-exam');
    expect(state.quiz.questions).to.deep.equal([]);
    expect(state.questionCount).to.equal(6);
    const view = await adapter.quizzes.start('final-exam');
    expect(view.questions).to.have.length(6);
    const ids = view.questions.map((q) => q.id);
    expect(ids.filter((id) => ['n1', 'n2', 'n3', 'm1'].includes(id))).to.have.length(2);
    const steps = view.questions.find((q) => q.id === 'steps') as unknown as { items: Array<{ id: string }> };
    expect(steps.items.map((i) => i.id)).to.deep.equal(view.attempt.data.order.steps);
    expect(steps.items.map((i) => i.id)).to.not.deep.equal(['s1', 's2', 's3', 's4']);
    // Starting again resumes the same attempt.
    expect((await adapter.quizzes.start('final-exam')).attempt.id).to.equal(view.attempt.id);

    const id = view.attempt.id;
    await adapter.quizzes.answer('final-exam', id, 'capital', ['nice']);
    await adapter.quizzes.answer('final-exam', id, 'city', ['key-paris']);
    await adapter.quizzes.answer('final-exam', id, 'tf', true);
    const graded = await adapter.quizzes.submit('final-exam', id);
    expect(graded.attempt.status).to.equal('completed');
    expect(graded.attempt.data.result?.questions.city.correct).to.equal(true);
    expect(graded.attempt.data.result?.questions.capital.correct).to.equal(false);
    expect(graded.correctAnswersShown).to.equal(false);
    expect(graded.left).to.equal(1);
    // Right choices stay unmarked, and Lyon's feedback (not chosen) stays on the server.
    const capital = graded.questions.find((q) => q.id === 'capital') as unknown as { choices: Array<Record<string, unknown>> };
    expect(capital.choices.every((c) => !('correct' in c))).to.equal(true);
    const again = await adapter.quizzes.review('final-exam', id);
    expect(again.attempt.data.result?.scaled).to.equal(graded.attempt.data.result?.scaled);

    // Stored where ordinary attempts are: the learner's attempts, an admin's export.
    const mine = await adapter.listAttempts({ learnerId: ada });
    expect(mine.map((a) => a.id)).to.deep.equal([id]);
    expect(mine[0].status).to.equal('completed');
    const exported = await call(base, admin, 'GET', `v1/learners/${enc(ada)}/export`);
    expect(exported.body.attempts[0].data.result.raw).to.equal(graded.attempt.data.result?.raw);
    // A learner cannot write a server-graded attempt through the generic route (no forged result).
    const forged = await call(base, learner, 'PUT', `v1/attempts/${id}`, { ...mine[0], status: 'completed' });
    expect(forged.status).to.equal(403);

    const responses = await capturedResponses(base);
    expect(responses.length).to.be.greaterThan(5);
    const everything = responses.map((r) => r.body).join('\n');
    expect(SECRETS.filter((secret) => everything.includes(secret))).to.deep.equal([]);
    for (const response of responses) {
      const body = response.body ? JSON.parse(response.body) : {};
      for (const question of body.questions ?? []) {
        for (const choice of question.choices ?? []) expect(choice).to.not.have.property('correct');
        expect(question).to.not.have.property('correct');
      }
    }
  });

  it('enforces the attempt count', async () => {
    await register(quick('one-go', { maxAttempts: 1 }));
    const adapter = new HttpStorageAdapter({ endpoint: base, token: learner });
    const view = await adapter.quizzes.start('one-go');
    await adapter.quizzes.submit('one-go', view.attempt.id);
    const refused = await call(base, learner, 'POST', 'v1/quizzes/one-go/attempts');
    expect(refused.status).to.equal(409);
    expect(refused.body.error.code).to.equal('quiz/no-attempts-left');
    expect((await adapter.listAttempts({ learnerId: ada })).length).to.equal(1);
  });

  it('keeps the time limit on the server’s clock: answers after it are refused and the attempt ends at its deadline', async () => {
    await register(
      quick('timed', {
        timeLimit: 2,
        questions: [...quick('', {}).questions!, { id: 'n', type: 'numeric', text: '1+1', answers: [{ value: 2 }] }],
      }),
    );
    const adapter = new HttpStorageAdapter({ endpoint: base, token: learner });
    const view = await adapter.quizzes.start('timed');
    const deadline = view.attempt.data.deadline!;
    expect(Date.parse(deadline) - Date.parse(view.attempt.startedAt)).to.equal(2000);
    await adapter.quizzes.answer('timed', view.attempt.id, 'tf', true);
    // Keep answering until the server's clock passes the deadline (the page's clock plays no part).
    let refused: { status: number; body: { error: { code: string } } } | undefined;
    await waitUntil(
      async () => {
        const answer = await call(base, learner, 'PUT', `v1/quizzes/timed/attempts/${view.attempt.id}/responses/n`, { value: '2' });
        if (answer.status !== 200) refused = answer;
        return refused !== undefined;
      },
      'the deadline never passed',
      { timeout: 20_000, interval: 200 },
    );
    expect(refused!.status).to.equal(409);
    expect(refused!.body.error.code).to.equal('quiz/time-up');
    const late = await adapter.quizzes.submit('timed', view.attempt.id);
    expect(late.attempt.data.submittedAt).to.equal(deadline);
    expect(late.attempt.data.result?.durationMs).to.equal(2000);
    expect(late.attempt.data.responses.tf.value).to.equal(true);
    // Answers that came before the deadline count; the refused ones were never stored.
    const stored = (await adapter.listAttempts({ learnerId: ada }))[0];
    expect(stored.status).to.equal('completed');
  });

  it('leaves an essay attempt pending grading, stored as an ordinary attempt an instructor can grade', async () => {
    await call(base, admin, 'PUT', 'v1/courses/writing', { title: 'Writing', instructors: ['mailto:ian@example.com'] });
    await call(base, admin, 'POST', 'v1/enrollments', { courseId: 'writing', learnerId: ada });
    expect((await register(essay, 'writing')).status).to.equal(204);
    await captureResponses(base);
    const adapter = new HttpStorageAdapter({ endpoint: base, token: learner });
    const view = await adapter.quizzes.start('essay-exam');
    await adapter.quizzes.answer('essay-exam', view.attempt.id, 'why', 'Because.');
    const graded = await adapter.quizzes.submit('essay-exam', view.attempt.id);
    expect(graded.attempt.status).to.equal('pending-grading');
    expect(graded.attempt.data.result?.pending).to.equal(true);
    await adapter.listAttempts({ learnerId: ada });
    // Everything the learner's requests got back: no grader notes (the grading snapshot is the staff's).
    const everything = (await capturedResponses(base)).map((r) => r.body).join('\n');
    expect(everything).to.not.include('SECRET-GRADER-NOTES');
    const ian = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
    const queue = await call(base, ian, 'GET', `v1/attempts?learner=${enc(ada)}&course=writing`);
    expect(queue.body.items.map((a: { status: string }) => a.status)).to.deep.equal(['pending-grading']);
    expect(queue.body.items[0].data.grading.questions.why.graderNotes).to.equal('SECRET-GRADER-NOTES');
    // Staff get the whole quiz to grade with; the learner does not.
    expect((await call(base, ian, 'GET', 'v1/quizzes/essay-exam/definition')).body.quiz.questions[0].graderNotes).to.equal(
      'SECRET-GRADER-NOTES',
    );
    expect((await call(base, learner, 'GET', 'v1/quizzes/essay-exam/definition')).status).to.equal(403);
  });

  it('queues each answered statement of a graded attempt once for the LRS, with no more of the key than review allows', async () => {
    const { endpoint: lrs } = await lrsInfo();
    expect((await call(base, admin, 'PUT', 'v1/lrs/main', { endpoint: lrs, username: 'test', password: 'test' })).status).to.equal(204);
    const withEssay: Quiz = { ...exam, id: 'exam-essay', questions: [...(exam.questions ?? []), essay.questions![0]] };
    expect((await register(withEssay)).status).to.equal(204);
    const adapter = new HttpStorageAdapter({ endpoint: base, token: learner });
    const view = await adapter.quizzes.start('exam-essay');
    const id = view.attempt.id;
    const shownOrder = view.attempt.data.order.steps;
    await adapter.quizzes.answer('exam-essay', id, 'capital', ['nice']);
    await adapter.quizzes.answer('exam-essay', id, 'city', ['key-paris']);
    await adapter.quizzes.answer('exam-essay', id, 'steps', shownOrder);
    await adapter.quizzes.answer('exam-essay', id, 'tf', true);
    await adapter.quizzes.answer('exam-essay', id, 'why', 'Because yeast.');
    expect((await adapter.quizzes.submit('exam-essay', id)).attempt.status).to.equal('pending-grading');
    await adapter.quizzes.submit('exam-essay', id); // submitting again queues nothing more

    // The learner can read their outbox: the statements are there, without the key (showCorrectAnswers: never).
    type Queued = {
      statement: {
        id: string;
        verb: { id: string };
        object: { id: string; definition: Record<string, unknown> };
        result: Record<string, unknown>;
        context: { registration: string };
      };
    };
    const outbox = (await call(base, learner, 'GET', 'v1/outbox?limit=50')).body.items as Queued[];
    const answered = outbox.map((e) => e.statement).filter((st) => st.verb.id === 'http://adlnet.gov/expapi/verbs/answered');
    expect(answered.map((st) => st.object.id).sort()).to.deep.equal(
      ['capital', 'city', 'steps', 'tf', 'why'].map((q) => `urn:lms-kit:quiz:exam-essay:question:${q}`),
    );
    const text = JSON.stringify(outbox);
    for (const secret of [...SECRETS, 'correctResponsesPattern']) expect(text, secret).to.not.include(secret);
    const byQuestion = (q: string) => answered.find((st) => st.object.id.endsWith(`:question:${q}`))!;
    expect(byQuestion('capital').result).to.include({ response: 'nice', success: false });
    expect(byQuestion('capital').object.definition.interactionType).to.equal('choice');
    expect((byQuestion('steps').object.definition.choices as Array<{ id: string }>).map((c) => c.id)).to.deep.equal(shownOrder);
    expect(byQuestion('why').result).to.not.have.property('score');
    expect(new Set(answered.map((st) => st.context.registration))).to.deep.equal(new Set([id]));

    // The forwarder delivers them to the real LRS, each once; grading the essay adds scored and passed/failed.
    const waitForLrs = async (count: number) => {
      let held = { ids: [] as string[], verbs: [] as string[] };
      for (let i = 0; i < 150 && held.ids.length < count; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        held = await lrsStatements(id);
      }
      return held;
    };
    const delivered = await waitForLrs(5);
    expect([...delivered.ids].sort()).to.deep.equal(answered.map((st) => st.id).sort());
    const [pending] = (await call(base, admin, 'GET', 'v1/grading/pending')).body.items;
    expect(pending.attempt.data.grading.questions.why).to.include({ type: 'long-fill-in' });
    const graded = await call(base, admin, 'POST', `v1/grading/attempts/${id}`, {
      version: pending.version,
      grades: [{ questionId: 'why', credit: 1 }],
    });
    expect(graded.status).to.equal(200);
    const all = await waitForLrs(7);
    expect(all.ids).to.have.length(7);
    expect(new Set(all.ids).size).to.equal(7);
    expect(all.verbs.filter((v) => v.endsWith('/answered'))).to.have.length(5);
    expect(all.verbs.filter((v) => v.endsWith('/scored'))).to.have.length(1);
    // The learner's own view of the graded attempt keeps the grader's notes out.
    const mine = await call(base, learner, 'GET', `v1/attempts/${id}`);
    expect(JSON.stringify(mine.body)).to.not.include('SECRET-GRADER-NOTES');
  });

  it('runs in <lms-quiz server-quiz> through the provider’s HttpStorageAdapter, without the key on the page', async () => {
    await register(
      quick('ui-quiz', {
        feedback: 'immediate',
        showCorrectAnswers: 'never',
        maxAttempts: 3,
        questions: [exam.questions![0], exam.questions![3]],
      }),
    );
    await captureResponses(base);
    const provider = await fixture<LmsProvider>(
      html`<lms-provider
        learner-email="ada@example.com"
        learner-name="Ada"
        locale="en"
        .storage=${new HttpStorageAdapter({ endpoint: base, token: learner })}
      >
        <lms-quiz server-quiz="ui-quiz"></lms-quiz>
      </lms-provider>`,
    );
    const quiz = provider.querySelector('lms-quiz') as LmsQuiz;
    const root = () => quiz.shadowRoot as ShadowRoot;
    await waitUntil(() => root()?.querySelector('.action.start'), 'the quiz did not load', { timeout: 15_000 }).catch((error) => {
      throw new Error(`${error.message}: ${root()?.innerHTML}`);
    });
    expect(root().querySelector('.info')?.textContent).to.include('2 questions');
    (root().querySelector('.action.start') as HTMLButtonElement).click();
    await waitUntil(() => root().querySelector('[data-question="capital"] input'), 'no questions', { timeout: 10_000 });
    // Immediate feedback would need the key on the page: a server-graded quiz gives it after submit.
    expect(root().querySelector('.check')).to.equal(null);
    (root().querySelector('[data-question="capital"] input[value="paris"]') as HTMLInputElement).click();
    (root().querySelector('[data-question="tf"] input[value="true"]') as HTMLInputElement)?.click();
    await quiz.session.settled();
    expect(await quiz.submit()).to.equal(true);
    await waitUntil(() => root().querySelector('.result'), 'no result', { timeout: 10_000 });
    expect(quiz.session.current?.data.result?.raw).to.equal(2);
    expect(root().querySelector('.result')?.textContent).to.include('2 of 2');
    await expect(quiz).to.be.accessible();
    const everything = (await capturedResponses(base)).map((r) => r.body).join('\n');
    expect(SECRETS.filter((secret) => everything.includes(secret))).to.deep.equal([]);
  });
});
