import { expect } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import { learnerFromActor, Verbs, type Statement } from '@lms-kit/core';
import {
  QuizStatements,
  registerQuestionType,
  scoreAttempt,
  startAttempt,
  submitAttempt,
  answerQuestion,
  gradeQuestion,
  type Question,
} from '@lms-kit/core/quiz';
import { everyType, everyTypeQuiz } from '../../../test/helpers/quizzes.js';

const learner = learnerFromActor({ mbox: 'sam@example.com', name: 'Sam' });
const course = { objectType: 'Activity' as const, id: 'https://intranet.example/training/food-safety' };
const REGISTRATION = '2d1c0f4e-7b6a-4c3d-9e8f-0a1b2c3d4e5f';

function answered(question: Question, value: unknown): Statement {
  const build = new QuizStatements({ quiz: everyTypeQuiz(), learner, registration: REGISTRATION, course });
  const statement = build.answered(question, { value, answeredAt: new Date().toISOString() });
  expect(statement, 'a statement').to.not.equal(undefined);
  expect(validateStatement(statement), JSON.stringify(statement, null, 1)).to.deep.equal([]);
  expect(statement!.verb.id).to.equal(Verbs.answered.id);
  expect(statement!.object.definition?.type).to.equal('http://adlnet.gov/expapi/activities/cmi.interaction');
  return statement as Statement;
}

const ids = (list: unknown) => (list as Array<{ id: string }>).map((c) => c.id);

describe('quiz xAPI: answered statements per interaction type', () => {
  it('true-false', () => {
    const s = answered(everyType.trueFalse, true);
    expect(s.object.definition).to.deep.include({ interactionType: 'true-false', correctResponsesPattern: ['false'] });
    expect(s.result).to.deep.include({ response: 'true', success: false });
    expect(s.result?.score).to.deep.equal({ scaled: 0, raw: 0, min: 0, max: 1 });
  });

  it('choice: ids delimited by [,], no delimiter for one item, choices listed', () => {
    const single = answered(everyType.single, ['c5']);
    expect(single.object.definition).to.deep.include({ interactionType: 'choice', correctResponsesPattern: ['c5'] });
    expect(ids(single.object.definition?.choices)).to.deep.equal(['c5', 'c8', 'c12']);
    expect((single.object.definition?.choices as Array<{ description: unknown }>)[0].description).to.deep.equal({ en: '5 °C' });
    expect(single.result).to.deep.include({ response: 'c5', success: true });
    const multiple = answered(everyType.multiple, ['celery', 'sesame']);
    expect(multiple.object.definition?.correctResponsesPattern).to.deep.equal(['sesame[,]celery[,]lupin']);
    expect(multiple.result).to.deep.include({ response: 'celery[,]sesame', success: false });
    expect(multiple.result?.score?.scaled).to.be.closeTo(2 / 3, 1e-4);
  });

  it('fill-in: every combination of accepted answers, blanks delimited by [,]', () => {
    const s = answered(everyType.fillIn, ['five', '63']);
    expect(s.object.definition?.interactionType).to.equal('fill-in');
    expect(s.object.definition?.correctResponsesPattern).to.deep.equal(['5[,]63', '5[,]sixty-three', 'five[,]63', 'five[,]sixty-three']);
    expect(s.result).to.deep.include({ response: 'five[,]63', success: true });
    const cased = answered({ id: 'na', type: 'fill-in', text: 'Sodium: {{1}}', blanks: [{ accept: ['Na'] }], caseSensitive: true }, ['Na']);
    expect(cased.object.definition?.correctResponsesPattern).to.deep.equal(['{case_matters=true}Na']);
    expect(cased.object.definition).to.not.have.property('choices');
  });

  it('long-fill-in: the text as response, no pattern and no success while pending', () => {
    const s = answered(everyType.essay, 'Bin the cakes, sanitise the shelf.');
    expect(s.object.definition?.interactionType).to.equal('long-fill-in');
    expect(s.object.definition).to.not.have.property('correctResponsesPattern');
    expect(s.result).to.deep.equal({ response: 'Bin the cakes, sanitise the shelf.' });
  });

  it('matching: source[.]target pairs delimited by [,], source and target lists', () => {
    const s = answered(everyType.matching, { red: 'meat', blue: 'fish', green: 'veg' });
    expect(s.object.definition?.correctResponsesPattern).to.deep.equal(['red[.]meat[,]blue[.]fish[,]green[.]veg']);
    expect(ids(s.object.definition?.source)).to.deep.equal(['red', 'blue', 'green']);
    expect(ids(s.object.definition?.target)).to.deep.equal(['meat', 'fish', 'veg', 'bread']);
    expect(s.result).to.deep.include({ response: 'red[.]meat[,]blue[.]fish[,]green[.]veg', success: true });
  });

  it('sequencing: the ordered ids, choices listed', () => {
    const s = answered(everyType.sequencing, ['wet', 'soap', 'rinse', 'scrub', 'dry']);
    expect(s.object.definition?.correctResponsesPattern).to.deep.equal(['wet[,]soap[,]scrub[,]rinse[,]dry']);
    expect(ids(s.object.definition?.choices)).to.have.length(5);
    expect(s.result).to.deep.include({ response: 'wet[,]soap[,]rinse[,]scrub[,]dry', success: false });
  });

  it('numeric: a number, ranges as min[:]max, open ends keep the delimiter', () => {
    const s = answered(everyType.numeric, ' 75,2 ');
    expect(s.object.definition?.correctResponsesPattern).to.deep.equal(['74.5[:]75.5', '80[:]90']);
    expect(s.result).to.deep.include({ response: '75.2', success: true });
    const open = answered({ id: 'o', type: 'numeric', text: 'Freezer?', answers: [{ max: -18 }, { value: 4 }, { min: 100 }] }, '-20');
    expect(open.object.definition?.correctResponsesPattern).to.deep.equal(['[:]-18', '4', '100[:]']);
  });

  it('likert: a single scale id, the scale listed, no pattern, never success', () => {
    const s = answered(everyType.likert, 'somewhat');
    expect(s.object.definition?.interactionType).to.equal('likert');
    expect(ids(s.object.definition?.scale)).to.deep.equal(['not', 'somewhat', 'very']);
    expect(s.object.definition).to.not.have.property('correctResponsesPattern');
    expect(s.result).to.deep.equal({ response: 'somewhat' });
  });

  it('performance: step[.]value delimited by [,], numeric steps as ranges, steps listed', () => {
    const s = answered(everyType.performance, { ice: '0,5', boil: '100', log: 'probe log' });
    expect(s.object.definition?.correctResponsesPattern).to.deep.equal([
      'ice[.]-1[:]1[,]boil[.]99[:]101[,]log[.]probe log',
      'ice[.]-1[:]1[,]boil[.]99[:]101[,]log[.]log book',
    ]);
    expect(ids(s.object.definition?.steps)).to.deep.equal(['ice', 'boil', 'log']);
    expect(s.result).to.deep.include({ response: 'ice[.]0.5[,]boil[.]100[,]log[.]probe log', success: true });
  });

  it('other: a host-registered type with its own response format', () => {
    registerQuestionType<Question & { hotspots: string[]; answer: string }, string>({
      type: 'hotspot',
      interactionType: 'other',
      validate: (q) => void q.stringArray('hotspots'),
      isAnswered: (_q, r) => typeof r === 'string',
      score: (q, r) => (r === q.answer ? 1 : 0),
      xapiResponse: (_q, r) => `spot:${r}`,
      correctResponsesPattern: (q) => [`spot:${q.answer}`],
    });
    const s = answered({ id: 'hot', type: 'hotspot', text: 'Click the hand sink', hotspots: ['sink', 'oven'], answer: 'sink' }, 'sink');
    expect(s.object.definition).to.deep.include({ interactionType: 'other', correctResponsesPattern: ['spot:sink'] });
    expect(s.result).to.deep.include({ response: 'spot:sink', success: true });
  });

  it('puts the quiz as parent and the course as grouping, with the registration', () => {
    const s = answered(everyType.single, ['c5']);
    expect(s.context?.registration).to.equal(REGISTRATION);
    expect(s.context?.contextActivities?.parent?.[0].id).to.equal('urn:lms-kit:quiz:kitchen-check');
    expect(s.context?.contextActivities?.grouping?.[0].id).to.equal(course.id);
    expect(s.object.id).to.equal('urn:lms-kit:quiz:kitchen-check:question:fridge-temp');
    const iri = new QuizStatements({ quiz: everyTypeQuiz(), learner, activityId: 'https://intranet.example/quiz/' }).questionActivity(
      everyType.single,
    );
    expect(iri.id).to.equal('https://intranet.example/quiz/questions/fridge-temp');
  });
});

describe('quiz xAPI: attempt statements', () => {
  const quiz = everyTypeQuiz({ questions: [everyType.single, everyType.trueFalse, everyType.essay] });
  const start = new Date('2026-11-01T10:00:00Z');

  it('passed or failed, then completed, with scaled/raw/min/max and duration', () => {
    let data = startAttempt(quiz, { number: 1, now: start });
    data = answerQuestion(data, 'fridge-temp', ['c5'], start);
    data = answerQuestion(data, 'cool-rice', true, start);
    data = submitAttempt(quiz, data, start.toISOString(), new Date(start.getTime() + 95_000));
    const build = new QuizStatements({ quiz, learner, registration: REGISTRATION });
    const statements = build.attemptFinished(data.result!);
    for (const s of statements) expect(validateStatement(s), JSON.stringify(s)).to.deep.equal([]);
    expect(
      statements.map((s) => s.verb.id),
      'nothing pending: no essay answer',
    ).to.deep.equal([Verbs.failed.id, Verbs.completed.id]);
    expect(statements[0].result).to.deep.equal({
      completion: true,
      duration: 'PT1M35S',
      success: false,
      score: { scaled: 0.3333, raw: 1, min: 0, max: 3 },
    });
  });

  it('leaves success out while an essay waits for grading, and passes once graded', () => {
    let data = startAttempt(quiz, { number: 1, now: start });
    data = answerQuestion(data, 'fridge-temp', ['c5'], start);
    data = answerQuestion(data, 'cool-rice', false, start);
    data = answerQuestion(data, 'spill', 'Bin the cakes.', start);
    data = submitAttempt(quiz, data, start.toISOString(), start);
    const build = new QuizStatements({ quiz, learner });
    const pending = build.attemptFinished(data.result!);
    expect(pending.map((s) => s.verb.id)).to.deep.equal([Verbs.completed.id]);
    expect(pending[0].result).to.not.have.property('success');
    expect(pending[0].result).to.not.have.property('score');
    data = gradeQuestion(quiz, data, start.toISOString(), 'spill', { credit: 0.5, grader: 'Chef Ana' }, start);
    expect(scoreAttempt(quiz, data, start.toISOString(), start)).to.deep.include({ raw: 2.5, max: 3, pending: false, passed: true });
    const graded = build.attemptFinished(data.result!);
    expect(graded.map((s) => s.verb.id)).to.deep.equal([Verbs.passed.id, Verbs.completed.id]);
    for (const s of graded) expect(validateStatement(s)).to.deep.equal([]);
  });
});
