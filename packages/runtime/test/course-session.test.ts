import { expect } from '@open-wc/testing';
import type { QuizLesson } from '@lms-kit/core/quiz';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import { CourseSession, QuizSession, quizLessonContext, quizLessonResult, type CourseSessionEvents } from '@lms-kit/runtime';
import type { LessonResult } from '@lms-kit/core';
import { courseWithQuiz, manualClock, outboxVerbs, services } from './helpers.js';

/** Records every event of a session, by type. */
function record<E extends object>(
  session: { on<K extends keyof E>(type: K, listener: (detail: E[K]) => void): () => void },
  types: Array<keyof E>,
) {
  const seen: Array<{ type: keyof E; detail: unknown }> = [];
  for (const type of types) session.on(type, (detail) => void seen.push({ type, detail }));
  return seen;
}

const courseEvents: Array<keyof CourseSessionEvents> = ['lms-lesson-complete', 'lms-progress-change', 'lms-course-complete', 'lms-error'];

describe('CourseSession (no element)', () => {
  afterEach(() => localStorage.removeItem('lms-kit:write-journal'));

  it('takes a course end to end: locks, lesson results, a quiz lesson, completion, statements, time and resume', async () => {
    expect(customElements.get('lms-course-player'), 'no custom element is defined in this test').to.equal(undefined);
    const course = courseWithQuiz();
    const given = services();
    const clock = manualClock();
    const session = new CourseSession({ services: given, clock: clock.now, isVisible: () => true });
    const events = record<CourseSessionEvents>(session, courseEvents);
    let notified = 0;
    session.subscribe(() => notified++);

    await session.start({ course });
    const started = session.getState();
    expect(started.currentLessonId).to.equal('intro');
    expect(started.state?.lessons.check.lockReasons).to.not.be.empty;
    expect(session.getState(), 'the same snapshot until something changes').to.equal(started);
    expect(notified).to.be.greaterThan(0);

    // A locked lesson does not open; Next leads to the nearest open lesson.
    expect(await session.open('check')).to.equal(false);
    expect(session.step(1)).to.equal(true);

    // A minute in the first lesson, and where the learner scrolled to.
    clock.advance(60_000);
    session.report({ position: { scroll: 0.5 } });
    session.report({ result: { completed: true } });
    expect(await session.open('reading')).to.equal(true);
    expect(session.getState()).to.not.equal(started);
    expect(session.progress?.lessons.intro.timeSpentMs).to.equal(60_000);
    expect(session.progress?.lessons.intro.status).to.equal('completed');
    expect((await given.storage.getLessonState({ learnerId: given.learner.id, courseId: course.id, lessonId: 'intro' }))?.scroll).to.equal(
      0.5,
    );

    session.report({ result: { completed: true } });
    expect(await session.open('check')).to.equal(true);

    // The quiz lesson: a quiz session whose attempts make the lesson's result.
    const lesson = course.modules[0].lessons[2] as QuizLesson;
    const quiz = new QuizSession({ services: given, clock: clock.now });
    const results: LessonResult[] = [];
    quiz.on('lms-attempt-complete', ({ result }) => {
      const lessonResult = quizLessonResult(result);
      if (lessonResult) {
        results.push(lessonResult);
        session.report({ result: lessonResult });
      }
    });
    await quiz.open(lesson.quiz!, quizLessonContext(course, lesson, session.progress?.registration));
    await quiz.start();
    quiz.answer('q1', ['a']);
    quiz.answer('q2', ['b']);
    expect(await quiz.submit()).to.equal(true);
    expect(quiz.getState().current?.data.result?.passed).to.equal(false);
    await quiz.start();
    quiz.answer('q1', ['a']);
    quiz.answer('q2', ['a']);
    expect(await quiz.submit()).to.equal(true);
    expect(results.map((r) => r.completed)).to.deep.equal([false, true]);
    await session.settled();

    const done = session.getState();
    expect(done.state?.completed).to.equal(true);
    expect(done.state?.points).to.equal(40);
    const completedLessons = events.filter((e) => e.type === 'lms-lesson-complete').map((e) => (e.detail as { lessonId: string }).lessonId);
    expect(completedLessons).to.deep.equal(['intro', 'reading', 'check']);
    expect(events.filter((e) => e.type === 'lms-course-complete')).to.have.length(1);
    expect(events.filter((e) => e.type === 'lms-error')).to.have.length(0);
    const verbs = await outboxVerbs(given.storage);
    for (const verb of ['launched', 'initialized', 'completed', 'attempted', 'answered', 'failed', 'passed', 'progressed'])
      expect(verbs, verb).to.include(verb);

    // Disposed: no more notifications. A new session (another page) resumes in the last lesson.
    session.dispose();
    quiz.dispose();
    const before = notified;
    const again = new CourseSession({ services: given });
    await again.start({ course });
    expect(notified).to.equal(before);
    expect(again.getState().currentLessonId).to.equal('check');
    expect(again.getState().state?.completed).to.equal(true);
    const quizAgain = new QuizSession({ services: given });
    await quizAgain.open(lesson.quiz!, quizLessonContext(course, lesson, again.progress?.registration));
    expect(quizAgain.getState().attempts).to.have.length(2);
    expect(quizAgain.getState().left).to.equal(1);
    again.dispose();
    quizAgain.dispose();
  });

  it('keeps a write storage refused and saves it with the next one, telling listeners once per failure', async () => {
    class FlakyAdapter extends MemoryAdapter {
      failures = 0;
      override async updateProgress(...args: Parameters<MemoryAdapter['updateProgress']>) {
        if (this.failures > 0) {
          this.failures--;
          throw new DOMException('The quota was exceeded.', 'QuotaExceededError');
        }
        return super.updateProgress(...args);
      }
    }
    const adapter = new FlakyAdapter();
    const given = services(observeStorage(adapter));
    const course = courseWithQuiz();
    // Not visible: no time is counted, so the lesson's result is the only write.
    const session = new CourseSession({ services: given, isVisible: () => false });
    const events = record<CourseSessionEvents>(session, courseEvents);
    await session.start({ course });

    adapter.failures = 1;
    session.report({ result: { completed: true } });
    await session.settled();
    expect(session.getState().saveError?.code).to.match(/^storage\//);
    expect(events.filter((e) => e.type === 'lms-error')).to.have.length(1);
    expect(session.getState().state?.lessons.intro.status, 'shown as done while it waits to be saved').to.equal('completed');
    expect((await given.storage.getProgress({ learnerId: given.learner.id, courseId: course.id }))?.lessons.intro?.status).to.not.equal(
      'completed',
    );

    expect(await session.open('reading')).to.equal(true);
    session.report({ result: { completed: true } });
    await session.settled();
    const stored = await given.storage.getProgress({ learnerId: given.learner.id, courseId: course.id });
    expect(stored?.lessons.intro.status, 'the refused write was replayed').to.equal('completed');
    expect(stored?.lessons.reading.status).to.equal('completed');
    session.dismissError();
    expect(session.getState().saveError).to.equal(undefined);
    session.dispose();
  });

  it('sends statements to the sink it is given instead of the outbox', async () => {
    const given = services();
    const sent: string[] = [];
    const session = new CourseSession({
      services: given,
      statements: async (statements) => void sent.push(...statements.map((s) => s.verb.id.split('/').pop() as string)),
    });
    await session.start({ course: courseWithQuiz() });
    expect(sent).to.include('launched');
    expect(await given.storage.countOutbox()).to.equal(0);
    session.dispose();
  });
});
