import { expect } from '@open-wc/testing';
import { isLmsError, uuid } from '@lms-kit/core';
import { MemoryAdapter, observeStorage, type ObservableStorage, type StorageAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { LrsSync, validateBeforeQueueing, type LrsConfig, type SyncOptions } from '@lms-kit/xapi';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import {
  injectFaults,
  lrsInfo,
  lrsStatements,
  proxyRequests,
  requireBearer,
  resetLrsProxy,
  setLrsDown,
  type LrsInfo,
} from '../../../test/helpers/lrs.js';
import { statements, until } from './support.js';

const FAST: SyncOptions = { retryBaseMs: 50, retryMaxMs: 400, intervalMs: 0, debounceMs: 10, timeoutMs: 10_000 };

describe('LRS sync against a real LRS', function () {
  this.timeout(60_000);
  let info: LrsInfo;
  let storage: ObservableStorage;
  let sync: LrsSync | undefined;
  const basic = (): LrsConfig => ({ endpoint: info.endpoint, username: 'test', password: 'test' });

  before(async () => {
    info = await lrsInfo();
  });
  beforeEach(async () => {
    await resetLrsProxy();
    storage = observeStorage(new MemoryAdapter());
  });
  afterEach(async () => {
    sync?.stop();
    sync = undefined;
    await resetLrsProxy();
    await storage.close();
  });

  async function expectExactlyOnce(registration: string, ids: string[]): Promise<void> {
    const stored = await lrsStatements(registration);
    expect(stored.ids.length, 'statements in the LRS').to.equal(ids.length);
    expect(new Set(stored.ids)).to.deep.equal(new Set(ids));
  }

  it('queues 10,000 statements offline, then delivers each exactly once when the LRS comes up', async () => {
    const dbName = `lms-kit-sync-${uuid()}`;
    const dexie = new DexieAdapter({ databaseName: dbName });
    const outbox = observeStorage(validateBeforeQueueing(dexie));
    const registration = uuid();
    const batch = statements(10_000, registration);
    await setLrsDown(true);
    await outbox.enqueueStatements(batch);
    sync = new LrsSync(outbox, basic(), { ...FAST, batchSize: 500 });
    sync.start();
    await until(() => sync?.status.lrs[0].state === 'waiting', 'the LRS is found unreachable');
    expect(sync.status.pending).to.equal(10_000);
    expect(sync.status.lastError?.code).to.equal('lrs/unavailable');

    await setLrsDown(false);
    await until(async () => (await outbox.countOutbox()) === 0, 'the outbox is empty', 45_000);
    await until(() => sync?.status.pending === 0 && !sync.status.lastError, 'the status says all is synced');
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
    const posted = (await proxyRequests()).reduce((sum, request) => sum + request.count, 0);
    expect(posted, 'statements posted').to.equal(10_000);
    sync.stop();
    await outbox.close();
    await Dexie.delete(dbName);
  });

  it('retries after a 500 and delivers once the LRS answers 200', async () => {
    const registration = uuid();
    const batch = statements(30, registration);
    await storage.enqueueStatements(batch);
    await injectFaults({ type: 'status', status: 500 }, { type: 'status', status: 503 });
    sync = new LrsSync(storage, basic(), FAST);
    const states: string[] = [];
    sync.subscribe((status) => states.push(status.lrs[0].state));
    sync.start();
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    expect(states).to.include('waiting');
    expect((await proxyRequests()).length).to.equal(3);
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
  });

  it('waits as long as Retry-After says after a 429', async () => {
    const registration = uuid();
    const batch = statements(5, registration);
    await storage.enqueueStatements(batch);
    await injectFaults({ type: 'status', status: 429, retryAfter: 1 });
    sync = new LrsSync(storage, basic(), FAST);
    const started = Date.now();
    sync.start();
    await until(() => sync?.status.lrs[0].state === 'waiting', 'the sync waits');
    const retryAt = Date.parse(sync.status.lrs[0].retryAt ?? '');
    expect(retryAt - started).to.be.within(900, 1600);
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    expect(Date.now() - started).to.be.at.least(950);
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
  });

  it('puts the one statement the LRS refuses in the dead letters, with its reason, and delivers the rest', async () => {
    const registration = uuid();
    const batch = statements(40, registration);
    // Queued by an older version, before validation: the LRS itself refuses it.
    (batch[17].actor as { mbox: string }).mbox = 'not-an-email';
    await storage.enqueueStatements(batch);
    sync = new LrsSync(storage, basic(), FAST);
    sync.start();
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    const letters = await sync.deadLetters();
    expect(letters.map((letter) => letter.statement.id)).to.deep.equal([batch[17].id]);
    expect(letters[0].status).to.equal(400);
    expect(letters[0].reason).to.contain('actor.mbox');
    await until(() => sync?.status.deadLetters === 1, 'the status counts the dead letter');
    await expectExactlyOnce(
      registration,
      batch.filter((_, i) => i !== 17).map((s) => s.id),
    );
    // Found by bisection: far fewer requests than statements.
    expect((await proxyRequests()).length).to.be.at.most(2 * Math.ceil(Math.log2(40)) + 1);
  });

  it('loses and duplicates nothing when the connection drops after the LRS stored a batch', async () => {
    const registration = uuid();
    const batch = statements(120, registration);
    await storage.enqueueStatements(batch);
    // The LRS stores the first batch twice over, but its answer is lost both times.
    await injectFaults({ type: 'drop' }, { type: 'drop' });
    sync = new LrsSync(storage, basic(), { ...FAST, batchSize: 50 });
    sync.start();
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
    expect((await proxyRequests()).length).to.equal(5);
  });

  it('stops and reports on 401 with Basic credentials, keeping every statement', async () => {
    await requireBearer('a-token');
    await storage.enqueueStatements(statements(3));
    sync = new LrsSync(storage, basic(), FAST);
    sync.start();
    await until(() => sync?.status.lrs[0].state === 'stopped', 'the sync stops');
    expect(isLmsError(sync.status.lastError, 'lrs/unauthorized')).to.equal(true);
    expect(await storage.countOutbox()).to.equal(3);
  });

  it('asks the host for a new bearer token on 401, sends version 2.0 and takes an endpoint without a trailing slash', async () => {
    await requireBearer('fresh-token');
    const registration = uuid();
    const batch = statements(4, registration);
    await storage.enqueueStatements(batch);
    const reasons: string[] = [];
    sync = new LrsSync(
      storage,
      {
        endpoint: info.endpoint.replace(/\/$/, ''),
        version: '2.0',
        token: (reason) => {
          reasons.push(reason);
          return reason === 'initial' ? 'stale-token' : 'fresh-token';
        },
      },
      FAST,
    );
    sync.start();
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    expect(reasons).to.deep.equal(['initial', 'unauthorized']);
    const requests = await proxyRequests();
    expect(requests.map((r) => r.version)).to.deep.equal(['2.0.0', '2.0.0']);
    expect(requests.map((r) => r.authorization)).to.deep.equal(['Bearer stale-token', 'Bearer fresh-token']);
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
  });

  it('sends to several LRSs, each at its own pace, and empties the outbox once all have everything', async () => {
    const registration = uuid();
    const batch = statements(60, registration);
    await storage.enqueueStatements(batch);
    await injectFaults({ type: 'status', status: 503 });
    sync = new LrsSync(storage, [basic(), { endpoint: info.direct, username: 'test', password: 'test', name: 'direct' }], {
      ...FAST,
      batchSize: 25,
    });
    sync.start();
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    // Both LRS endpoints are the same store here: identical ids are stored once.
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
    expect(sync.status.lrs.map((lrs) => lrs.state)).to.deep.equal(['idle', 'idle']);
  });

  it('syncs again as soon as the browser is back online, without waiting for the retry', async () => {
    const registration = uuid();
    const batch = statements(8, registration);
    await storage.enqueueStatements(batch);
    await setLrsDown(true);
    sync = new LrsSync(storage, basic(), { ...FAST, retryBaseMs: 600_000, retryMaxMs: 600_000 });
    await sync.start();
    expect(sync.status.lrs[0].state).to.equal('waiting');
    await setLrsDown(false);
    window.dispatchEvent(new Event('online'));
    await until(async () => (await storage.countOutbox()) === 0, 'the outbox is empty');
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
  });

  it('sends statements queued later on the interval, and shortly after they are queued', async () => {
    const registration = uuid();
    sync = new LrsSync(storage, basic(), { ...FAST, intervalMs: 150, debounceMs: 600_000 });
    await sync.start();
    const first = statements(3, registration);
    await storage.enqueueStatements(first);
    await until(async () => (await storage.countOutbox()) === 0, 'the interval sent them');
    sync.stop();
    sync = new LrsSync(storage, basic(), { ...FAST, intervalMs: 0, debounceMs: 20 });
    await sync.start();
    const second = statements(2, registration);
    await storage.enqueueStatements(second);
    await until(async () => (await storage.countOutbox()) === 0, 'the debounce sent them');
    await expectExactlyOnce(
      registration,
      [...first, ...second].map((s) => s.id),
    );
  });

  it('rejects an invalid statement where it is queued, and queues nothing of that call', async () => {
    const guarded: StorageAdapter = validateBeforeQueueing(storage);
    const batch = statements(3);
    (batch[1] as { verb: unknown }).verb = { id: 'not an iri' };
    let error: unknown;
    try {
      await guarded.enqueueStatements(batch);
    } catch (caught) {
      error = caught;
    }
    expect(isLmsError(error, 'xapi/invalid-statement')).to.equal(true);
    expect((error as Error).message).to.contain(batch[1].id);
    expect((error as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).to.include('[1].verb.id');
    expect(await storage.countOutbox()).to.equal(0);
  });

  it('lets one tab at a time drain a shared outbox: two tabs syncing at once send nothing twice', async () => {
    const dbName = `lms-kit-tabs-${uuid()}`;
    const registration = uuid();
    const batch = statements(1500, registration);
    const dexie = new DexieAdapter({ databaseName: dbName });
    await dexie.enqueueStatements(batch);
    await dexie.close();
    const tabs = [await openTab('/test/pages/sync-tab.html'), await openTab('/test/pages/sync-tab.html')];
    const config = JSON.stringify(basic());
    for (const tab of tabs) {
      await waitInTab(tab, 'window.ready');
      await evalInTab(
        tab,
        `(() => { const storage = window.lms.observeStorage(new window.lms.DexieAdapter({ databaseName: '${dbName}' }));
          window.sync = new window.lms.LrsSync(storage, ${config}, { batchSize: 100, intervalMs: 0, debounceMs: 10 });
          window.storage = storage; return true; })()`,
      );
    }
    await Promise.all(tabs.map((tab) => evalInTab(tab, 'window.sync.start(), true')));
    await until(async () => (await evalInTab<number>(tabs[0], 'window.storage.countOutbox()')) === 0, 'the shared outbox is empty', 45_000);
    for (const tab of tabs) await evalInTab(tab, 'window.sync.syncNow().then(() => true)');
    await expectExactlyOnce(
      registration,
      batch.map((s) => s.id),
    );
    const posted = (await proxyRequests()).reduce((sum, request) => sum + request.count, 0);
    expect(posted, 'statements posted by both tabs together').to.equal(1500);
    for (const tab of tabs) {
      await evalInTab(tab, 'window.sync.stop(), window.storage.close(), true');
      await closeTab(tab);
    }
    await Dexie.delete(dbName);
  });
});
