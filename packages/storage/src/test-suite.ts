/**
 * The contract every `StorageAdapter` must pass, run in a real browser with Mocha and Chai
 * (`@open-wc/testing`). Adapter authors call it from their own test file:
 *
 *   runStorageAdapterSuite('MyAdapter', { create: () => new MyAdapter(), connectAgain: … });
 */
import { expect } from '@open-wc/testing';
import { isLmsError, type CourseProgress, type LessonState, type Statement } from '@lms-kit/core';
import type { Attempt, StorageAdapter } from './adapter.js';

export interface StorageAdapterSuiteOptions {
  /** A new, empty store. */
  create: () => StorageAdapter | Promise<StorageAdapter>;
  /**
   * A second connection to the same store as `adapter` (as another tab would open), for adapters
   * shared between tabs. Leave out for adapters that live in one page only.
   */
  connectAgain?: (adapter: StorageAdapter) => StorageAdapter | Promise<StorageAdapter>;
  /** Removes what `create` made. */
  destroy?: (adapter: StorageAdapter) => Promise<void>;
}

const learnerId = 'mailto:ada@example.com';
const courseId = 'course-1';
const now = '2026-01-01T00:00:00.000Z';

function progress(lessons: CourseProgress['lessons'] = {}): CourseProgress {
  return { learnerId, courseId, registration: 'r-1', lessons, timeSpentMs: 0, startedAt: now, updatedAt: now };
}

function statement(n: number): Statement {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { objectType: 'Agent', mbox: 'mailto:ada@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `urn:test:${n}` },
    timestamp: now,
  };
}

function attempt(id: string, activityId: string, startedAt: string, course = courseId): Attempt {
  return { id, learnerId, courseId: course, activityId, status: 'in-progress', startedAt, updatedAt: startedAt, data: { answers: [id] } };
}

async function expectLmsError(work: Promise<unknown>, code: string): Promise<void> {
  let failure: unknown;
  try {
    await work;
  } catch (error) {
    failure = error;
  }
  expect(isLmsError(failure), `expected LmsError ${code}, got ${String(failure)}`).to.equal(true);
  expect((failure as { code: string }).code).to.equal(code);
}

export function runStorageAdapterSuite(name: string, options: StorageAdapterSuiteOptions): void {
  describe(`StorageAdapter contract: ${name}`, () => {
    let adapter: StorageAdapter;

    beforeEach(async () => {
      adapter = await options.create();
    });

    afterEach(async () => {
      await adapter.close();
      await options.destroy?.(adapter);
    });

    it('has a scope naming its store', () => {
      expect(adapter.scope).to.be.a('string').and.not.equal('');
    });

    describe('progress', () => {
      it('is undefined before anything is stored', async () => {
        expect(await adapter.getProgress({ learnerId, courseId })).to.equal(undefined);
      });

      it('stores what updateProgress returns and hands the stored record to the next update', async () => {
        const seen: Array<CourseProgress | undefined> = [];
        await adapter.updateProgress({ learnerId, courseId }, (current) => {
          seen.push(current);
          return progress({ a: { status: 'in-progress', openedAt: now, timeSpentMs: 5 } });
        });
        const updated = await adapter.updateProgress({ learnerId, courseId }, (current) => {
          seen.push(current);
          return { ...current!, timeSpentMs: 42 };
        });
        expect(seen[0]).to.equal(undefined);
        expect(seen[1]?.lessons.a.timeSpentMs).to.equal(5);
        expect(updated.timeSpentMs).to.equal(42);
        expect(await adapter.getProgress({ learnerId, courseId })).to.deep.equal(updated);
      });

      it('does not share objects with the caller', async () => {
        const stored = await adapter.updateProgress({ learnerId, courseId }, () => progress());
        stored.timeSpentMs = 999;
        const read = await adapter.getProgress({ learnerId, courseId });
        read!.lessons.x = { status: 'completed', openedAt: now, timeSpentMs: 0 };
        const again = await adapter.getProgress({ learnerId, courseId });
        expect(again!.timeSpentMs).to.equal(0);
        expect(again!.lessons).to.deep.equal({});
      });

      it('loses no update when many run at once', async () => {
        await adapter.updateProgress({ learnerId, courseId }, () => progress());
        await Promise.all(
          Array.from({ length: 40 }, () =>
            adapter.updateProgress({ learnerId, courseId }, (current) => ({ ...current!, timeSpentMs: current!.timeSpentMs + 1 })),
          ),
        );
        expect((await adapter.getProgress({ learnerId, courseId }))!.timeSpentMs).to.equal(40);
      });

      it('keeps the stored record when a mutation throws', async () => {
        await adapter.updateProgress({ learnerId, courseId }, () => progress());
        let thrown: unknown;
        try {
          await adapter.updateProgress({ learnerId, courseId }, () => {
            throw new Error('rule broken');
          });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(Error);
        expect(await adapter.getProgress({ learnerId, courseId })).to.deep.equal(progress());
      });

      it('lists a learner’s courses and no one else’s', async () => {
        await adapter.updateProgress({ learnerId, courseId }, () => progress());
        await adapter.updateProgress({ learnerId, courseId: 'course-2' }, () => ({ ...progress(), courseId: 'course-2' }));
        await adapter.updateProgress({ learnerId: 'mailto:bob@example.com', courseId }, () => ({
          ...progress(),
          learnerId: 'mailto:bob@example.com',
        }));
        const listed = await adapter.listProgress(learnerId);
        expect(listed.map((p) => p.courseId).sort()).to.deep.equal(['course-1', 'course-2']);
      });

      it('refuses, with storage/invalid-record, a record whose learner or course differs from its key', async () => {
        const bob = 'mailto:bob@example.com';
        await adapter.updateProgress({ learnerId: bob, courseId }, () => ({ ...progress(), learnerId: bob }));
        // Ada's progress written under Bob's key, then under another course's key: both refused.
        await expectLmsError(
          adapter.updateProgress({ learnerId: bob, courseId }, () => progress({ l1: { status: 'completed' } as never })),
          'storage/invalid-record',
        );
        await expectLmsError(
          adapter.updateProgress({ learnerId, courseId: 'course-2' }, () => progress()),
          'storage/invalid-record',
        );
        expect(await adapter.getProgress({ learnerId: bob, courseId })).to.deep.equal({ ...progress(), learnerId: bob });
        expect(await adapter.getProgress({ learnerId, courseId })).to.equal(undefined);
        expect(await adapter.getProgress({ learnerId, courseId: 'course-2' })).to.equal(undefined);
      });
    });

    describe('lesson state', () => {
      it('keeps one position per lesson', async () => {
        const key = { learnerId, courseId, lessonId: 'video-1' };
        const state: LessonState = { ...key, position: 12.5, data: { ranges: [[0, 12.5]] }, updatedAt: now };
        await adapter.updateLessonState(key, () => state);
        const moved = await adapter.updateLessonState(key, (current) => ({ ...current!, position: 30 }));
        expect(moved.position).to.equal(30);
        expect(await adapter.getLessonState(key)).to.deep.equal({ ...state, position: 30 });
        expect(await adapter.getLessonState({ ...key, lessonId: 'other' })).to.equal(undefined);
      });

      it('refuses, with storage/invalid-record, a position whose ids differ from its key', async () => {
        const key = { learnerId, courseId, lessonId: 'video-1' };
        const other = { ...key, lessonId: 'video-2', position: 3, updatedAt: now };
        await expectLmsError(
          adapter.updateLessonState(key, () => other),
          'storage/invalid-record',
        );
        await expectLmsError(
          adapter.updateLessonState(key, () => ({ ...key, learnerId: 'mailto:bob@example.com', updatedAt: now })),
          'storage/invalid-record',
        );
        expect(await adapter.getLessonState(key)).to.equal(undefined);
        expect(await adapter.getLessonState({ ...key, lessonId: 'video-2' })).to.equal(undefined);
      });
    });

    describe('attempts', () => {
      it('stores attempts and lists them by course or activity, oldest first', async () => {
        await adapter.putAttempt(attempt('a2', 'quiz-1', '2026-01-02T00:00:00.000Z'));
        await adapter.putAttempt(attempt('a1', 'quiz-1', '2026-01-01T00:00:00.000Z'));
        await adapter.putAttempt(attempt('a3', 'quiz-2', '2026-01-03T00:00:00.000Z'));
        await adapter.putAttempt(attempt('a4', 'quiz-1', '2026-01-04T00:00:00.000Z', 'course-2'));
        expect((await adapter.listAttempts({ learnerId, courseId })).map((a) => a.id)).to.deep.equal(['a1', 'a2', 'a3']);
        expect((await adapter.listAttempts({ learnerId, activityId: 'quiz-1' })).map((a) => a.id)).to.deep.equal(['a1', 'a2', 'a4']);
        expect((await adapter.listAttempts({ learnerId, courseId, activityId: 'quiz-1' })).map((a) => a.id)).to.deep.equal(['a1', 'a2']);
        expect(await adapter.getAttempt('a3')).to.deep.equal(attempt('a3', 'quiz-2', '2026-01-03T00:00:00.000Z'));
        await adapter.putAttempt({ ...attempt('a3', 'quiz-2', '2026-01-03T00:00:00.000Z'), status: 'completed' });
        expect((await adapter.getAttempt('a3'))!.status).to.equal('completed');
      });
    });

    describe('key/value state', () => {
      it('sets, reads and deletes values of any structured-cloneable shape', async () => {
        const value = { when: new Date(now), list: [1, 'two', { three: 3 }], nested: { flag: true } };
        await adapter.setValue('settings', value);
        expect(await adapter.getValue('settings')).to.deep.equal(value);
        await adapter.deleteValue('settings');
        expect(await adapter.getValue('settings')).to.equal(undefined);
      });

      it('rejects a value that cannot be stored and keeps the previous one', async () => {
        await adapter.setValue('k', 'kept');
        await expectLmsError(adapter.setValue('k', { fn: () => 1 }), 'storage/invalid-record');
        expect(await adapter.getValue('k')).to.equal('kept');
      });
    });

    describe('statement outbox', () => {
      it('hands statements back in the order they were queued', async () => {
        await adapter.enqueueStatements([statement(1), statement(2)]);
        await adapter.enqueueStatements([statement(3)]);
        expect(await adapter.countOutbox()).to.equal(3);
        const firstTwo = await adapter.readOutbox(2);
        expect(firstTwo.map((e) => e.statement)).to.deep.equal([statement(1), statement(2)]);
        expect(firstTwo[0].seq).to.be.below(firstTwo[1].seq);
        expect(Number.isNaN(Date.parse(firstTwo[0].queuedAt))).to.equal(false);
        await adapter.removeFromOutbox(firstTwo.map((e) => e.seq));
        const rest = await adapter.readOutbox(10);
        expect(rest.map((e) => e.statement.id)).to.deep.equal([statement(3).id]);
        expect(await adapter.countOutbox()).to.equal(1);
      });

      it('reads after a cursor, so each reader (one per LRS) can keep its own place', async () => {
        await adapter.enqueueStatements([statement(1), statement(2), statement(3), statement(4)]);
        const all = await adapter.readOutbox(10);
        const afterFirst = await adapter.readOutbox(2, all[0].seq);
        expect(afterFirst.map((e) => e.statement.id)).to.deep.equal([statement(2).id, statement(3).id]);
        expect(await adapter.readOutbox(10, all[3].seq)).to.deep.equal([]);
        await adapter.removeFromOutbox([all[1].seq]);
        expect((await adapter.readOutbox(10, all[0].seq)).map((e) => e.statement.id)).to.deep.equal([statement(3).id, statement(4).id]);
      });
    });

    describe('records', () => {
      it('keeps collections apart and lists by learner or course', async () => {
        await adapter.putRecord('certificates', { id: 'c1', learnerId, courseId, issuedAt: now });
        await adapter.putRecord('certificates', { id: 'c2', learnerId, courseId: 'course-2' });
        await adapter.putRecord('certificates', { id: 'c3', learnerId: 'mailto:bob@example.com', courseId });
        await adapter.putRecord('badges', { id: 'c1', learnerId });
        expect(await adapter.getRecord('certificates', 'c1')).to.deep.equal({ id: 'c1', learnerId, courseId, issuedAt: now });
        const ids = (records: Array<{ id: string }>) => records.map((r) => r.id).sort();
        expect(ids(await adapter.listRecords('certificates', { learnerId }))).to.deep.equal(['c1', 'c2']);
        expect(ids(await adapter.listRecords('certificates', { courseId }))).to.deep.equal(['c1', 'c3']);
        expect(ids(await adapter.listRecords('certificates', { learnerId, courseId }))).to.deep.equal(['c1']);
        expect(ids(await adapter.listRecords('certificates'))).to.deep.equal(['c1', 'c2', 'c3']);
        expect(ids(await adapter.listRecords('badges'))).to.deep.equal(['c1']);
        await adapter.deleteRecord('certificates', 'c1');
        expect(await adapter.getRecord('certificates', 'c1')).to.equal(undefined);
        expect(await adapter.getRecord('badges', 'c1')).to.deep.equal({ id: 'c1', learnerId });
      });
    });

    it('fails with storage/closed after close()', async () => {
      await adapter.close();
      await expectLmsError(adapter.getProgress({ learnerId, courseId }), 'storage/closed');
      adapter = await options.create();
    });

    if (options.connectAgain) {
      const connectAgain = options.connectAgain;
      describe('two connections to one store (two tabs)', () => {
        it('see each other’s writes and lose no update made at the same time', async () => {
          const other = await connectAgain(adapter);
          try {
            await adapter.updateProgress({ learnerId, courseId }, () => progress());
            const increment = (target: StorageAdapter, lessonId: string) =>
              target.updateProgress({ learnerId, courseId }, (current) => ({
                ...current!,
                timeSpentMs: current!.timeSpentMs + 1,
                lessons: { ...current!.lessons, [lessonId]: { status: 'completed', openedAt: now, timeSpentMs: 0 } },
              }));
            await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? adapter : other, `lesson-${i}`)));
            const stored = await other.getProgress({ learnerId, courseId });
            expect(stored!.timeSpentMs).to.equal(20);
            expect(Object.keys(stored!.lessons)).to.have.length(20);
          } finally {
            await other.close();
          }
        });
      });
    }
  });
}
