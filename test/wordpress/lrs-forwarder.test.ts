import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { injectFaults, lrsInfo, lrsStatements, proxyRequests, resetLrsProxy } from '../helpers/lrs.js';
import { call, freshTenant } from '../helpers/server.js';
import { protocolBase, skipWithoutWordPress, wordpress, wordpressToken } from '../helpers/wordpress.js';

/**
 * The plugin's LRS forwarder in a real WordPress: statements queued through the protocol reach the real
 * LRS of the tests (xapi-statements, behind the test's own fault proxy) when WP-Cron runs the plugin's
 * event, exactly once, also when the LRS first answers 503.
 */
const HOOK = 'lms_kit_forward_statements';
type CronRun = { scheduled: boolean; schedule: string | null; queued: number };
const cron = () => executeServerCommand<CronRun, { hook: string }>('wordpress:cron', { hook: HOOK });

function statement(registration: string, n: number) {
  return {
    id: crypto.randomUUID(),
    actor: { objectType: 'Agent', mbox: 'mailto:ada@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `https://lms-kit.example/courses/food-safety/lessons/${n}` },
    context: { registration },
    timestamp: new Date().toISOString(),
  };
}

describe('WordPress plugin: LRS forwarder on WP-Cron', function () {
  this.timeout(120_000);

  before(async function () {
    this.timeout(300_000);
    await skipWithoutWordPress(this);
    await wordpress();
  });

  it('delivers queued statements once: a 503 keeps them for the next run, which delivers them, and later runs send nothing again', async () => {
    const { endpoint } = await lrsInfo();
    await resetLrsProxy();
    await executeServerCommand('wordpress:set-lrs', { endpoint, username: 'test', password: 'test' });
    const base = protocolBase(await wordpress());
    const token = await wordpressToken({ sub: 'mailto:ada@example.com', tenant: freshTenant('lrs'), roles: ['learner'] });
    const registration = crypto.randomUUID();
    const statements = [1, 2, 3].map((n) => statement(registration, n));
    expect((await call(base, token, 'POST', 'v1/outbox', { statements })).status).to.equal(204);
    // The same statement queued twice stays one.
    expect((await call(base, token, 'POST', 'v1/outbox', { statements: [statements[0]] })).status).to.equal(204);

    await injectFaults({ type: 'status', status: 503 });
    const failed = await cron();
    // WordPress scheduled the event itself once an LRS was set, every minute.
    expect(failed).to.include({ scheduled: true, schedule: 'lms_kit_minute', queued: 3 });
    expect((await proxyRequests()).length).to.equal(1);
    expect((await lrsStatements(registration)).ids).to.deep.equal([]);

    const delivered = await cron();
    expect(delivered).to.include({ scheduled: true, queued: 0 });
    const stored = await lrsStatements(registration);
    expect([...stored.ids].sort()).to.deep.equal(statements.map((s) => s.id).sort());

    const again = await cron();
    expect(again).to.include({ scheduled: true, queued: 0 });
    expect((await proxyRequests()).length).to.equal(2);
    expect((await lrsStatements(registration)).ids).to.have.length(3);
  });
});
