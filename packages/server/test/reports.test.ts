import { expect } from '@open-wc/testing';
import type { CourseProgress } from '@lms-kit/core';
import { localReports, MemoryAdapter } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** Multi-learner reads through `LearningReports`: computed in SQL by the server, and locally for one learner. */
const now = '2026-01-01T00:00:00.000Z';
function progress(learnerId: string, done: number, score?: number): CourseProgress {
  const lessons: CourseProgress['lessons'] = {};
  for (let i = 0; i <= done && i < 4; i++)
    lessons[`l${i}`] = { status: i < done ? 'completed' : 'in-progress', openedAt: now, timeSpentMs: 1000 * (i + 1) };
  return {
    learnerId,
    courseId: 'food-safety',
    registration: 'r',
    lessons,
    timeSpentMs: 1000 * done,
    startedAt: now,
    updatedAt: now,
    ...(done >= 4 ? { completedAt: now, result: { completed: true, passed: true, score: { scaled: score ?? 1 } } } : {}),
  };
}

for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: reports`, function () {
    this.timeout(60_000);
    let endpoint: string;
    before(async function () {
      this.timeout(180_000);
      [endpoint] = await lmsServer(backend);
    });

    it('pages progress rows and sums a course in SQL: counts, score distribution, per-lesson reach and drop-off', async () => {
      const tenant = freshTenant('reports');
      const admin = new HttpStorageAdapter({
        endpoint,
        token: await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] }),
      });
      const learners = ['a', 'b', 'c', 'd', 'e'].map((n) => `mailto:${n}@example.com`);
      const done = [4, 4, 2, 1, 0];
      for (const [i, learnerId] of learners.entries())
        await admin.updateProgress({ learnerId, courseId: 'food-safety' }, () => progress(learnerId, done[i], i === 0 ? 0.95 : 0.55));

      const first = await admin.queryProgress({ courseId: 'food-safety', limit: 2 });
      expect(first.items.map((r) => r.learnerId)).to.deep.equal(learners.slice(0, 2));
      expect(first.items[0]).to.include({ completed: true, lessonsCompleted: 4, score: 0.95, timeSpentMs: 4000 });
      const second = await admin.queryProgress({ courseId: 'food-safety', limit: 2, after: first.next! });
      const third = await admin.queryProgress({ courseId: 'food-safety', limit: 2, after: second.next! });
      expect([...second.items, ...third.items].map((r) => r.learnerId)).to.deep.equal(learners.slice(2));
      expect(third.next).to.equal(null);

      const summary = await admin.courseSummary('food-safety');
      expect(summary).to.include({ started: 5, completed: 2 });
      expect(summary.timeSpentMs).to.deep.equal({ total: 11000, median: 2000 });
      expect(summary.scoreDistribution[9].count).to.equal(1);
      expect(summary.scoreDistribution[5].count).to.equal(1);
      expect(summary.lessons.map((l) => [l.lessonId, l.reached, l.completed, l.dropOff])).to.deep.equal([
        ['l0', 5, 4, 1],
        ['l1', 4, 3, 1],
        ['l2', 3, 2, 1],
        ['l3', 2, 2, 0],
      ]);
      // The lesson table follows later writes: d completes l1.
      await admin.updateProgress({ learnerId: learners[3], courseId: 'food-safety' }, () => progress(learners[3], 2));
      expect((await admin.courseSummary('food-safety')).lessons[1]).to.include({ reached: 4, completed: 4, dropOff: 0 });
    });

    it('gives one learner the same numbers as the local reports over a browser-only adapter', async () => {
      const learnerId = 'mailto:ada@example.com';
      const tenant = freshTenant('local');
      const server = new HttpStorageAdapter({ endpoint, token: await tokenFor({ sub: learnerId, tenant }) });
      const local = new MemoryAdapter();
      for (const storage of [server, local])
        await storage.updateProgress({ learnerId, courseId: 'food-safety' }, () => progress(learnerId, 4, 0.8));
      const admin = new HttpStorageAdapter({
        endpoint,
        token: await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] }),
      });
      const fromServer = await admin.courseSummary('food-safety');
      const fromLocal = await localReports(local, learnerId).courseSummary('food-safety');
      expect({ ...fromServer, enrolled: 1 }).to.deep.equal(fromLocal);
      const rows = await server.queryProgress({});
      const localRows = await localReports(local, learnerId).queryProgress({});
      expect(rows.items.map(({ updatedAt: _u, ...r }) => r)).to.deep.equal(localRows.items.map(({ updatedAt: _u, ...r }) => r));
    });
  });
