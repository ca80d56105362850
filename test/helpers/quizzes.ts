import type { Question, Quiz } from '@lms-kit/core/quiz';

/** One question of every built-in type, about running a bakery kitchen. */
export const everyType = {
  trueFalse: {
    id: 'cool-rice',
    type: 'true-false',
    text: '<p>Cooked rice may cool on the counter overnight.</p>',
    correct: false,
    trueFeedback: 'Bacteria spores survive cooking: cool rice within an hour and refrigerate it.',
    falseFeedback: 'Right: cool it quickly and refrigerate it.',
  },
  single: {
    id: 'fridge-temp',
    type: 'choice',
    text: '<p>What is the highest safe temperature for the walk-in fridge?</p>',
    choices: [
      { id: 'c5', text: '5 °C', correct: true, feedback: 'Yes: 5 °C or below.' },
      { id: 'c8', text: '8 °C', feedback: 'That is the legal maximum in some places, not our standard.' },
      { id: 'c12', text: '12 °C', feedback: 'Far too warm: bacteria multiply quickly.' },
    ],
    feedback: { correct: 'Well done.', incorrect: 'Our fridges must read 5 °C or below.' },
  },
  multiple: {
    id: 'allergens',
    type: 'choice',
    multiple: true,
    partialCredit: true,
    text: '<p>Which of these are among the 14 major allergens? Select all that apply.</p>',
    choices: [
      { id: 'sesame', text: 'Sesame', correct: true },
      { id: 'celery', text: 'Celery', correct: true },
      { id: 'lupin', text: 'Lupin', correct: true },
      { id: 'rice', text: 'Rice' },
    ],
  },
  fillIn: {
    id: 'danger-zone',
    type: 'fill-in',
    text: '<p>The danger zone runs from {{1}} °C to {{2}} °C.</p>',
    blanks: [
      { accept: ['5', 'five'], label: 'Lower limit' },
      { accept: ['63', 'sixty-three'], label: 'Upper limit' },
    ],
    partialCredit: true,
  },
  essay: {
    id: 'spill',
    type: 'long-fill-in',
    text: '<p>A tray of raw chicken has dripped onto the shelf above the cream cakes. Describe what you do.</p>',
    maxLength: 2000,
    graderNotes: 'Expect: discard the cakes, clean and sanitise the shelf, move raw meat to the bottom shelf, tell the shift lead.',
  },
  matching: {
    id: 'boards',
    type: 'matching',
    text: '<p>Match each chopping board colour with what it is used for.</p>',
    sources: [
      { id: 'red', text: 'Red' },
      { id: 'blue', text: 'Blue' },
      { id: 'green', text: 'Green' },
    ],
    targets: [
      { id: 'meat', text: 'Raw meat' },
      { id: 'fish', text: 'Raw fish' },
      { id: 'veg', text: 'Salad and fruit' },
      { id: 'bread', text: 'Bakery and dairy' },
    ],
    pairs: [
      { source: 'red', target: 'meat' },
      { source: 'blue', target: 'fish' },
      { source: 'green', target: 'veg' },
    ],
    partialCredit: true,
  },
  sequencing: {
    id: 'handwash',
    type: 'sequencing',
    text: '<p>Put the handwashing steps in order.</p>',
    items: [
      { id: 'wet', text: 'Wet your hands' },
      { id: 'soap', text: 'Apply soap' },
      { id: 'scrub', text: 'Scrub for 20 seconds' },
      { id: 'rinse', text: 'Rinse' },
      { id: 'dry', text: 'Dry with a paper towel' },
    ],
  },
  numeric: {
    id: 'core-temp',
    type: 'numeric',
    text: '<p>To what core temperature must a reheated quiche reach?</p>',
    unit: '°C',
    answers: [
      { value: 75, tolerance: 0.5 },
      { min: 80, max: 90 },
    ],
  },
  likert: {
    id: 'confidence',
    type: 'likert',
    text: '<p>How confident do you feel about handling allergens?</p>',
    scale: [
      { id: 'not', text: 'Not confident' },
      { id: 'somewhat', text: 'Somewhat confident' },
      { id: 'very', text: 'Very confident' },
    ],
  },
  performance: {
    id: 'probe',
    type: 'performance',
    text: '<p>Calibrate the probe thermometer: write what each step should read.</p>',
    steps: [
      { id: 'ice', text: 'Reading in iced water', numeric: { value: 0, tolerance: 1 } },
      { id: 'boil', text: 'Reading in boiling water', numeric: { min: 99, max: 101 } },
      { id: 'log', text: 'Where you record it', accept: ['probe log', 'log book'] },
    ],
    partialCredit: true,
  },
} satisfies Record<string, Question>;

/** A quiz with one question of every type. */
export function everyTypeQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    schema: 1,
    id: 'kitchen-check',
    title: 'Kitchen check',
    language: 'en',
    questions: Object.values(everyType),
    passingScore: { percent: 70 },
    ...overrides,
  };
}

/** A quiz of `n` single-choice questions whose right answer is always `a`. */
export function choiceQuiz(n: number, overrides: Partial<Quiz> = {}): Quiz {
  return {
    schema: 1,
    id: `choices-${n}`,
    title: `${n} choices`,
    language: 'en',
    questions: Array.from({ length: n }, (_, i) => ({
      id: `q${i + 1}`,
      type: 'choice',
      text: `<p>Question ${i + 1}: which is right?</p>`,
      choices: [
        { id: 'a', text: `Right ${i + 1}`, correct: true },
        { id: 'b', text: `Wrong ${i + 1}` },
        { id: 'c', text: `Also wrong ${i + 1}` },
      ],
    })),
    ...overrides,
  };
}

/** A seeded random source, so draws and shuffles repeat in tests. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
