import { expect } from '@open-wc/testing';
import {
  applyCourseResult,
  applyLessonResult,
  certificateEligibility,
  computeCourseState,
  createProgress,
  openLesson,
  scaledPoints,
  type Course,
  type CourseProgress,
} from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

const t0 = new Date('2026-01-01T10:00:00Z');

function progressAfter(course: Course, steps: Array<[string, Parameters<typeof applyLessonResult>[3]]>): CourseProgress {
  return steps.reduce((p, [id, result]) => applyLessonResult(p, course, id, result, t0), createProgress(course, 'learner', 'reg', t0));
}

describe('progress engine', () => {
  const course = ruleCourse();

  it('starts with only unblocked lessons available, each lock with its reasons', () => {
    const state = computeCourseState(course);
    expect(state.lessons.welcome.status).to.equal('available');
    expect(state.lessons['read-more'].lockReasons).to.deep.equal([{ type: 'prerequisites', missing: ['welcome'] }]);
    expect(state.lessons.check.lockReasons).to.deep.equal([{ type: 'prerequisites', missing: ['basics'] }]);
    expect(state.lessons.review.lockReasons).to.deep.equal([
      { type: 'prerequisites', missing: ['basics'] },
      { type: 'remedial', assessmentId: 'check' },
    ]);
    expect(state.lessons.bonus.lockReasons).to.deep.include({ type: 'points', required: 40, current: 0 });
    expect(state.percent).to.equal(0);
    expect(state.nextLessonId).to.equal('welcome');
  });

  it('opens a module once the required lessons of its prerequisite module are completed (optional ones are not needed)', () => {
    const state = computeCourseState(
      course,
      progressAfter(course, [
        ['welcome', { completed: true }],
        ['read-more', { completed: true }],
      ]),
    );
    expect(state.lessons.check.status).to.equal('available');
    expect(state.lessons.extra.status).to.equal('available');
    expect(state.modules[0]).to.deep.include({ status: 'completed', completed: 2, total: 2, percent: 100 });
    expect(state.points).to.equal(20);
  });

  it('unlocks by points and opens the remedial branch only when the assessment failed', () => {
    const base: Array<[string, { completed?: boolean; passed?: boolean }]> = [
      ['welcome', { completed: true }],
      ['read-more', { completed: true }],
    ];
    const failed = computeCourseState(course, progressAfter(course, [...base, ['check', { completed: true, passed: false }]]));
    expect(failed.lessons.review.status).to.equal('available');
    expect(failed.lessons.bonus.lockReasons).to.deep.equal([{ type: 'points', required: 40, current: 20 }]);
    expect(failed.points, 'a failed assessment earns no points').to.equal(20);

    const passed = computeCourseState(course, progressAfter(course, [...base, ['check', { completed: true, passed: true }]]));
    expect(passed.lessons.review.status).to.equal('locked');
    expect(passed.lessons.review.lockReasons).to.deep.equal([{ type: 'remedial', assessmentId: 'check' }]);
    expect(passed.lessons.bonus.status).to.equal('available');
    expect(passed.points).to.equal(40);
  });

  it('keeps success once passed, the best score, and completion once reached', () => {
    let p = progressAfter(course, [['check', { completed: true, passed: true, score: { scaled: 0.9 } }]]);
    p = applyLessonResult(p, course, 'check', { completed: false, passed: false, score: { scaled: 0.4 } }, t0);
    expect(p.lessons.check).to.deep.include({ status: 'completed', passed: true, score: { scaled: 0.9 } });
  });

  it('completes the course when every required lesson is, ignoring optional and remedial ones', () => {
    const p = progressAfter(course, [
      ['welcome', { completed: true }],
      ['read-more', { completed: true }],
      ['check', { completed: true, passed: true }],
      ['bonus', { completed: true }],
    ]);
    const state = computeCourseState(course, p);
    expect(state.completed).to.equal(true);
    expect(state.percent).to.equal(100);
    expect(p.completedAt).to.equal(t0.toISOString());
  });

  it('honours a completion rule with named lessons and minimum points', () => {
    const strict = ruleCourse({ completion: { lessons: ['welcome'], minPoints: 20 } });
    expect(computeCourseState(strict, progressAfter(strict, [['welcome', { completed: true }]])).completed).to.equal(false);
    expect(computeCourseState(strict, progressAfter(strict, [['welcome', { completed: true }]])).percent).to.equal(99);
    const done = progressAfter(strict, [
      ['welcome', { completed: true }],
      ['read-more', { completed: true }],
    ]);
    expect(computeCourseState(strict, done).completed).to.equal(true);
  });

  it('locks lessons in order for sequential courses', () => {
    const sequential = ruleCourse({ sequential: true });
    const state = computeCourseState(sequential, progressAfter(sequential, [['welcome', { completed: true }]]));
    expect(state.lessons['read-more'].status).to.equal('available');
    expect(state.lessons.extra.status, 'optional lessons do not wait').to.equal('available');
    const withReadMore = computeCourseState(
      sequential,
      progressAfter(sequential, [
        ['welcome', { completed: true }],
        ['read-more', { completed: true }],
      ]),
    );
    expect(withReadMore.lessons.bonus.lockReasons).to.deep.include({ type: 'sequence', previousId: 'check' });
  });

  it('keeps a started lesson open even if a rule would lock it now', () => {
    let p = createProgress(course, 'learner', 'reg', t0);
    p = openLesson(p, 'bonus', t0);
    expect(computeCourseState(course, p).lessons.bonus.status).to.equal('in-progress');
    expect(p.lastLessonId).to.equal('bonus');
  });
});

describe("lessons held by the content's sequencing (availability input)", () => {
  const course = ruleCourse();
  const hold = { type: 'sequencing', hold: 'flow' } as const;

  it('locks a lesson not started, keeps the status of one started, and never proposes either as next', () => {
    let p = progressAfter(course, [['welcome', { completed: true }]]);
    p = openLesson(p, 'read-more', t0);
    const state = computeCourseState(course, p, { welcome: hold, 'read-more': hold, extra: hold });
    expect(state.lessons.extra).to.deep.include({ status: 'locked', lockReasons: [hold] });
    expect(state.lessons.welcome).to.deep.include({ status: 'completed', lockReasons: [hold] });
    expect(state.lessons['read-more']).to.deep.include({ status: 'in-progress', lockReasons: [hold] });
    expect(state.nextLessonId).to.not.be.oneOf(['welcome', 'read-more', 'extra']);
    expect(computeCourseState(course, p).lessons['read-more'].lockReasons, 'no input, no hold').to.deep.equal([]);
  });

  it("adds the hold to the course's own lock reasons", () => {
    const state = computeCourseState(course, undefined, { check: { type: 'sequencing', hold: 'rules' } });
    expect(state.lessons.check.lockReasons).to.deep.equal([
      { type: 'prerequisites', missing: ['basics'] },
      { type: 'sequencing', hold: 'rules' },
    ]);
  });
});

describe('a course result rolled up by the content', () => {
  const course = ruleCourse();

  it('decides completion and success instead of the lessons, moving only forward', () => {
    // The content says "not yet" from the start (as SCORM sequencing does), then every lesson is completed.
    let p = applyCourseResult(createProgress(course, 'learner', 'reg', t0), course, { completed: false }, t0);
    for (const [id, result] of [
      ['welcome', { completed: true }],
      ['read-more', { completed: true }],
      ['check', { completed: true, passed: true }],
      ['bonus', { completed: true }],
    ] as const)
      p = applyLessonResult(p, course, id, result, t0);
    expect(computeCourseState(course, p).completed, 'the content says not yet').to.equal(false);
    p = applyCourseResult(p, course, { completed: true, passed: false, score: { scaled: 0.4 } }, t0);
    expect(computeCourseState(course, p)).to.deep.include({ completed: true, percent: 100 });
    expect(p.result).to.deep.include({ completed: true, passed: false });
    expect(p.completedAt).to.equal(t0.toISOString());
    p = applyCourseResult(p, course, { completed: false, passed: true, score: { scaled: 0.9 } }, t0);
    expect(p.result).to.deep.equal({ completed: true, passed: true, score: { scaled: 0.9 } });
    expect(applyCourseResult(p, course, { completed: true, passed: true }, t0), 'nothing new, same record').to.equal(p);
  });

  it('keeps a course completed before the content rolled up anything completed', () => {
    const done = progressAfter(course, [
      ['welcome', { completed: true }],
      ['read-more', { completed: true }],
      ['check', { completed: true, passed: true }],
      ['bonus', { completed: true }],
    ]);
    expect(done.completedAt).to.be.a('string');
    const after = applyCourseResult(done, course, { completed: false }, t0);
    expect(computeCourseState(course, after).completed).to.equal(true);
  });

  it('is what certificates read for success and score', () => {
    const certified = { ...ruleCourse(), certificate: { issuer: { name: 'Bakery' }, issueWhen: 'passed' as const, minScore: 70 } };
    const start = createProgress(certified, 'learner', 'reg', t0);
    const failed = applyCourseResult(start, certified, { completed: true, passed: false, score: { scaled: 0.9 } }, t0);
    expect(certificateEligibility(certified, failed)).to.deep.include({ eligible: false, reason: 'not-passed', score: 90 });
    const passed = applyCourseResult(failed, certified, { completed: true, passed: true }, t0);
    expect(certificateEligibility(certified, passed)).to.deep.include({ eligible: true, passed: true, score: 90 });
  });
});

describe('points of scored lessons', () => {
  const course = ruleCourse();
  const t = new Date('2026-11-01T09:00:00Z');

  it('earns the points in proportion to the best score, once passed', () => {
    let p = createProgress(course, 'l', 'r', t);
    p = applyLessonResult(p, course, 'check', { completed: false, passed: false, score: { scaled: 0.5 } }, t);
    expect(p.lessons.check.points).to.equal(0);
    p = applyLessonResult(p, course, 'check', { completed: true, passed: true, score: { scaled: 0.85 } }, t);
    expect(p.lessons.check.points, '20 points at 85%').to.equal(17);
    p = applyLessonResult(p, course, 'check', { completed: true, passed: true, score: { raw: 19, min: 0, max: 20 } }, t);
    expect(p.lessons.check.points, 'a better attempt raises them').to.equal(19);
    p = applyLessonResult(p, course, 'check', { completed: true, passed: true, score: { scaled: 0.8 } }, t);
    expect(p.lessons.check.points, 'a worse one does not lower them').to.equal(19);
    expect(scaledPoints(10, undefined), 'no score: all the points').to.equal(10);
  });
});
