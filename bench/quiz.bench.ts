import { answerQuestion, scoreAttempt, startAttempt, submitAttempt } from '@lms-kit/core/quiz';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import '@lms-kit/elements/define/lms-quiz';
import type { LmsQuiz } from '@lms-kit/elements/define/lms-quiz';
import { choiceQuiz, everyType } from '../test/helpers/quizzes.js';
import { medianMs, type BenchResult } from './support.js';

/** 200 questions: 180 single-choice and two of each other scored type, banks not involved. */
function bigQuiz() {
  const base = choiceQuiz(180, { id: 'bench-200', shuffleQuestions: true, shuffleChoices: true, passingScore: { percent: 80 } });
  const extra = Object.values(everyType).flatMap((question) => [1, 2].map((n) => ({ ...question, id: `${question.id}-${n}` })));
  return { ...base, questions: [...base.questions!, ...extra.slice(0, 20)] };
}

/** How a 200-question quiz renders and scores; the element's own size is read from dist/ by scripts/bench.mjs. */
export default async function (): Promise<BenchResult[]> {
  const quiz = bigQuiz();
  const now = new Date();
  let data = startAttempt(quiz, { number: 1, now });
  for (const id of data.questionIds) data = answerQuestion(data, id, id.startsWith('q') ? ['a'] : undefined, now);
  const scoring = await medianMs(
    () => scoreAttempt(quiz, submitAttempt(quiz, data, now.toISOString(), now), now.toISOString(), now),
    50,
    5,
  );

  const render = await medianMs(
    async () => {
      const provider = document.createElement('lms-provider');
      provider.setAttribute('learner-email', 'bench@example.com');
      (provider as unknown as { storage: MemoryAdapter }).storage = new MemoryAdapter();
      const element = document.createElement('lms-quiz') as LmsQuiz;
      element.quiz = quiz;
      provider.append(element);
      document.body.append(provider);
      await element.ready;
      await element.start();
      await element.updateComplete;
      if (element.shadowRoot?.querySelectorAll('fieldset.question').length !== 200) throw new Error('not all questions rendered');
      provider.remove();
    },
    9,
    2,
  );

  return [
    { name: 'quiz: score and submit an attempt of 200 questions', value: scoring, unit: 'ms', note: 'median of 50' },
    { name: 'quiz: load, start and render 200 questions', value: render, unit: 'ms', note: 'median of 9, memory storage' },
  ];
}
