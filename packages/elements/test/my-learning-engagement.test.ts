import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createIndexedDbStorage, type StorageAdapter } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsMyLearning } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/** <lms-my-learning> with an engagement config: points, level and the latest badges, from the stored ledger. */
const LEARNER = 'mailto:ada@example.com';
const catalog = { schema: 1, courses: [{ id: 'food-safety-basics', title: 'Food safety basics' }] };
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const engagement = (el: LmsMyLearning) => el.shadowRoot?.querySelector('[data-section="engagement"]');

/** An award as the points ledger stores it (its id made from learner, reason and source). */
const award = (reason: string, source: string, points: number, day: number) => ({
  id: `${LEARNER}|${reason}|${source}`,
  learnerId: LEARNER,
  reason,
  source,
  courseId: 'food-safety-basics',
  points,
  awardedAt: `2026-03-0${day}T10:00:00.000Z`,
});
const badge = (badgeId: string, day: number) => ({
  id: `${LEARNER}|${badgeId}`,
  learnerId: LEARNER,
  badgeId,
  earnedAt: `2026-03-0${day}T10:00:00.000Z`,
});

async function render(storage: StorageAdapter | undefined, database?: string): Promise<LmsMyLearning> {
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" locale="en" database=${database ?? 'lms-kit'} .storage=${storage}>
      <lms-my-learning .catalog=${catalog} engagement-src="/demo/engagement.json"></lms-my-learning>
    </lms-provider>`,
  );
  const el = provider.querySelector('lms-my-learning') as LmsMyLearning;
  await waitUntil(() => engagement(el) && !engagement(el)!.querySelector('[aria-busy]'), 'no engagement summary', { timeout: 15000 });
  return el;
}

describe('<lms-my-learning> points and badges', function () {
  this.timeout(60_000);

  it('on IndexedDB: total, level, the latest badges newest first, and a new badge as it is stored; axe-clean', async () => {
    const database = `my-learning-engagement-${Date.now()}`;
    const storage = createIndexedDbStorage({ databaseName: database });
    await storage.putRecord('points', award('lesson-completed', 'food-safety-basics/hygiene', 20, 1));
    await storage.putRecord('points', award('quiz-score', 'food-safety-basics/fridge-check', 20, 2));
    await storage.putRecord('points', award('badge', 'clean-hands', 10, 2));
    await storage.putRecord('badges', badge('clean-hands', 2));
    // Someone else's ledger on the same storage is not counted.
    await storage.putRecord('points', { ...award('quiz-score', 'x/y', 90, 1), id: 'other', learnerId: 'mailto:sam@example.com' });
    const el = await render(undefined, database);
    const section = engagement(el)!;
    expect(section.textContent?.replace(/\s+/g, ' '))
      .to.contain('50 points')
      .and.contain('Level: Team member')
      .and.contain('1 badge earned');
    expect([...section.querySelectorAll('[data-badge]')].map((b) => b.getAttribute('data-badge'))).to.deep.equal(['clean-hands']);
    expect(section.textContent).to.contain('Clean hands').and.contain('Earned on');
    await expect(el).to.be.accessible();

    // A badge stored by <lms-badges> (or another tab) shows without a reload, newest first.
    const observed = (el as unknown as { services: { value: { storage: StorageAdapter } } }).services.value.storage;
    await observed.putRecord('points', award('badge', 'cool-head', 10, 3));
    await observed.putRecord('badges', badge('cool-head', 3));
    await waitUntil(() => engagement(el)!.querySelectorAll('[data-badge]').length === 2, 'new badge not shown', { timeout: 10000 });
    expect([...engagement(el)!.querySelectorAll('[data-badge]')].map((b) => b.getAttribute('data-badge'))).to.deep.equal([
      'cool-head',
      'clean-hands',
    ]);
    expect(text(el)).to.contain('60 points').and.contain('2 badges earned');
    el.closest('lms-provider')!.remove();
    indexedDB.deleteDatabase(database);
  });

  it('with nothing earned yet says so; a config that cannot load is a recoverable lms-error and the rest still shows', async () => {
    const database = `my-learning-engagement-empty-${Date.now()}`;
    const el = await render(undefined, database);
    expect((engagement(el)!.textContent ?? '').replace(/\s+/g, ' '))
      .to.contain('0 points')
      .and.contain('Level: New starter')
      .and.contain('No badges yet.');
    await expect(el).to.be.accessible();

    const errors: Array<{ code: string; recoverable: boolean }> = [];
    el.addEventListener('lms-error', (event) =>
      errors.push({ code: (event as CustomEvent).detail.error.code, recoverable: (event as CustomEvent).detail.recoverable }),
    );
    el.engagementSrc = '/demo/no-such-engagement.json';
    await waitUntil(() => engagement(el)?.querySelector('[role="alert"]'), 'no error state', { timeout: 10000 });
    expect(text(el))
      .to.contain('Points and badges could not be loaded.')
      .and.contain('Assigned to you')
      .and.contain('No certificates yet.');
    expect(errors[0]).to.deep.equal({ code: 'engagement/invalid-config', recoverable: true });
    await expect(el).to.be.accessible();
    el.closest('lms-provider')!.remove();
    indexedDB.deleteDatabase(database);
  });

  it('on the server: the learner’s own ledger as the server keeps it', async function () {
    this.timeout(180_000);
    const [base] = await lmsServer('postgres');
    const tenant = freshTenant('my-learning-points');
    const token = await tokenFor({ sub: LEARNER, tenant, roles: ['learner'] });
    for (const record of [
      award('lesson-completed', 'food-safety-basics/hygiene', 30, 1),
      award('quiz-score', 'food-safety-basics/fridge-check', 80, 2),
    ])
      await call(base, token, 'PUT', `v1/records/points/${encodeURIComponent(record.id)}`, record);
    for (const [id, day] of [
      ['clean-hands', 1],
      ['cool-head', 2],
    ] as const) {
      const record = badge(id, day);
      await call(base, token, 'PUT', `v1/records/badges/${encodeURIComponent(record.id)}`, record);
    }
    const el = await render(new HttpStorageAdapter({ endpoint: base, token }));
    const summary = (engagement(el)!.textContent ?? '').replace(/\s+/g, ' ');
    expect(summary).to.contain('110 points').and.contain('Level: Food safety champion').and.contain('2 badges earned');
    expect([...engagement(el)!.querySelectorAll('[data-badge]')].map((b) => b.getAttribute('data-badge'))).to.deep.equal([
      'cool-head',
      'clean-hands',
    ]);
    await expect(el).to.be.accessible();
  });
});
