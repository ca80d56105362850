import { expect, waitUntil } from '@open-wc/testing';
import { observeStorage } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { CourseSession, EngagementSession, POINTS_COLLECTION, type EngagementEvents } from '@lms-kit/runtime';
import type { EngagementConfig } from '@lms-kit/core';
import { courseWithQuiz, learner, manualClock } from './helpers.js';

const course = courseWithQuiz();
const config: EngagementConfig = {
  points: { firstTry: 5 },
  levels: [
    { id: 'starter', title: 'Starter', minPoints: 0 },
    { id: 'reader', title: 'Reader', minPoints: 20 },
  ],
  badges: [
    {
      id: 'basics',
      title: 'Basics',
      description: 'Finish the Basics module',
      rule: { type: 'module-completed', courseId: course.id, moduleId: 'basics' },
      points: 10,
    },
    { id: 'bookworm', title: 'Bookworm', description: 'Earn 15 points', rule: { type: 'points', min: 15 } },
  ],
};
const courses = [{ id: course.id, modules: [{ id: 'basics', lessonIds: ['intro', 'reading', 'check'] }], assessmentIds: ['check'] }];

/** Two "tabs": two adapters over one IndexedDB database, each with its own engagement session. */
function tabs(databaseName: string, clock: ReturnType<typeof manualClock>) {
  return [0, 1].map(() => {
    const storage = observeStorage(new DexieAdapter({ databaseName }));
    const session = new EngagementSession(config, { services: { storage, learner }, courses, clock: clock.now });
    const events: Array<{ type: keyof EngagementEvents; id: string }> = [];
    session.on('lms-points-award', ({ award }) => void events.push({ type: 'lms-points-award', id: award.id }));
    session.on('lms-badge-earned', ({ badge }) => void events.push({ type: 'lms-badge-earned', id: badge.id }));
    return { storage, session, events };
  });
}

describe('EngagementSession', () => {
  it('awards lesson points, levels and badges as a course is taken, once across two tabs', async () => {
    const clock = manualClock();
    const [a, b] = tabs(`engagement-${Date.now()}`, clock);
    await Promise.all([a.session.start(), b.session.start()]);
    expect(a.session.getState()).to.deep.include({ status: 'ready', points: 0 });

    const player = new CourseSession({ services: { storage: a.storage, learner }, clock: clock.now, isVisible: () => true });
    await player.start({ course });
    player.report({ result: { completed: true } });
    await player.open('reading');
    await waitUntil(
      () => a.session.getState().points === 10 && b.session.getState().points === 10,
      'the first lesson earned no points in both tabs',
    );
    expect(a.session.getState().level.current?.id).to.equal('starter');
    const bookworm = () => a.session.getState().badges.find((s) => s.badge.id === 'bookworm');
    expect(bookworm()).to.deep.include({ earned: false, current: 10, required: 15 });

    player.report({ result: { completed: true } });
    await waitUntil(() => a.session.getState().points === 20, 'the second lesson earned no points');
    expect(a.session.getState().level.current?.id, 'a new level at 20 points').to.equal('reader');
    expect(bookworm()?.earned).to.equal(true);

    // The quiz passed completes the module: its lesson points and the badge's (first-try points come from quiz attempts, not reported here).
    await player.open('check');
    player.report({ result: { completed: true, passed: true, score: { scaled: 1 } } });
    await waitUntil(() => a.session.getState().points === 50 && b.session.getState().points === 50, 'the module badge was not paid', {
      timeout: 10000,
    });

    const ledger = await a.storage.listRecords(POINTS_COLLECTION, { learnerId: learner.id });
    expect(ledger.map((r) => r.id).sort()).to.deep.equal(
      [
        `${learner.id}|badge|basics`,
        `${learner.id}|lesson-completed|${course.id}/check`,
        `${learner.id}|lesson-completed|${course.id}/intro`,
        `${learner.id}|lesson-completed|${course.id}/reading`,
      ].sort(),
    );
    // Every award and badge was announced once, by one tab or the other, never by both.
    const announced = [...a.events, ...b.events];
    expect(
      announced
        .filter((e) => e.type === 'lms-points-award')
        .map((e) => e.id)
        .sort(),
    ).to.deep.equal(ledger.map((r) => r.id).sort());
    expect(
      announced
        .filter((e) => e.type === 'lms-badge-earned')
        .map((e) => e.id)
        .sort(),
    ).to.deep.equal(['basics', 'bookworm']);
    for (const tab of [a, b]) tab.session.dispose();
    player.dispose();
  });
});
