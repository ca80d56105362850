import { expect } from '@open-wc/testing';
import type { Statement } from '@lms-kit/core';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { injectFaults, lrsInfo, lrsStatements, resetLrsProxy } from '../../../test/helpers/lrs.js';
import { call, freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/**
 * The server forwards queued statements to the tenant's LRS (the real `xapi-statements`, behind the
 * fault proxy): in order, through a 500 and a connection dropped after the LRS stored a batch, exactly once.
 */
for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: LRS forwarding`, function () {
    this.timeout(90_000);
    let endpoint: string;
    before(async function () {
      this.timeout(180_000);
      [endpoint] = await lmsServer(backend);
    });
    afterEach(() => resetLrsProxy());

    it('delivers every statement once through server errors and a lost answer', async () => {
      const tenant = freshTenant('lrs');
      const admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
      const learnerId = 'mailto:ada@example.com';
      const learner = new HttpStorageAdapter({ endpoint, token: await tokenFor({ sub: learnerId, tenant }) });
      const registration = crypto.randomUUID();
      const statement = (n: number): Statement => ({
        id: crypto.randomUUID(),
        actor: { objectType: 'Agent', mbox: learnerId },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
        object: { objectType: 'Activity', id: `https://lms-kit.test/activities/${n}` },
        context: { registration },
        timestamp: new Date().toISOString(),
      });
      const sent = Array.from({ length: 6 }, (_, i) => statement(i));
      await learner.enqueueStatements(sent.slice(0, 3)); // queued before the LRS is configured: sent too

      await injectFaults({ type: 'status', status: 500 }, { type: 'drop' });
      const { endpoint: lrs } = await lrsInfo();
      expect((await call(endpoint, admin, 'PUT', 'v1/lrs/main', { endpoint: lrs, username: 'test', password: 'test' })).status).to.equal(
        204,
      );
      await learner.enqueueStatements(sent.slice(3));
      await learner.enqueueStatements(sent.slice(3)); // a page resending: the same ids are queued once

      let held: string[] = [];
      for (let i = 0; i < 150 && held.length < sent.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        held = (await lrsStatements(registration)).ids;
      }
      expect([...held].sort()).to.deep.equal(sent.map((s) => s.id).sort());
      // The LRS has them; the forwarder marks them delivered as its answer arrives.
      let targets = await call(endpoint, admin, 'GET', 'v1/lrs');
      for (let i = 0; i < 50 && targets.body.items[0].pending > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        targets = await call(endpoint, admin, 'GET', 'v1/lrs');
      }
      expect(targets.body.items[0]).to.include({ id: 'main', pending: 0, failures: 0 });
      expect(JSON.stringify(targets.body)).to.not.include('"password"');
      const learnerCannot = await call(endpoint, await tokenFor({ sub: learnerId, tenant }), 'PUT', 'v1/lrs/evil', {
        endpoint: 'http://127.0.0.1:1/',
      });
      expect(learnerCannot.status).to.equal(403);
    });
  });
