import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { parseAiken, parseGift, toAiken, toGift, validateQuiz, type ChoiceQuestion, type Quiz } from '@lms-kit/core/quiz';

/** A realistic GIFT export: categories, titles, comments, feedback, escapes, every GIFT question kind. */
const GIFT = String.raw`// Food safety question bank, exported from Moodle
$CATEGORY: $course$/top/Food safety/Temperatures

::Fridge temperature::What is the highest safe temperature for a fridge? {
  =5 °C#Right: 5 °C or below.
  ~8 °C#That is the legal maximum in some places, not our standard.
  ~12 °C#Far too warm.
  ####Check the fridge log at every opening.
}

::Rice::Cooked rice may cool on the counter overnight.{FALSE#Spores survive cooking.#Right: cool it within an hour.}

::Danger zone::The danger zone starts above {=5 =five} °C.

::Reheating::[html]To what <b>core</b> temperature must reheated food reach (°C)?{#75:0.5}

::Freezer::A freezer should be between which temperatures?{#-25..-18}

$CATEGORY: $course$/top/Food safety/Allergens

::Allergens::Which of these are major allergens?{
  ~%50%Sesame
  ~%50%Celery
  ~%-100%Rice#Rice is not one of the 14.
}

::Boards::Match each chopping board colour with its use.{
  =Red -> Raw meat
  =Blue -> Raw fish
  =Green -> Salad and fruit
  = -> Bakery and dairy
}

::Spill::A tray of raw chicken has dripped onto the cream cakes. What do you do?{}

::Ratio::Mix sanitiser 1\:40 with water\: how many ml per litre? {#25}

This line is a description: it has no answer block and is skipped.
`;

const AIKEN = `Which temperature kills most bacteria when reheating food?
A. 50 °C
B. 63 °C
C. 75 °C
D. 100 °C
ANSWER: C

Who must you tell when a fridge reads 8 °C?
A) Nobody, it is fine
B) The shift lead
C) The customers
ANSWER: B
`;

function importError(work: () => unknown): { code: string; issues: Array<{ path: string; message: string }> } {
  try {
    work();
  } catch (error) {
    expect(isLmsError(error)).to.equal(true);
    return error as never;
  }
  throw new Error('expected an import error');
}

describe('GIFT import', () => {
  it('reads every GIFT question kind into a valid quiz', () => {
    const quiz = parseGift(GIFT, { id: 'food-safety', title: 'Food safety bank' });
    expect(validateQuiz(quiz)).to.deep.equal([]);
    const byId = Object.fromEntries(quiz.questions!.map((q) => [q.id, q]));
    expect(Object.keys(byId)).to.deep.equal([
      'fridge-temperature',
      'rice',
      'danger-zone',
      'reheating',
      'freezer',
      'allergens',
      'boards',
      'spill',
      'ratio',
    ]);
    expect(byId['fridge-temperature']).to.deep.include({ type: 'choice', title: 'Fridge temperature', tags: ['Temperatures'] });
    expect((byId['fridge-temperature'] as ChoiceQuestion).choices[0]).to.deep.equal({
      id: 'a',
      text: '5 °C',
      correct: true,
      feedback: 'Right: 5 °C or below.',
    });
    expect(byId['fridge-temperature'].feedback).to.deep.equal({ general: 'Check the fridge log at every opening.' });
    expect(byId.rice).to.deep.include({
      type: 'true-false',
      correct: false,
      trueFeedback: 'Spores survive cooking.',
      falseFeedback: 'Right: cool it within an hour.',
    });
    expect(byId['danger-zone']).to.deep.include({
      type: 'fill-in',
      text: 'The danger zone starts above {{1}} °C.',
      blanks: [{ accept: ['5', 'five'] }],
    });
    expect(byId.reheating).to.deep.include({
      text: 'To what <b>core</b> temperature must reheated food reach (°C)?',
      answers: [{ value: 75, tolerance: 0.5 }],
    });
    expect(byId.freezer).to.deep.include({ answers: [{ min: -25, max: -18 }] });
    expect(byId.allergens).to.deep.include({ type: 'choice', multiple: true, partialCredit: true, tags: ['Allergens'] });
    expect(byId.boards).to.deep.include({
      type: 'matching',
      pairs: [
        { source: 's1', target: 't1' },
        { source: 's2', target: 't2' },
        { source: 's3', target: 't3' },
      ],
    });
    expect((byId.boards as { targets: unknown[] }).targets).to.have.length(4);
    expect(byId.spill.type).to.equal('long-fill-in');
    expect(byId.ratio).to.deep.include({ text: 'Mix sanitiser 1:40 with water: how many ml per litre?', answers: [{ value: 25 }] });
  });

  it('round-trips: export then import gives the same quiz', () => {
    const quiz = parseGift(GIFT, { id: 'food-safety', title: 'Food safety bank' });
    const { text, skipped } = toGift(quiz);
    expect(skipped).to.deep.equal([]);
    expect(parseGift(text, { id: 'food-safety', title: 'Food safety bank' })).to.deep.equal(quiz);
  });

  it('names the line and the problem of each mistake', () => {
    const error = importError(() =>
      parseGift(
        `::One::Fine question {=yes ~no}\n\n::Two::No right answer {~a ~b}\n\n::Three::Bad number {#abc}\n\n::Four::Never closed {=a ~b\n`,
      ),
    );
    expect(error.code).to.equal('quiz/import-invalid');
    expect(error.issues).to.deep.equal([
      { path: 'line 3', message: 'a multiple-choice question needs a right answer (= or ~%50%)' },
      { path: 'line 5', message: 'not a number, a number:tolerance or a min..max range: "abc"' },
      { path: 'line 7', message: 'the answer block "{" is never closed with "}"' },
    ]);
    expect(importError(() => parseGift('// only a comment\n')).issues).to.deep.equal([{ path: 'line 1', message: 'no questions found' }]);
  });
});

describe('Aiken import', () => {
  it('reads single-answer questions with A. and A) options', () => {
    const quiz = parseAiken(AIKEN, { id: 'reheating' });
    expect(validateQuiz(quiz)).to.deep.equal([]);
    expect(quiz.questions).to.have.length(2);
    const first = quiz.questions![0] as ChoiceQuestion;
    expect(first.id).to.equal('which-temperature-kills-most-bacteria-when');
    expect(first.choices.map((c) => [c.id, c.text, c.correct ?? false])).to.deep.equal([
      ['a', '50 °C', false],
      ['b', '63 °C', false],
      ['c', '75 °C', true],
      ['d', '100 °C', false],
    ]);
    expect((quiz.questions![1] as ChoiceQuestion).choices.find((c) => c.correct)?.text).to.equal('The shift lead');
  });

  it('round-trips through toAiken', () => {
    const quiz = parseAiken(AIKEN, { id: 'reheating' });
    const { text, skipped } = toAiken(quiz);
    expect(skipped).to.deep.equal([]);
    expect(parseAiken(text, { id: 'reheating' })).to.deep.equal(quiz);
  });

  it('names the line and the problem of each mistake', () => {
    const error = importError(() =>
      parseAiken('Q1?\nA. yes\nB. no\nANSWER: E\n\nQ2?\nA. one\nC. two\nANSWER: A\n\nQ3?\nA. only\nANSWER: A\n\nQ4?\nA. a\nB. b\n'),
    );
    expect(error.issues).to.deep.equal([
      { path: 'line 4', message: 'ANSWER: E is not one of the options (A, B)' },
      { path: 'line 8', message: 'option C is out of order (expected B)' },
      { path: 'line 11', message: 'the question needs at least two options (A. …, B. …), found 1' },
      { path: 'line 15', message: 'the question has no "ANSWER: X" line after its options' },
    ]);
  });

  it('exports only what Aiken can hold', () => {
    const quiz: Quiz = parseGift(GIFT);
    expect(toAiken(quiz).skipped).to.include.members(['rice', 'allergens', 'boards', 'spill']);
  });
});
