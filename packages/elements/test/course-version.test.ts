import { expect, waitUntil } from '@open-wc/testing';
import { computeCourseState, type Course, type CourseProgress } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import type { LmsCoursePlayer } from '@lms-kit/elements';
import { textCourse } from '../../../test/helpers/courses.js';
import { LEARNER, outlineButton, renderPlayer, uniqueName, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';

/** Version 2 of the course: lesson 2 removed, lesson 5 added, the others as they were. */
function version(v: string, ids: string[]): Course {
  const course = textCourse('versioned', 5);
  course.version = v;
  course.modules[0].lessons = course.modules[0].lessons.filter((l) => ids.includes(l.id));
  return course;
}

const storedProgress = (storage: DexieAdapter) => storage.getProgress({ learnerId: LEARNER, courseId: 'versioned' });

async function play(storage: DexieAdapter, course: Course): Promise<LmsCoursePlayer> {
  const { player } = await renderPlayer(course, storage);
  let version: string | undefined;
  await waitUntil(
    async () => (version = (await storedProgress(storage))?.courseVersion) === course.version,
    `stored progress on version ${course.version}, not ${version}`,
    { timeout: 15000 },
  );
  return player;
}

describe('a new version of a course, mid-course', function () {
  this.timeout(60_000);
  it('keeps the lessons that remain, adds new ones not started, stops counting removed ones, and records the version', async () => {
    const storage = new DexieAdapter({ databaseName: uniqueName('versions') });
    const v1 = version('1.0', ['l1', 'l2', 'l3', 'l4']);
    const first = await play(storage, v1);
    await waitForStatus(first, 'l1', 'completed');
    outlineButton(first, 'l2').click();
    await waitForStatus(first, 'l2', 'completed');
    expect((await storedProgress(storage))?.courseVersion).to.equal('1.0');
    first.closest('lms-provider')?.remove();

    // The author removes lesson 2 (where the learner was) and adds lesson 5.
    const v2 = version('2.0', ['l1', 'l3', 'l4', 'l5']);
    const second = await play(storage, v2);
    const stored = (await storage.getProgress({ learnerId: LEARNER, courseId: 'versioned' })) as CourseProgress;
    expect(stored.courseVersion).to.equal('2.0');
    expect(stored.versionHistory?.map((h) => [h.from, h.to])).to.deep.equal([['1.0', '2.0']]);
    expect(stored.lessons.l1.status).to.equal('completed');
    expect(stored.retiredLessons?.l2?.status, 'the removed lesson is kept aside').to.equal('completed');
    expect(stored.lessons.l2).to.equal(undefined);
    // The learner was in lesson 2, which is gone: the player resumes at the next lesson to do.
    expect(second.currentLessonId).to.equal('l3');
    await waitForStatus(second, 'l3', 'completed');
    const now = (await storage.getProgress({ learnerId: LEARNER, courseId: 'versioned' })) as CourseProgress;
    const state = computeCourseState(v2, now);
    expect(state.order).to.deep.equal(['l1', 'l3', 'l4', 'l5']);
    expect(state.lessons.l5.status, 'new lesson').to.equal('available');
    // Removed lesson 2 no longer counts: lessons 1 and 3 of 4 are done.
    expect([state.completedCount, state.percent]).to.deep.equal([2, 50]);
    expect(Object.keys(now.lessons).sort()).to.deep.equal(['l1', 'l3']);
    second.closest('lms-provider')?.remove();

    // A version that brings lesson 2 back gives its progress back.
    await play(storage, version('3.0', ['l1', 'l2', 'l3', 'l4', 'l5']));
    const third = (await storage.getProgress({ learnerId: LEARNER, courseId: 'versioned' })) as CourseProgress;
    expect(third.lessons.l2?.status).to.equal('completed');
    expect(third.retiredLessons).to.equal(undefined);
    await storage.close();
  });

  it('a completion the removed lessons held back is recorded', async () => {
    const storage = new DexieAdapter({ databaseName: uniqueName('versions-complete') });
    const v1 = version('1.0', ['l1', 'l2']);
    const first = await play(storage, v1);
    await waitForStatus(first, 'l1', 'completed');
    first.closest('lms-provider')?.remove();
    // Lesson 2, the only one left to do, is removed: the course is complete in version 2.
    await play(storage, version('2.0', ['l1']));
    const stored = (await storage.getProgress({ learnerId: LEARNER, courseId: 'versioned' })) as CourseProgress;
    expect(stored.completedAt).to.be.a('string');
    await storage.close();
  });
});
