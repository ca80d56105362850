import { expect } from '@open-wc/testing';
import { getQuestionType, parseNumber, type Question } from '@lms-kit/core/quiz';
import { everyType } from '../../../test/helpers/quizzes.js';

const credit = (question: Question, response: unknown) => {
  const type = getQuestionType(question.type)!;
  return type.score(question, type.isAnswered(question, response) ? response : undefined);
};

describe('quiz scoring, type by type', () => {
  it('true-false: right, wrong, and no answer', () => {
    expect(credit(everyType.trueFalse, false)).to.equal(1);
    expect(credit(everyType.trueFalse, true)).to.equal(0);
    expect(credit(everyType.trueFalse, undefined)).to.equal(0);
    expect(credit(everyType.trueFalse, 'false'), 'a string is not a boolean').to.equal(0);
  });

  it('choice, single answer: only the right one, alone', () => {
    expect(credit(everyType.single, ['c5'])).to.equal(1);
    expect(credit(everyType.single, ['c8'])).to.equal(0);
    expect(credit(everyType.single, [])).to.equal(0);
    expect(credit(everyType.single, ['c5', 'c8']), 'two answers to a one-answer question').to.equal(0);
  });

  it('choice, multiple answer: partial credit is right choices minus wrong ones, never below zero', () => {
    expect(credit(everyType.multiple, ['sesame', 'celery', 'lupin'])).to.equal(1);
    expect(credit(everyType.multiple, ['sesame', 'celery'])).to.be.closeTo(2 / 3, 1e-9);
    expect(credit(everyType.multiple, ['sesame', 'celery', 'lupin', 'rice'])).to.be.closeTo(2 / 3, 1e-9);
    expect(credit(everyType.multiple, ['rice'])).to.equal(0);
    expect(credit(everyType.multiple, [])).to.equal(0);
    const allOrNothing = { ...everyType.multiple, partialCredit: false };
    expect(credit(allOrNothing, ['sesame', 'celery'])).to.equal(0);
    expect(credit(allOrNothing, ['lupin', 'celery', 'sesame'])).to.equal(1);
  });

  it('fill-in: several accepted answers per blank, case folded, spaces normalized, credit per blank', () => {
    expect(credit(everyType.fillIn, ['5', '63'])).to.equal(1);
    expect(credit(everyType.fillIn, ['  FIVE ', 'Sixty-Three'])).to.equal(1);
    expect(credit(everyType.fillIn, ['5', '60'])).to.equal(0.5);
    expect(credit(everyType.fillIn, ['', ''])).to.equal(0);
    expect(credit(everyType.fillIn, [])).to.equal(0);
  });

  it('fill-in: case-sensitive and exact-whitespace rules', () => {
    const question: Question = {
      id: 'q',
      type: 'fill-in',
      text: 'Symbol of sodium: {{1}}',
      blanks: [{ accept: ['Na'] }],
      caseSensitive: true,
    };
    expect(credit(question, ['Na'])).to.equal(1);
    expect(credit(question, [' Na '])).to.equal(1);
    expect(credit(question, ['NA'])).to.equal(0);
    expect(credit(question, ['na'])).to.equal(0);
    const spaced: Question = { id: 'q2', type: 'fill-in', text: '{{1}}', blanks: [{ accept: ['ice cream'] }], whitespace: 'exact' };
    expect(credit(spaced, ['ice cream'])).to.equal(1);
    expect(credit(spaced, ['ice  cream'])).to.equal(0);
    expect(credit({ ...spaced, whitespace: 'normalize' }, ['  ice   cream '])).to.equal(1);
  });

  it('long-fill-in: pending until graded, nothing when empty', () => {
    expect(credit(everyType.essay, 'Throw the cakes away and clean the shelf.')).to.equal('pending');
    expect(credit(everyType.essay, '   ')).to.equal(0);
    expect(credit(everyType.essay, undefined)).to.equal(0);
  });

  it('matching: credit per source, an unpaired source must stay unmatched', () => {
    expect(credit(everyType.matching, { red: 'meat', blue: 'fish', green: 'veg' })).to.equal(1);
    expect(credit(everyType.matching, { red: 'meat', blue: 'veg', green: 'fish' })).to.be.closeTo(1 / 3, 1e-9);
    expect(credit(everyType.matching, { red: 'meat' })).to.be.closeTo(1 / 3, 1e-9);
    expect(credit(everyType.matching, {})).to.equal(0);
    const distractorSource = {
      ...everyType.matching,
      partialCredit: false,
      sources: [...everyType.matching.sources, { id: 'yellow', text: 'Yellow' }],
    };
    expect(credit(distractorSource, { red: 'meat', blue: 'fish', green: 'veg' })).to.equal(1);
    expect(credit(distractorSource, { red: 'meat', blue: 'fish', green: 'veg', yellow: 'bread' })).to.equal(0);
  });

  it('sequencing: all in order, or credit per item in its place', () => {
    expect(credit(everyType.sequencing, ['wet', 'soap', 'scrub', 'rinse', 'dry'])).to.equal(1);
    expect(credit(everyType.sequencing, ['soap', 'wet', 'scrub', 'rinse', 'dry'])).to.equal(0);
    expect(credit({ ...everyType.sequencing, partialCredit: true }, ['soap', 'wet', 'scrub', 'rinse', 'dry'])).to.equal(0.6);
    expect(credit(everyType.sequencing, ['wet', 'soap'])).to.equal(0);
  });

  it('numeric: tolerance and range bounds are included, just outside is wrong', () => {
    for (const ok of ['75', '74.5', '75.5', '80', '90', '85.25', ' 75,5 ']) expect(credit(everyType.numeric, ok), ok).to.equal(1);
    for (const wrong of ['74.49', '75.51', '79.999', '90.001', '', 'seventy-five', '75 degrees']) {
      expect(credit(everyType.numeric, wrong), wrong).to.equal(0);
    }
    const pi: Question = { id: 'pi', type: 'numeric', text: 'π to two places?', answers: [{ value: 3.14, tolerance: 0.01 }] };
    expect(credit(pi, '3.15'), 'binary floating point must not reject the bound').to.equal(1);
    expect(credit(pi, '3.13')).to.equal(1);
    expect(credit(pi, '3.1501')).to.equal(0);
    const exact: Question = { id: 'e', type: 'numeric', text: 'Eggs in a dozen?', answers: [{ value: 12 }] };
    expect(credit(exact, '12')).to.equal(1);
    expect(credit(exact, '12.0001')).to.equal(0);
    const open: Question = { id: 'o', type: 'numeric', text: 'Below freezing?', answers: [{ max: 0 }] };
    expect(credit(open, '-18')).to.equal(1);
    expect(credit(open, '0')).to.equal(1);
    expect(credit(open, '0.5')).to.equal(0);
    expect(parseNumber('1e3')).to.equal(1000);
    expect(parseNumber('1,000.5')).to.equal(undefined);
  });

  it('likert: never scored', () => {
    expect(getQuestionType('likert')!.scored).to.equal(false);
    expect(credit(everyType.likert, 'very')).to.equal(0);
  });

  it('performance: numeric and text steps, credit per step', () => {
    expect(credit(everyType.performance, { ice: '0.5', boil: '100', log: 'Probe log' })).to.equal(1);
    expect(credit(everyType.performance, { ice: '1.5', boil: '100', log: 'probe log' })).to.be.closeTo(2 / 3, 1e-9);
    expect(credit(everyType.performance, { ice: '', boil: '', log: '' })).to.equal(0);
    expect(credit({ ...everyType.performance, partialCredit: false }, { ice: '0', boil: '99', log: 'notebook' })).to.equal(0);
  });
});
