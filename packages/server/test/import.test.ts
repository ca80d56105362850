import { expect } from '@open-wc/testing';
import { call, freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** Bulk import: a dry run reports every bad row; the import is all or nothing and running it twice changes nothing. */
const enc = encodeURIComponent;

for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: bulk import and data rights`, function () {
    this.timeout(60_000);
    let base: string;
    let tenant: string;
    let admin: string;

    before(async function () {
      this.timeout(180_000);
      [base] = await lmsServer(backend);
    });

    beforeEach(async () => {
      tenant = freshTenant('import');
      admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    });

    it('reports every bad row in a dry run, writes nothing, and refuses the file whole', async () => {
      const csv = [
        'id,name,email,roles,groups',
        'mailto:ada@example.com,Ada,ada@example.com,learner,bakers',
        'mailto:bob@example.com,Bob,bob-at-example.com,learner,bakers',
        ',Nobody,no@example.com,,',
        'mailto:cy@example.com,Cy,cy@example.com,owner,',
        'mailto:ada@example.com,Ada again,ada@example.com,,',
      ].join('\n');
      const dry = await call(base, admin, 'POST', 'v1/import/users', { csv, dryRun: true });
      expect(dry.status).to.equal(200);
      expect(dry.body.problems.map((p: { text: string }) => p.text)).to.deep.equal([
        'row 3, column email: not an address',
        'row 4, column id: required',
        'row 5, column roles: unknown role "owner" (learner, instructor or admin)',
        'row 6, column id: same id as row 2',
      ]);
      expect(dry.body).to.include({ rows: 5, valid: 1 });
      const refused = await call(base, admin, 'POST', 'v1/import/users', { csv });
      expect(refused.status).to.equal(422);
      expect(refused.body.error.code).to.equal('import/invalid-rows');
      expect((await call(base, admin, 'GET', `v1/learners/${enc('mailto:ada@example.com')}/enrollments`)).body.items).to.deep.equal([]);
      const header = await call(base, admin, 'POST', 'v1/import/enrollments', { csv: 'course,learner,colour\nc,l,red', dryRun: true });
      expect(header.body.problems.map((p: { text: string }) => p.text)).to.deep.equal(['row 1, column colour: unknown column']);
    });

    it('imports users, groups and enrollments idempotently: the second run changes nothing', async () => {
      const users = ['id,name,email,roles,groups,teaches'];
      for (let i = 0; i < 300; i++)
        users.push(`mailto:u${i}@example.com,User ${i},u${i}@example.com,learner,${i % 2 ? 'bakers' : 'cooks'},`);
      users.push('mailto:ian@example.com,Ian,ian@example.com,instructor,,bakers');
      const enrollments = 'course,learner,group,due\nfood-safety,,bakers,2026-06-30\nfood-safety,mailto:u0@example.com,,\n';
      const first = await call(base, admin, 'POST', 'v1/import/users', { csv: users.join('\n') });
      expect(first.status).to.equal(200);
      expect(first.body).to.include({ created: 301 + 301, updated: 0, unchanged: 0 });
      expect((await call(base, admin, 'POST', 'v1/import/enrollments', { csv: enrollments })).body).to.include({ created: 2 });
      const again = await call(base, admin, 'POST', 'v1/import/users', { csv: users.join('\n') });
      expect(again.body).to.include({ created: 0, updated: 0, unchanged: 602 });
      expect((await call(base, admin, 'POST', 'v1/import/enrollments', { csv: enrollments })).body).to.include({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      const summary = await call(base, admin, 'GET', 'v1/reports/courses/food-safety/summary');
      expect(summary.body.enrolled).to.equal(151);
      // The imported instructor teaches the bakers: he may read u1's records, not u0's.
      const ian = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
      expect((await call(base, ian, 'GET', `v1/progress?learner=${enc('mailto:u1@example.com')}`)).status).to.equal(200);
      expect((await call(base, ian, 'GET', `v1/progress?learner=${enc('mailto:u0@example.com')}`)).status).to.equal(403);
      const audit = await call(base, admin, 'GET', 'v1/audit');
      expect(audit.body.items.map((a: { action: string }) => a.action)).to.deep.equal([
        'import.enrollments',
        'import.users',
        'import.enrollments',
        'import.users',
      ]);
    });

    it('exports everything about a learner, erases them (certificates kept as revoked) and audits who did it', async () => {
      const ada = 'mailto:ada@example.com';
      const learner = await tokenFor({ sub: ada, tenant, name: 'Ada', email: 'ada@example.com' });
      const now = new Date().toISOString();
      await call(base, learner, 'PUT', `v1/progress/${enc(ada)}/food-safety`, {
        value: { learnerId: ada, courseId: 'food-safety', registration: 'r', lessons: {}, timeSpentMs: 9, startedAt: now, updatedAt: now },
      });
      await call(base, learner, 'PUT', 'v1/attempts/a1', {
        id: 'a1',
        learnerId: ada,
        courseId: 'food-safety',
        activityId: 'q',
        status: 'completed',
        startedAt: now,
        updatedAt: now,
      });
      await call(base, learner, 'PUT', 'v1/records/certificates/cert-1', { id: 'cert-1', learnerId: ada, courseId: 'food-safety' });
      await call(base, learner, 'POST', 'v1/outbox', { statements: [{ id: crypto.randomUUID(), verb: { id: 'urn:x' } }] });

      const own = await call(base, learner, 'GET', `v1/learners/${enc(ada)}/export`);
      expect(own.status).to.equal(200);
      expect(own.body.learner).to.include({ id: ada, name: 'Ada', email: 'ada@example.com' });
      expect(own.body.progress).to.have.length(1);
      expect(own.body.attempts).to.have.length(1);
      expect(own.body.records).to.have.length(1);
      expect(own.body.statementsQueued).to.have.length(1);

      const erased = await call(base, admin, 'DELETE', `v1/learners/${enc(ada)}`);
      expect(erased.body.erased).to.include({ progress: 1, attempts: 1, outbox: 1, certificatesRevoked: 1 });
      const after = await call(base, admin, 'GET', `v1/learners/${enc(ada)}/export`);
      expect(after.body.learner.name).to.equal(null);
      expect(after.body.learner.erasedAt).to.be.a('string');
      expect(after.body.progress).to.deep.equal([]);
      expect(after.body.attempts).to.deep.equal([]);
      expect(after.body.statementsQueued).to.deep.equal([]);
      expect(after.body.records[0].data.revokedReason).to.equal('learner erased');
      const audit = (await call(base, admin, 'GET', 'v1/audit')).body.items;
      expect(audit.find((a: { action: string }) => a.action === 'learner.erase')).to.include({
        actorId: 'mailto:admin@example.com',
        subjectId: ada,
      });
    });
  });
