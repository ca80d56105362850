import { expect, waitUntil } from '@open-wc/testing';
import { createElement as h, StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useCourseSession, useQuizSession } from '@lms-kit/react/hooks';
import { courseWithQuiz, outboxVerbs, services } from '../../runtime/test/helpers.js';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import type { Course } from '@lms-kit/core';
import type { SessionServices } from '@lms-kit/runtime';

/** A course UI of the host's own: a lesson list, the lesson shown, Done and Next. No custom element. */
function CourseUi(props: { services: SessionServices; course: Course; onComplete: (detail: unknown) => void }) {
  const { session, state, error } = useCourseSession({ services: props.services, course: props.course });
  useEffect(() => session.on('lms-course-complete', props.onComplete), [session, props.onComplete]);
  if (error) return h('p', { role: 'alert' }, error.code);
  const view = state.state;
  if (!view) return h('p', null, 'Loading…');
  return h(
    'div',
    null,
    h('h2', null, state.course?.title),
    h('p', { id: 'percent' }, `${view.percent}%`),
    h(
      'ul',
      null,
      view.order.map((id) =>
        h('li', { key: id, 'data-lesson': id, 'data-status': view.lessons[id].status, 'aria-current': id === state.currentLessonId }, id),
      ),
    ),
    h('button', { id: 'done', onClick: () => session.report({ result: { completed: true } }) }, 'Done'),
    h('button', { id: 'next', disabled: !session.step(1), onClick: () => session.step(1, true) }, 'Next'),
  );
}

function QuizUi(props: { services: SessionServices }) {
  const quiz = useQuizSession({ services: props.services, quiz: standaloneQuiz });
  const { current, inProgress, attempts } = quiz.state;
  return h(
    'div',
    null,
    h('p', { id: 'attempts' }, String(attempts.length)),
    inProgress
      ? h(
          'form',
          {
            onSubmit: (event: Event) => {
              event.preventDefault();
              void quiz.session.submit();
            },
          },
          ['q1', 'q2'].map((id) =>
            h('button', { key: id, type: 'button', id: `answer-${id}`, onClick: () => quiz.session.answer(id, ['a']) }, id),
          ),
          h('button', { type: 'submit', id: 'submit' }, 'Submit'),
        )
      : h('button', { id: 'start', onClick: () => void quiz.session.start() }, 'Start'),
    current?.data.result
      ? h('p', { id: 'result' }, `${current.data.result.raw}/${current.data.result.max} ${current.data.result.passed}`)
      : null,
  );
}

const standaloneQuiz = choiceQuiz(2, { id: 'react-quiz', title: 'React quiz', passingScore: { percent: 100 } });

let container: HTMLElement;
let root: Root;

function mount(element: ReturnType<typeof h>): void {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(h(StrictMode, null, element));
}

function unmount(): void {
  root.unmount();
  container.remove();
}

const $ = (selector: string) => container.querySelector(selector) as HTMLElement;
const status = (id: string) => $(`[data-lesson="${id}"]`)?.dataset.status;
const current = () => container.querySelector('[aria-current="true"]')?.textContent;

describe('@lms-kit/react hooks over the headless sessions', () => {
  afterEach(() => localStorage.removeItem('lms-kit:write-journal'));

  it('useCourseSession: a custom React course UI takes a course end to end and resumes after a remount', async () => {
    expect(customElements.get('lms-course-player'), 'no custom element is defined').to.equal(undefined);
    const given = services();
    const course = courseWithQuiz();
    const completions: unknown[] = [];
    const onComplete = (detail: unknown) => void completions.push(detail);
    mount(h(CourseUi, { services: given, course, onComplete }));

    await waitUntil(() => current() === 'intro', 'the course did not start on its first lesson', { timeout: 5000 });
    expect(status('check')).to.equal('locked');
    $('#done').click();
    await waitUntil(() => status('intro') === 'completed', 'Done did not complete the lesson');
    await waitUntil(() => !($('#next') as HTMLButtonElement).disabled);
    $('#next').click();
    await waitUntil(() => current() === 'reading', 'Next did not open the next lesson');
    $('#done').click();
    await waitUntil(() => status('check') !== 'locked', 'the quiz lesson did not unlock');
    expect($('#percent').textContent).to.not.equal('0%');
    unmount();

    // A new mount (a reload of the host's page) resumes from storage where the learner left off.
    mount(h(CourseUi, { services: given, course, onComplete }));
    await waitUntil(() => current() === 'reading', 'the course did not resume on the last lesson', { timeout: 5000 });
    expect(status('intro')).to.equal('completed');
    expect(status('reading')).to.equal('completed');
    expect(await outboxVerbs(given.storage)).to.include.members(['launched', 'completed']);
    expect(completions).to.have.length(0);
    unmount();
  });

  it('useQuizSession: a custom React quiz UI starts, answers, submits and shows the result', async () => {
    const given = services();
    mount(h(QuizUi, { services: given }));
    await waitUntil(() => $('#start'), 'the quiz did not open', { timeout: 5000 });
    $('#start').click();
    await waitUntil(() => $('#submit'), 'no attempt started');
    $('#answer-q1').click();
    $('#answer-q2').click();
    $('#submit').click();
    await waitUntil(() => $('#result'), 'no result shown');
    expect($('#result').textContent).to.equal('2/2 true');
    expect($('#attempts').textContent).to.equal('1');
    const verbs = await outboxVerbs(given.storage);
    expect(verbs).to.include.members(['answered', 'passed']);
    unmount();
  });
});
