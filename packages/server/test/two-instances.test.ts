import { expect } from '@open-wc/testing';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/**
 * Scale-out: two server processes over one PostgreSQL, two browsers (separate profiles) writing the
 * same learner's progress at the same time through different instances. Not one update is lost.
 */
describe('server: two instances over one PostgreSQL', function () {
  this.timeout(120_000);

  it('loses no update when two browsers write the same learner’s progress through different instances', async function () {
    const urls = await lmsServer('postgres', 2);
    expect(urls).to.have.length(2);
    expect(urls[0]).to.not.equal(urls[1]);
    const learnerId = 'mailto:ada@example.com';
    const token = await tokenFor({ sub: learnerId, tenant: freshTenant('two') });
    const key = { learnerId, courseId: 'food-safety' };
    const seed = new HttpStorageAdapter({ endpoint: urls[0], token });
    const now = new Date().toISOString();
    await seed.updateProgress(key, () => ({ ...key, registration: 'r', lessons: {}, timeSpentMs: 0, startedAt: now, updatedAt: now }));

    const tabs = [
      await openTab('/test/pages/server-tab.html', { isolated: true }),
      await openTab('/test/pages/server-tab.html', { isolated: true }),
    ];
    try {
      await Promise.all(tabs.map((tab) => waitInTab(tab, 'window.ready')));
      const writes = 25;
      const run = (tab: number, endpoint: string, label: string) =>
        evalInTab<number>(
          tab,
          `(async () => {
            const adapter = new window.lms.HttpStorageAdapter({ endpoint: ${JSON.stringify(endpoint)}, token: ${JSON.stringify(token)} });
            const key = ${JSON.stringify(key)};
            await Promise.all(Array.from({ length: ${writes} }, (_, i) => adapter.updateProgress(key, (p) => ({
              ...p, timeSpentMs: p.timeSpentMs + 1,
              lessons: { ...p.lessons, ['${label}-' + i]: { status: 'completed', openedAt: p.startedAt, timeSpentMs: 1 } },
            }))));
            return ${writes};
          })()`,
        );
      const done = await Promise.all([run(tabs[0], urls[0], 'a'), run(tabs[1], urls[1], 'b')]);
      expect(done).to.deep.equal([writes, writes]);
      const stored = await new HttpStorageAdapter({ endpoint: urls[1], token }).getProgress(key);
      expect(stored!.timeSpentMs).to.equal(2 * writes);
      expect(Object.keys(stored!.lessons)).to.have.length(2 * writes);
    } finally {
      for (const tab of tabs) await closeTab(tab);
    }
  });
});
