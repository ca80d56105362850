import { expect } from '@open-wc/testing';
import { QuizSession, type QuizSessionEvents } from '@lms-kit/runtime';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { outboxVerbs, services } from './helpers.js';

describe('QuizSession (no element)', () => {
  it('takes a quiz on its own: attempt, answers, a cancelled then accepted submit, resume in another session', async () => {
    expect(customElements.get('lms-quiz'), 'no custom element is defined in this test').to.equal(undefined);
    const given = services();
    const quiz = choiceQuiz(3, { passingScore: { percent: 60 }, maxAttempts: 2 });
    const session = new QuizSession({ services: given });
    const seen: Array<keyof QuizSessionEvents> = [];
    for (const type of ['lms-quiz-start', 'lms-question-answer', 'lms-quiz-submit', 'lms-attempt-complete'] as const)
      session.on(type, () => void seen.push(type));
    await session.open(quiz);
    expect(session.getState().current).to.equal(undefined);
    expect(session.getState().left).to.equal(2);

    const attempt = await session.start();
    expect(attempt?.status).to.equal('in-progress');
    const snapshot = session.getState();
    expect(session.getState()).to.equal(snapshot);
    session.answer('q1', ['a']);
    expect(session.getState()).to.not.equal(snapshot);
    session.answer('q2', ['a']);

    // A listener may keep the attempt open.
    const cancel = session.on('lms-quiz-submit', (detail) => {
      expect(detail.unanswered).to.equal(1);
      return false;
    });
    expect(await session.submit()).to.equal(false);
    expect(session.getState().inProgress).to.equal(true);
    cancel();

    // Another page resumes the attempt with its answers.
    const other = new QuizSession({ services: given });
    await other.open(quiz);
    expect(other.getState().current?.id).to.equal(attempt?.id);
    expect(other.getState().current?.data.responses.q2.value).to.deep.equal(['a']);
    other.dispose();

    expect(await session.submit()).to.equal(true);
    const result = session.getState().current?.data.result;
    expect(result?.passed).to.equal(true);
    expect(result?.raw).to.equal(2);
    expect(session.getState().left).to.equal(1);
    expect(seen).to.deep.equal([
      'lms-quiz-start',
      'lms-question-answer',
      'lms-question-answer',
      'lms-quiz-submit',
      'lms-quiz-submit',
      'lms-attempt-complete',
    ]);
    const verbs = await outboxVerbs(given.storage);
    expect(
      verbs.filter((v) => v === 'answered'),
      'one per answered question',
    ).to.have.length(2);
    expect(verbs).to.include.members(['attempted', 'passed']);
    session.dispose();
  });

  it('submits by itself at the deadline, and says time is up', async () => {
    const given = services();
    const quiz = choiceQuiz(1, { timeLimit: 1 });
    const session = new QuizSession({ services: given });
    const timeUp = new Promise((resolve) => session.on('time-up', resolve));
    const complete = new Promise<QuizSessionEvents['lms-attempt-complete']>((resolve) => session.on('lms-attempt-complete', resolve));
    await session.open(quiz);
    await session.start();
    session.answer('q1', ['a']);
    await timeUp;
    expect((await complete).result.raw).to.equal(1);
    expect(session.getState().inProgress).to.equal(false);
    session.dispose();
  });
});
