import { expect } from '@open-wc/testing';
import { awardId, type LmsError, type PointsAward } from '@lms-kit/core';
import type { StoredRecord } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { call, freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** The leaderboard: totals kept by the database from points awards, ranked in SQL, opt-in, per role and tenant. */
const learner = (n: string) => `mailto:${n}@example.com`;
const NOW = new Date().toISOString();

function award(who: string, source: string, points: number, extra: Partial<PointsAward> = {}): PointsAward & StoredRecord {
  return {
    id: awardId(learner(who), 'lesson-completed', source),
    learnerId: learner(who),
    reason: 'lesson-completed',
    source,
    points,
    awardedAt: NOW,
    ...extra,
  };
}

async function adapter(endpoint: string, tenant: string, who: string, roles: Array<'learner' | 'instructor' | 'admin'> = ['learner']) {
  const name = who[0].toUpperCase() + who.slice(1);
  return new HttpStorageAdapter({ endpoint, token: await tokenFor({ sub: learner(who), tenant, roles, name }) });
}

const ranks = (rows: Array<{ rank: number; name: string | null; points: number }>) => rows.map((r) => [r.rank, r.name, r.points]);

for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: leaderboard`, function () {
    this.timeout(60_000);
    let endpoint: string;
    before(async function () {
      this.timeout(180_000);
      [endpoint] = await lmsServer(backend);
    });

    /** A tenant with the leaderboard on and learners a (50: 30 in course c1 + 20), b (50), c (40), d (10), e (none). */
    async function seeded() {
      const tenant = freshTenant('board');
      const admin = await adapter(endpoint, tenant, 'admin', ['admin']);
      const off = await (await adapter(endpoint, tenant, 'a')).leaderboard.read();
      expect(off).to.deep.equal({ enabled: false }); // off by default
      const adminToken = await tokenFor({ sub: learner('admin'), tenant, roles: ['admin'] });
      expect((await call(endpoint, adminToken, 'PUT', '/v1/tenant/settings', { leaderboard: { enabled: true } })).status).to.equal(204);
      const people: Record<string, HttpStorageAdapter> = {};
      for (const who of ['a', 'b', 'c', 'd', 'e']) people[who] = await adapter(endpoint, tenant, who);
      await people.a.putRecord('points', award('a', 'c1/l1', 30, { courseId: 'c1' }));
      await people.a.putRecord('points', award('a', 'streak-1', 20));
      await people.b.putRecord('points', award('b', 'c2/l1', 50, { courseId: 'c2' }));
      await people.c.putRecord('points', award('c', 'c2/l1', 40, { courseId: 'c2' }));
      await people.d.putRecord('points', award('d', 'c2/l1', 10, { courseId: 'c2' }));
      await people.e.readOutbox(1); // e signs in, with no points
      return { tenant, admin, people };
    }

    it('ranks opted-in learners only, ties sharing a rank, and shows each learner where they stand', async () => {
      const { people } = await seeded();
      for (const who of ['a', 'b']) await people[who].leaderboard.setMembership(true);
      expect(await people.c.leaderboard.setMembership(true, 'Cake Boss')).to.deep.equal({ optedIn: true, pseudonym: 'Cake Boss' });

      const board = await people.a.leaderboard.read();
      if (!board.enabled) throw new Error('the leaderboard is on');
      expect(board.period).to.equal('all');
      expect(ranks(board.top)).to.deep.equal([
        [1, 'A', 50],
        [1, 'B', 50],
        [3, 'Cake Boss', 40],
      ]);
      expect(board.top.map((r) => r.you)).to.deep.equal([true, false, false]);
      expect(board.top.some((r) => 'learnerId' in r)).to.equal(false); // learners never see ids (emails)
      expect(board.you).to.include({ rank: 1, points: 50, optedIn: true });

      // d did not opt in: ranked for themselves among the opted-in, shown to no one else.
      const fromD = await people.d.leaderboard.read({ around: 2 });
      if (!fromD.enabled) throw new Error('the leaderboard is on');
      expect(fromD.you).to.include({ rank: 4, points: 10, optedIn: false });
      expect(ranks(fromD.nearby)).to.deep.equal([
        [1, 'B', 50],
        [3, 'Cake Boss', 40],
        [4, 'D', 10],
      ]);
      expect(fromD.top.map((r) => r.name)).to.not.include('D');

      // c opts out: gone from everyone's board at once.
      await people.c.leaderboard.setMembership(false);
      const after = await people.a.leaderboard.read();
      if (!after.enabled) throw new Error('the leaderboard is on');
      expect(ranks(after.top)).to.deep.equal([
        [1, 'A', 50],
        [1, 'B', 50],
      ]);
      expect(await people.c.leaderboard.membership()).to.deep.equal({ optedIn: false, pseudonym: null });
    });

    it('counts an award once, follows a changed or deleted award, and refuses invalid points', async () => {
      const { tenant, people } = await seeded();
      await people.a.leaderboard.setMembership(true);
      await people.a.putRecord('points', award('a', 'c1/l1', 30, { courseId: 'c1' })); // the same award again
      let board = await people.a.leaderboard.read();
      expect(board.enabled && board.you.points).to.equal(50);
      await people.a.putRecord('points', award('a', 'c1/l1', 35, { courseId: 'c1' }));
      board = await people.a.leaderboard.read();
      expect(board.enabled && board.you.points).to.equal(55);
      await people.a.deleteRecord('points', awardId(learner('a'), 'lesson-completed', 'streak-1'));
      board = await people.a.leaderboard.read();
      expect(board.enabled && board.you.points).to.equal(35);

      const token = await tokenFor({ sub: learner('a'), tenant });
      for (const points of [10_001, -1, 1.5, '5']) {
        const bad = await call(endpoint, token, 'PUT', `/v1/records/points/x${points}`, {
          ...award('a', 'bad', 1),
          id: `x${points}`,
          points,
        });
        expect(bad.status, String(points)).to.equal(400);
        expect(bad.body.error.code).to.equal('storage/invalid-record');
      }
      board = await people.a.leaderboard.read();
      expect(board.enabled && board.you.points).to.equal(35);
      // Nobody writes points for someone else.
      const forged = await people.b.putRecord('points', award('a', 'forged', 1000)).catch((error: unknown) => error);
      expect((forged as LmsError).code).to.equal('auth/forbidden');
    });

    it('keeps totals per course and per ISO week and month', async () => {
      const { people } = await seeded();
      for (const who of ['a', 'b', 'c']) await people[who].leaderboard.setMembership(true);
      await people.b.putRecord('points', award('b', 'c1/old', 500, { courseId: 'c1', awardedAt: '2020-03-02T10:00:00.000Z' }));

      const course = await people.a.leaderboard.read({ scope: 'course', courseId: 'c1' });
      expect(course.enabled && ranks(course.top)).to.deep.equal([
        [1, 'B', 500],
        [2, 'A', 30],
      ]);
      const week = await people.a.leaderboard.read({ period: 'week' });
      if (!week.enabled) throw new Error('the leaderboard is on');
      expect(week.period).to.match(/^week:\d{4}-W\d{2}$/);
      expect(ranks(week.top)).to.deep.equal([
        [1, 'A', 50],
        [1, 'B', 50],
        [3, 'C', 40],
      ]);
      const month = await people.a.leaderboard.read({ period: 'month' });
      expect(month.enabled && month.period).to.equal(`month:${NOW.slice(0, 7)}`);
      const all = await people.a.leaderboard.read({ period: 'all' });
      expect(all.enabled && ranks(all.top)[0]).to.deep.equal([1, 'B', 550]);
    });

    it('shows a group to its members (opted-in only), to its instructor and admins (everyone), to no one else', async () => {
      const { tenant, admin, people } = await seeded();
      await people.a.leaderboard.setMembership(true, 'Baker A');
      const token = await tokenFor({ sub: learner('admin'), tenant, roles: ['admin'] });
      await call(endpoint, token, 'PUT', '/v1/groups/night-shift', { name: 'Night shift' });
      for (const [who, role] of [
        ['a', 'learner'],
        ['d', 'learner'],
        ['teacher', 'instructor'],
      ])
        await call(endpoint, token, 'PUT', `/v1/groups/night-shift/members/${encodeURIComponent(learner(who))}`, { role });
      await call(endpoint, token, 'PUT', '/v1/groups/day-shift', {});
      await call(endpoint, token, 'PUT', `/v1/groups/day-shift/members/${encodeURIComponent(learner('other'))}`, { role: 'instructor' });

      const query = { scope: 'group', groupId: 'night-shift' } as const;
      const member = await people.d.leaderboard.read(query);
      expect(member.enabled && ranks(member.top)).to.deep.equal([[1, 'Baker A', 50]]);
      expect(member.enabled && member.you).to.include({ rank: 2, points: 10 });

      const teacher = await adapter(endpoint, tenant, 'teacher', ['instructor']);
      for (const staff of [teacher, admin]) {
        const board = await staff.leaderboard.read(query);
        if (!board.enabled) throw new Error('the leaderboard is on');
        expect(board.top.map((r) => [r.rank, r.name, r.points, r.learnerId])).to.deep.equal([
          [1, 'A', 50, learner('a')],
          [2, 'D', 10, learner('d')],
        ]);
      }
      for (const outsider of [people.e, await adapter(endpoint, tenant, 'other', ['instructor'])]) {
        const refused = await outsider.leaderboard.read(query).catch((error: unknown) => error);
        expect((refused as LmsError).code).to.equal('auth/forbidden');
      }
    });

    it('never mixes tenants', async () => {
      const first = await seeded();
      await first.people.a.leaderboard.setMembership(true);
      const second = await seeded();
      await second.people.b.leaderboard.setMembership(true);
      await second.people.b.putRecord('points', award('b', 'extra', 7));
      const one = await first.people.a.leaderboard.read();
      const two = await second.people.b.leaderboard.read();
      expect(one.enabled && ranks(one.top)).to.deep.equal([[1, 'A', 50]]);
      expect(two.enabled && ranks(two.top)).to.deep.equal([[1, 'B', 57]]);
    });
  });
