import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import type { LmsAttemptCompleteEvent, LmsQuizSubmitEvent } from '@lms-kit/elements';
import { MemoryAdapter } from '@lms-kit/storage';
import { everyTypeQuiz, everyType, choiceQuiz } from '../../../test/helpers/quizzes.js';
import { click, q, renderQuiz, settle, type } from './quiz-helpers.js';

describe('<lms-quiz>', () => {
  it('renders every question type, scores the attempt and queues valid statements', async () => {
    const storage = new MemoryAdapter();
    const { quiz, root } = await renderQuiz(everyTypeQuiz(), storage);
    await expect(quiz).to.be.accessible();
    click(root, 'button.start');
    await settle(quiz);
    expect(root.querySelectorAll('fieldset.question')).to.have.length(10);
    expect(root.querySelector('fieldset legend')?.textContent).to.contain('Question 1 of 10');
    await expect(quiz).to.be.accessible();

    (q(root, 'cool-rice').querySelector('input[value="false"]') as HTMLInputElement).click();
    (q(root, 'fridge-temp').querySelector('input[value="c5"]') as HTMLInputElement).click();
    for (const id of ['sesame', 'celery']) (q(root, 'allergens').querySelector(`input[value="${id}"]`) as HTMLInputElement).click();
    const blanks = q(root, 'danger-zone').querySelectorAll('input');
    type(blanks[0], 'five');
    await settle(quiz);
    type(q(root, 'danger-zone').querySelectorAll('input')[1], '63');
    type(q(root, 'spill').querySelector('textarea')!, 'Bin the cakes, clean the shelf, move the chicken down.');
    type(q(root, 'boards').querySelector('select')!, 'meat');
    await settle(quiz);
    type(q(root, 'boards').querySelectorAll('select')[1], 'fish');
    type(q(root, 'core-temp').querySelector('input')!, '75.2');
    (q(root, 'confidence').querySelector('input[value="very"]') as HTMLInputElement).click();
    type(q(root, 'probe').querySelector('input')!, '0');
    await settle(quiz);

    const complete = oneEvent(quiz, 'lms-attempt-complete') as Promise<LmsAttemptCompleteEvent>;
    click(root, 'button.submit');
    const { detail } = await complete;
    expect(detail.pending).to.equal(true);
    expect(detail.result.questions['fridge-temp']).to.deep.include({ credit: 1, correct: true });
    expect(detail.result.questions.spill.credit).to.equal(null);
    await settle(quiz);
    expect(root.querySelector('.result')?.textContent).to.contain('waiting to be graded');
    expect(root.querySelector('[data-question="fridge-temp"] .verdict-text')?.textContent).to.equal('Correct');
    await expect(quiz).to.be.accessible();

    const outbox = (await storage.readOutbox(100)).map((e) => e.statement);
    for (const statement of outbox) expect(validateStatement(statement), JSON.stringify(statement)).to.deep.equal([]);
    const answered = outbox.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered.map((s) => s.object.definition?.interactionType)).to.have.members([
      'true-false',
      'choice',
      'choice',
      'fill-in',
      'long-fill-in',
      'matching',
      'sequencing',
      'numeric',
      'likert',
      'performance',
    ]);
    expect(outbox.map((s) => s.verb.id.split('/').pop())).to.include.members(['attempted', 'completed']);
  });
});

describe('<lms-quiz> attempts, time and resume', () => {
  it('resumes an unfinished attempt after a reload with answers, order and deadline intact', async () => {
    const { createIndexedDbStorage } = await import('@lms-kit/storage');
    const databaseName = `quiz-resume-${Date.now()}`;
    const quizJson = choiceQuiz(6, { shuffleQuestions: true, shuffleChoices: true, timeLimit: 600 });
    const firstStorage = createIndexedDbStorage({ databaseName });
    const first = await renderQuiz(quizJson, firstStorage);
    click(first.root, 'button.start');
    await settle(first.quiz);
    const order = [...first.root.querySelectorAll('fieldset.question')].map((f) => f.getAttribute('data-question'));
    const choices = [...q(first.root, 'q3').querySelectorAll('input')].map((i) => i.value);
    (q(first.root, 'q3').querySelector('input[value="b"]') as HTMLInputElement).click();
    await settle(first.quiz);
    const deadline = first.quiz.attempts[0].data.deadline;
    // The answer is stored before the page goes (a write in flight at unload is the journal's job, tested elsewhere).
    await waitUntil(
      async () => {
        const [stored] = await firstStorage.listAttempts({ learnerId: 'mailto:sam@example.com' });
        return (stored?.data as { responses?: Record<string, unknown> } | undefined)?.responses?.q3 !== undefined;
      },
      'the answer was not stored',
      { timeout: 10000 },
    );
    first.provider.remove();

    // A new page load: a new element, a new connection to the same database.
    const second = await renderQuiz(quizJson, createIndexedDbStorage({ databaseName }));
    await waitUntil(() => second.root.querySelector('fieldset.question'), 'the attempt was not resumed', { timeout: 5000 });
    expect([...second.root.querySelectorAll('fieldset.question')].map((f) => f.getAttribute('data-question'))).to.deep.equal(order);
    expect([...q(second.root, 'q3').querySelectorAll('input')].map((i) => i.value)).to.deep.equal(choices);
    expect((q(second.root, 'q3').querySelector('input[value="b"]') as HTMLInputElement).checked).to.equal(true);
    expect(second.quiz.attempts[0].data.deadline, 'the clock is not reset').to.equal(deadline);
    expect(second.root.querySelector('.clock')?.textContent).to.match(/^(9|10):\d\d$/);
  });

  it('submits at the deadline, also when the page was closed past it', async () => {
    const storage = new MemoryAdapter();
    const timed = choiceQuiz(2, { timeLimit: 1 });
    const { quiz, root } = await renderQuiz(timed, storage);
    const complete = oneEvent(quiz, 'lms-attempt-complete') as Promise<LmsAttemptCompleteEvent>;
    const submit = oneEvent(quiz, 'lms-quiz-submit') as Promise<LmsQuizSubmitEvent>;
    click(root, 'button.start');
    await settle(quiz);
    (q(root, 'q1').querySelector('input[value="a"]') as HTMLInputElement).click();
    const intent = await submit;
    expect(intent.detail).to.deep.include({ auto: true, unanswered: 1 });
    expect(intent.cancelable).to.equal(false);
    const { detail } = await complete;
    expect(detail.result).to.deep.include({ raw: 1, max: 2 });
    await settle(quiz);
    expect(root.querySelector('[role="status"]')?.textContent).to.contain('Time is up');

    // An attempt whose deadline passed while no page was open is submitted as of the deadline on load.
    const late = structuredClone((await storage.listAttempts({ learnerId: 'mailto:sam@example.com' }))[0]);
    Object.assign(late, { id: '11111111-2222-4333-8444-555555555555', status: 'in-progress', startedAt: '2026-01-01T10:00:00.000Z' });
    late.data = { ...(late.data as object), submittedAt: undefined, result: undefined, number: 2, deadline: '2026-01-01T10:00:01.000Z' };
    const other = new MemoryAdapter();
    await other.putAttempt(late);
    const reopened = await renderQuiz(timed, other);
    await waitUntil(() => reopened.root.querySelector('.result'), 'not submitted on load');
    const stored = await other.getAttempt(late.id);
    expect(stored?.status).to.equal('completed');
    expect((stored?.data as { submittedAt: string }).submittedAt).to.equal('2026-01-01T10:00:01.000Z');
  });

  it('honours the attempts limit and lets the host cancel a submit', async () => {
    const { quiz, root } = await renderQuiz(choiceQuiz(1, { maxAttempts: 2, passingScore: { percent: 100 } }));
    expect(root.querySelector('.info')?.textContent).to.contain('2 attempts left');
    for (let attempt = 1; attempt <= 2; attempt++) {
      click(root, attempt === 1 ? 'button.start' : 'button.retry');
      await settle(quiz);
      if (attempt === 1) {
        const cancel = (event: Event) => event.preventDefault();
        quiz.addEventListener('lms-quiz-submit', cancel, { once: true });
        expect(await quiz.submit(), 'cancelled by the host').to.equal(false);
        expect(root.querySelector('button.submit')).to.not.equal(null);
      }
      click(root, 'button.submit');
      await waitUntil(() => root.querySelector('.result'));
    }
    expect(root.querySelector('button.retry')).to.equal(null);
    expect(root.querySelector('.info')?.textContent).to.contain('You have used all your attempts.');
    expect(quiz.attempts.map((a) => a.status)).to.deep.equal(['completed', 'completed']);
    await expect(quiz).to.be.accessible();
  });
});

describe('<lms-quiz> grading, keyboard and bad input', () => {
  it('keeps an essay pending until a grader grades it, then completes the attempt', async () => {
    const storage = new MemoryAdapter();
    const quizJson = everyTypeQuiz({ questions: [everyType.single, everyType.essay], passingScore: { percent: 70 } });
    const learner = await renderQuiz(quizJson, storage);
    click(learner.root, 'button.start');
    await settle(learner.quiz);
    (q(learner.root, 'fridge-temp').querySelector('input[value="c5"]') as HTMLInputElement).click();
    type(q(learner.root, 'spill').querySelector('textarea')!, 'Throw the cakes away and clean the shelf.');
    await settle(learner.quiz);
    click(learner.root, 'button.submit');
    await waitUntil(() => learner.root.querySelector('.result.pending'));
    expect(learner.quiz.attempts[0].status).to.equal('pending-grading');

    // The grader's element on the same storage (another page in real life).
    const grader = await renderQuiz(quizJson, storage, true);
    await expect(grader.quiz).to.be.accessible();
    const form = q(grader.root, 'spill').querySelector('form.grading') as HTMLFormElement;
    type(form.querySelector('input[name="points"]') as HTMLInputElement, '0.5');
    type(form.querySelector('textarea') as HTMLTextAreaElement, 'Also move the chicken to the bottom shelf.');
    const completed = oneEvent(learner.quiz, 'lms-attempt-complete') as Promise<LmsAttemptCompleteEvent>;
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const { detail } = await completed;
    expect(detail).to.deep.include({ pending: false });
    expect(detail.result).to.deep.include({ raw: 1.5, max: 2, passed: true });
    await settle(learner.quiz);
    expect(q(learner.root, 'spill').textContent).to.contain('Also move the chicken to the bottom shelf.');
    const verbs = async () => (await storage.readOutbox(50)).map((e) => e.statement.verb.id.split('/').pop());
    await waitUntil(async () => (await verbs()).includes('passed'), 'no passed statement when graded', { timeout: 10000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      (await verbs()).filter((v) => v === 'passed'),
      'passed once, when graded',
    ).to.have.length(1);
  });

  it('reorders a sequence with buttons and Alt+arrows, focus staying with the item', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const { quiz, root } = await renderQuiz(everyTypeQuiz({ questions: [everyType.sequencing] }));
    click(root, 'button.start');
    await settle(quiz);
    const shown = () => [...root.querySelectorAll('[data-item]')].map((li) => li.getAttribute('data-item'));
    const before = shown();
    const second = root.querySelector(`[data-item="${before[1]}"] button.up`) as HTMLButtonElement;
    second.focus();
    await sendKeys({ press: 'Enter' });
    await settle(quiz);
    expect(shown()).to.deep.equal([before[1], before[0], ...before.slice(2)]);
    const active = root.activeElement as HTMLElement;
    expect(active.closest('[data-item]')?.getAttribute('data-item'), 'focus moved with the item').to.equal(before[1]);
    expect(active.classList.contains('down'), 'at the top, focus goes to Move down').to.equal(true);
    await sendKeys({ press: 'Alt+ArrowDown' });
    await settle(quiz);
    expect(shown()).to.deep.equal(before);
    expect(root.querySelector('[role="status"]')?.textContent).to.match(/is now 2 of 5/);
    expect(quiz.attempts[0].data.responses.handwash.value).to.deep.equal(before);
  });

  it('shows the paths of a malformed quiz and dispatches lms-error', async () => {
    const errors: string[] = [];
    document.addEventListener('lms-error', (e) => errors.push(e.detail.error.code), { once: true });
    const { root } = await renderQuiz({
      schema: 1,
      id: 'bad',
      title: 'Bad',
      questions: [{ id: 'q', type: 'numeric', text: 'N', answers: [] }],
    } as never);
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('.issues')?.textContent).to.contain('questions[0].answers: must not be empty');
    expect(errors).to.deep.equal(['quiz/invalid']);
  });

  it('shows the line of a mistake in a GIFT file, and plays a valid one', async () => {
    const broken = await renderQuiz('/test/pages/quizzes/broken.gift');
    await waitUntil(() => broken.root.querySelector('[role="alert"]'));
    expect(broken.root.querySelector('.issues')?.textContent).to.contain('line 4: a multiple-choice question needs a right answer');
    const gift = await renderQuiz('/test/pages/quizzes/food-safety.gift');
    click(gift.root, 'button.start');
    await settle(gift.quiz);
    expect(gift.root.querySelectorAll('fieldset.question')).to.have.length(6);
  });
});
