import { expect } from '@open-wc/testing';
import {
  applyLessonResult,
  createProgress,
  currentStreak,
  dayOf,
  evaluateBadges,
  isLmsError,
  levelFor,
  newAwards,
  parseEngagementConfig,
  totalPoints,
  validateEngagementConfig,
  type CourseFacts,
  type EngagementConfig,
  type PointsAward,
} from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

const t0 = new Date('2026-03-02T10:00:00Z');
const course = ruleCourse();
const facts: CourseFacts = {
  id: course.id,
  tags: ['safety'],
  modules: course.modules.map((m) => ({ id: m.id, lessonIds: m.lessons.filter((l) => !l.optional && !l.remedialFor).map((l) => l.id) })),
  assessmentIds: ['check'],
};
const config: EngagementConfig = {
  points: { quizScore: 50, firstTry: 10, streakDay: 5 },
  levels: [
    { id: 'novice', title: 'Novice', minPoints: 0 },
    { id: 'expert', title: 'Expert', minPoints: 100 },
    { id: 'adept', title: 'Adept', minPoints: 40 },
  ],
  badges: [
    {
      id: 'basics',
      title: 'Basics',
      description: 'Finish the first module',
      rule: { type: 'module-completed', courseId: course.id, moduleId: course.modules[0].id },
    },
    { id: 'ace', title: 'Ace', description: 'Score 90 % on a quiz', rule: { type: 'quiz-score', minScore: 0.9 }, points: 25 },
    { id: 'streak', title: 'Five days', description: 'Learn five days in a row', rule: { type: 'streak', days: 5 } },
  ],
};

describe('engagement: points ledger', () => {
  const learnerId = 'mailto:ada@example.com';
  const progressAt = (score: number) =>
    applyLessonResult(
      applyLessonResult(createProgress(course, learnerId, 'reg', t0), course, 'welcome', { completed: true }, t0),
      course,
      'check',
      { completed: true, passed: true, score: { scaled: score } },
      t0,
    );

  it('awards completed lessons, the quiz bonus and a first try once, and nothing again on a second run', () => {
    const progress = progressAt(0.8);
    const first = newAwards(config, {
      learnerId,
      progresses: [progress],
      outcomes: [{ courseId: course.id, lessonId: 'check', passed: true, at: t0.toISOString() }],
      ledger: [],
      now: t0,
    });
    const byReason = Object.fromEntries(first.map((a) => [`${a.reason}:${a.source}`, a.points]));
    expect(byReason[`quiz-score:${course.id}/check`]).to.equal(40);
    expect(byReason[`first-try:${course.id}/check`]).to.equal(10);
    expect(byReason[`lesson-completed:${course.id}/welcome`]).to.equal(10);
    expect(new Set(first.map((a) => a.id)).size, 'ids are unique').to.equal(first.length);
    const again = newAwards(config, { learnerId, progresses: [progress], ledger: first, now: t0 });
    expect(again).to.deep.equal([]);
  });

  it('a better score later earns only the difference, and the total equals the new score', () => {
    const ledger: PointsAward[] = newAwards(config, { learnerId, progresses: [progressAt(0.6)], ledger: [], now: t0 });
    const before = totalPoints(ledger.filter((a) => a.reason === 'quiz-score'));
    expect(before).to.equal(30);
    const topUp = newAwards(config, { learnerId, progresses: [progressAt(0.9)], ledger, now: t0 });
    const quiz = topUp.filter((a) => a.reason === 'quiz-score');
    expect(quiz.map((a) => a.points)).to.deep.equal([15]);
    expect(totalPoints([...ledger, ...topUp].filter((a) => a.reason === 'quiz-score'))).to.equal(45);
    // A duplicate write of the same award (two tabs) is counted once.
    expect(totalPoints([...ledger, ...topUp, ...topUp])).to.equal(totalPoints([...ledger, ...topUp]));
  });

  it('a first attempt that failed earns no first-try points, even if a later one passed', () => {
    const awards = newAwards(config, {
      learnerId,
      progresses: [],
      outcomes: [
        { courseId: course.id, lessonId: 'check', passed: true, at: '2026-03-03T00:00:00Z' },
        { courseId: course.id, lessonId: 'check', passed: false, at: '2026-03-02T00:00:00Z' },
      ],
      ledger: [],
      now: t0,
    });
    expect(awards.filter((a) => a.reason === 'first-try')).to.deep.equal([]);
  });

  it('streak points from the second consecutive day on, once per day', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06'];
    const awards = newAwards(config, { learnerId, progresses: [], activeDays: days, ledger: [], now: t0 });
    expect(awards.map((a) => a.source)).to.deep.equal(['2026-03-02', '2026-03-03', '2026-03-06']);
  });
});

describe('engagement: levels, streaks and badges', () => {
  it('finds the level and the points to the next one, whatever order levels are declared in', () => {
    expect(levelFor(config.levels!, 55)).to.deep.include({ toNext: 45 });
    expect(levelFor(config.levels!, 55).current?.id).to.equal('adept');
    expect(levelFor(config.levels!, 150).next).to.equal(undefined);
  });

  it('counts a streak in the learner time zone and keeps it alive until a whole day passes', () => {
    // 23:30 UTC on the 1st is already the 2nd in Tokyo.
    expect(dayOf('2026-03-01T23:30:00Z', 'Asia/Tokyo')).to.equal('2026-03-02');
    expect(dayOf('2026-03-01T23:30:00Z', 'America/New_York')).to.equal('2026-03-01');
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(currentStreak(days, '2026-03-03').days).to.equal(3);
    expect(currentStreak(days, '2026-03-04').days, 'not learnt yet today').to.equal(3);
    expect(currentStreak(days, '2026-03-05').days, 'a whole day missed').to.equal(0);
  });

  it('evaluates each rule with how far along the learner is, and keeps an earned badge earned', () => {
    const progress = applyLessonResult(
      createProgress(course, 'l', 'reg', t0),
      course,
      'check',
      { completed: true, passed: true, score: { scaled: 0.72 } },
      t0,
    );
    const states = evaluateBadges(config.badges!, {
      progresses: [progress],
      courses: [facts],
      points: 10,
      activeDays: ['2026-03-01', '2026-03-02'],
      today: '2026-03-02',
    });
    const state = Object.fromEntries(states.map((s) => [s.badge.id, s]));
    expect(state.ace).to.deep.include({ earned: false, current: 72, required: 90 });
    expect(state.streak).to.deep.include({ earned: false, current: 2, required: 5 });
    expect(state.basics.earned).to.equal(false);
    const kept = evaluateBadges(config.badges!, { progresses: [], courses: [facts], points: 0, earned: new Set(['ace']) });
    expect(kept.find((s) => s.badge.id === 'ace')).to.deep.include({ earned: true, current: 90 });
  });
});

describe('engagement: config validation', () => {
  it('accepts a valid config and reports every problem of a bad one at its path', () => {
    expect(validateEngagementConfig(config)).to.deep.equal([]);
    const issues = validateEngagementConfig({
      points: { quizScore: -1 },
      levels: [
        { id: 'a', title: 'A', minPoints: 0 },
        { id: 'a', title: 'B' },
      ],
      badges: [
        { id: 'x', title: 'X', description: 'd', image: 'javascript:alert(1)', rule: { type: 'streak' } },
        { id: 'y', title: 'Y', description: 'd', rule: { type: 'karma' } },
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).to.include.members([
      'points.quizScore',
      'levels[1].id',
      'levels[1].minPoints',
      'badges[0].image',
      'badges[0].rule.days',
      'badges[1].rule.type',
    ]);
    try {
      parseEngagementConfig({ badges: 'none' });
      expect.fail('accepted a bad config');
    } catch (error) {
      expect(isLmsError(error, 'engagement/invalid-config')).to.equal(true);
    }
  });
});
