import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@lms-kit/storage';
import { textCourse } from '../../../test/helpers/courses.js';
import { LEARNER, outlineButton, renderPlayer, waitForStatus } from './helpers.js';

const BOB = 'mailto:bob@example.com';

/** Ada finishes a two-lesson course (each text lesson completes when shown). */
async function adaCompletes(courseId: string) {
  const fixture = await renderPlayer(textCourse(courseId, 2), new MemoryAdapter());
  await waitForStatus(fixture.player, 'l1', 'completed');
  outlineButton(fixture.player, 'l2').click();
  await waitUntil(() => fixture.player.progress?.completed, 'Ada never completed the course');
  await fixture.player.session?.settled();
  return fixture;
}

describe('<lms-course-player> sessions keyed by learner and course', () => {
  it('starts a new learner from their own record when the provider’s learner changes', async () => {
    const { provider, player, storage } = await adaCompletes('keys-learner');
    const ada = await storage.getProgress({ learnerId: LEARNER, courseId: 'keys-learner' });
    provider.learnerEmail = 'bob@example.com';
    await waitUntil(() => player.session?.services?.learner.id === BOB && player.currentLessonId, 'the player never switched to Bob');
    await player.session?.settled();
    expect(player.session?.progress?.learnerId).to.equal(BOB);
    const bob = await storage.getProgress({ learnerId: BOB, courseId: 'keys-learner' });
    expect(bob?.learnerId).to.equal(BOB);
    expect(bob?.completedAt).to.equal(undefined);
    expect(bob?.lessons.l2).to.equal(undefined);
    expect(bob?.registration).not.to.equal(ada?.registration);
    expect(player.progress?.completed).to.equal(false);
    // Ada's record is as she left it.
    expect((await storage.getProgress({ learnerId: LEARNER, courseId: 'keys-learner' }))?.completedAt).to.equal(ada?.completedAt);
  });

  it('starts another course from its own record when `course` changes', async () => {
    const { player, storage } = await adaCompletes('keys-first');
    player.course = textCourse('keys-second', 2);
    await waitUntil(() => player.session?.course?.id === 'keys-second' && player.currentLessonId, 'the second course never opened');
    await player.session?.settled();
    expect(player.session?.progress?.courseId).to.equal('keys-second');
    const second = await storage.getProgress({ learnerId: LEARNER, courseId: 'keys-second' });
    expect(second?.courseId).to.equal('keys-second');
    expect(second?.completedAt).to.equal(undefined);
    expect(second?.lessons.l2).to.equal(undefined);
    expect(player.progress?.completed).to.equal(false);
    expect(player.session?.saveError).to.equal(undefined);
  });
});
