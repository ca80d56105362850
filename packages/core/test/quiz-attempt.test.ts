import { expect } from '@open-wc/testing';
import {
  answerQuestion,
  attemptStatus,
  attemptsLeft,
  checkQuestion,
  isOverdue,
  mayShowCorrectAnswers,
  parseQuiz,
  startAttempt,
  submitAttempt,
  validateQuiz,
  type Quiz,
} from '@lms-kit/core/quiz';
import { choiceQuiz, everyType, everyTypeQuiz, seeded } from '../../../test/helpers/quizzes.js';

const now = new Date('2026-11-01T10:00:00Z');
const messages = (input: unknown) => validateQuiz(input).map((i) => `${i.path}: ${i.message}`);

function bankQuiz(overrides: Partial<Quiz> = {}): Quiz {
  const bank = choiceQuiz(10).questions!.map((q, i) => ({ ...q, id: `b${i + 1}`, tags: [i < 4 ? 'temperature' : 'hygiene'] }));
  return {
    schema: 1,
    id: 'drawn',
    title: 'Drawn',
    questions: [everyType.trueFalse],
    banks: [{ id: 'pool', questions: bank }],
    ...overrides,
  };
}

describe('quiz attempts', () => {
  it('draws N questions per attempt from a bank and by tag, without repeats', () => {
    const quiz = bankQuiz({
      draw: [
        { bank: 'pool', count: 2, tag: 'temperature' },
        { bank: 'pool', count: 3 },
      ],
    });
    const data = startAttempt(quiz, { number: 1, now, random: seeded(7) });
    expect(data.questionIds).to.have.length(6);
    expect(data.questionIds[0]).to.equal('cool-rice');
    expect(new Set(data.questionIds).size).to.equal(6);
    expect(['b1', 'b2', 'b3', 'b4']).to.include.members(data.questionIds.slice(1, 3));
    const other = startAttempt(quiz, { number: 2, now, random: seeded(99) });
    expect(other.questionIds.slice(1), 'another draw').to.not.deep.equal(data.questionIds.slice(1));
  });

  it('shuffles questions and choices once, storing the order for the attempt', () => {
    const quiz = choiceQuiz(8, { shuffleQuestions: true, shuffleChoices: true });
    const data = startAttempt(quiz, { number: 1, now, random: seeded(3) });
    expect(data.questionIds).to.have.members(quiz.questions!.map((q) => q.id));
    expect(data.questionIds).to.not.deep.equal(quiz.questions!.map((q) => q.id));
    expect(Object.keys(data.order)).to.have.length(8);
    for (const order of Object.values(data.order)) expect(order).to.have.members(['a', 'b', 'c']);
    expect(JSON.parse(JSON.stringify(data)), 'plain data: survives storage as it is').to.deep.equal(data);
  });

  it('never shows a sequencing question already in the right order', () => {
    const quiz: Quiz = {
      schema: 1,
      id: 's',
      title: 'S',
      questions: [{ ...everyType.sequencing, items: everyType.sequencing.items.slice(0, 2) }],
    };
    for (let seed = 0; seed < 20; seed++) {
      expect(startAttempt(quiz, { number: 1, now, random: seeded(seed) }).order.handwash).to.deep.equal(['soap', 'wet']);
    }
  });

  it('scores with weights and a passing score in percent or points', () => {
    const quiz = choiceQuiz(4, { passingScore: { percent: 75 } });
    quiz.questions![0].weight = 2;
    let data = startAttempt(quiz, { number: 1, now });
    data = answerQuestion(data, 'q1', ['a'], now);
    data = answerQuestion(data, 'q2', ['a'], now);
    data = answerQuestion(data, 'q3', ['b'], now);
    const submitted = submitAttempt(quiz, data, now.toISOString(), new Date(now.getTime() + 60_000));
    expect(submitted.result).to.deep.include({ raw: 3, max: 5, scaled: 0.6, passed: false, pending: false, durationMs: 60_000 });
    expect(submitted.result?.questions.q1).to.deep.equal({ credit: 1, points: 2, max: 2, answered: true, correct: true });
    expect(submitted.result?.questions.q4).to.deep.include({ credit: 0, answered: false });
    const byPoints = submitAttempt({ ...quiz, passingScore: { points: 3 } }, data, now.toISOString(), now);
    expect(byPoints.result?.passed).to.equal(true);
    expect(attemptStatus(submitted)).to.equal('completed');
  });

  it('leaves a sequencing question as shown when untouched, answers nothing after submit', () => {
    const quiz: Quiz = { schema: 1, id: 's', title: 'S', questions: [everyType.sequencing, everyType.likert] };
    const data = startAttempt(quiz, { number: 1, now, random: seeded(1) });
    const submitted = submitAttempt(quiz, data, now.toISOString(), now);
    expect(submitted.responses.handwash.value).to.deep.equal(data.order.handwash);
    expect(submitted.responses).to.not.have.property('confidence');
    expect(answerQuestion(submitted, 'confidence', 'very', now)).to.equal(submitted);
    expect(submitted.result?.max, 'likert is unscored').to.equal(1);
  });

  it('locks a checked answer (immediate feedback)', () => {
    const quiz = choiceQuiz(1, { feedback: 'immediate' });
    let data = answerQuestion(startAttempt(quiz, { number: 1, now }), 'q1', ['b'], now);
    data = checkQuestion(data, 'q1');
    expect(answerQuestion(data, 'q1', ['a'], now).responses.q1.value).to.deep.equal(['b']);
  });

  it('keeps the deadline in the attempt, so a reload does not reset the clock', () => {
    const quiz = choiceQuiz(2, { timeLimit: 90 });
    const data = startAttempt(quiz, { number: 1, now });
    expect(data.deadline).to.equal('2026-11-01T10:01:30.000Z');
    const reloaded = JSON.parse(JSON.stringify(data));
    expect(isOverdue(reloaded, new Date('2026-11-01T10:01:29.000Z'))).to.equal(false);
    expect(isOverdue(reloaded, new Date('2026-11-01T10:01:30.000Z'))).to.equal(true);
  });

  it('counts attempts left and when the right answers may be shown', () => {
    const quiz = choiceQuiz(1, { maxAttempts: 2, showCorrectAnswers: 'when-done' });
    expect(attemptsLeft(quiz, 0)).to.equal(2);
    expect(attemptsLeft(quiz, 3)).to.equal(0);
    expect(attemptsLeft(choiceQuiz(1), 50)).to.equal(Infinity);
    const failed = { raw: 0, max: 1, scaled: 0, passed: false, pending: false, durationMs: 0, questions: {} };
    expect(mayShowCorrectAnswers(quiz, failed, 1)).to.equal(false);
    expect(mayShowCorrectAnswers(quiz, failed, 0)).to.equal(true);
    expect(mayShowCorrectAnswers(quiz, { ...failed, passed: true }, 1)).to.equal(true);
    expect(mayShowCorrectAnswers({ ...quiz, showCorrectAnswers: 'never' }, { ...failed, passed: true }, 0)).to.equal(false);
  });
});

describe('quiz validation', () => {
  it('accepts a quiz with every question type', () => {
    expect(validateQuiz(everyTypeQuiz())).to.deep.equal([]);
  });

  it('rejects a quiz with no questions, naming the path', () => {
    expect(messages({ schema: 1, id: 'empty', title: 'Empty', questions: [] })).to.deep.equal([
      'questions: the quiz has no questions (add questions, or draw from a bank)',
    ]);
  });

  it('rejects a draw larger than its bank', () => {
    expect(
      messages(
        bankQuiz({
          draw: [
            { bank: 'pool', count: 5, tag: 'temperature' },
            { bank: 'pool', count: 7 },
          ],
        }),
      ),
    ).to.deep.equal([
      'draw[0].count: draws 5 questions but bank "pool" has only 4 with tag "temperature"',
      'draw: draws 12 questions in all from bank "pool", which has only 10',
    ]);
    expect(messages(bankQuiz({ draw: [{ bank: 'nope', count: 1 }] }))).to.deep.equal(['draw[0].bank: unknown bank "nope"']);
  });

  it('rejects duplicate ids, in questions, banks and items', () => {
    const quiz = bankQuiz({ questions: [everyType.trueFalse, { ...everyType.single, id: 'b3' }] });
    quiz.questions!.push({ ...everyType.single, choices: [...everyType.single.choices, { id: 'c5', text: 'again' }] });
    expect(messages(quiz)).to.deep.equal([
      'questions[2].choices[3].id: duplicate id "c5"',
      'banks[0].questions[2].id: duplicate question id "b3" (also used at questions[1])',
    ]);
  });

  it('reports type-specific mistakes with their paths, never throwing on junk', () => {
    const junk = {
      schema: 1,
      id: 'junk',
      title: 'Junk',
      passingScore: { percent: 120 },
      questions: [
        null,
        {
          id: 'a',
          type: 'choice',
          text: 'No right answer',
          choices: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
          ],
        },
        {
          id: 'b',
          type: 'numeric',
          text: 'N',
          answers: [
            { min: 5, max: 1 },
            { value: 2, min: 1 },
          ],
        },
        {
          id: 'c',
          type: 'matching',
          text: 'M',
          sources: [{ id: 's', text: 'S' }],
          targets: [{ id: 't', text: 'T' }],
          pairs: [{ source: 's', target: 'u' }],
        },
        { id: 'd', type: 'fill-in', text: 'F', blanks: [{ accept: ['a[,]b'] }] },
        { id: 'e', type: 'hologram', text: 'H' },
      ],
    };
    const found = messages(junk);
    expect(found.slice(0, 7)).to.deep.equal([
      'passingScore.percent: must be at most 100',
      'questions[0]: must be an object, got null',
      'questions[1].choices: no choice is marked correct',
      'questions[2].answers[0]: min is greater than max',
      'questions[2].answers[1]: give either value (and tolerance) or min/max, not both',
      'questions[3].pairs[0].target: unknown target "u"',
      'questions[4].blanks[0].accept[0]: must not contain [,] [.] or [:]',
    ]);
    expect(found[7]).to.match(/^questions\[5\]\.type: unknown question type "hologram" \(known: true-false, choice, /);
    expect(found).to.have.length(8);
    expect(() => parseQuiz(junk))
      .to.throw()
      .with.property('code', 'quiz/invalid');
  });
});
