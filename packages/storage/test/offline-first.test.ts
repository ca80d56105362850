import { expect } from '@open-wc/testing';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { HttpStorageAdapter, OfflineFirstStorage } from '@lms-kit/storage/http';
import { runStorageAdapterSuite } from '@lms-kit/storage/test-suite';
import type { Statement } from '@lms-kit/core';
import Dexie from 'dexie';
import {
  call,
  capturedResponses,
  captureResponses,
  faultProxy,
  freshTenant,
  lmsServer,
  setFaults,
  tokenFor,
} from '../../../test/helpers/server.js';

/** IndexedDB as the cache and write-behind queue in front of the real server (PostgreSQL), offline through a proxy of our own. */
let endpoint: string;
before(async function () {
  this.timeout(180_000);
  [endpoint] = await lmsServer('postgres');
});

let databases = 0;
const tokens = new Map<string, string>();
runStorageAdapterSuite('OfflineFirstStorage (IndexedDB + server)', {
  async create() {
    const name = `offline-${Date.now()}-${++databases}`;
    const token = await tokenFor({ sub: 'mailto:ada@example.com', tenant: freshTenant('offline'), roles: ['admin'] });
    tokens.set(name, token);
    const storage = new OfflineFirstStorage({
      local: new DexieAdapter({ databaseName: name }),
      remote: new HttpStorageAdapter({ endpoint, token }),
    });
    return Object.assign(storage, { databaseName: name });
  },
  connectAgain: (adapter) => {
    const name = (adapter as OfflineFirstStorage & { databaseName: string }).databaseName;
    return new OfflineFirstStorage({
      local: new DexieAdapter({ databaseName: name }),
      remote: new HttpStorageAdapter({ endpoint, token: tokens.get(name)! }),
    });
  },
  destroy: (adapter) => Dexie.delete((adapter as OfflineFirstStorage & { databaseName: string }).databaseName),
});

describe('OfflineFirstStorage offline', function () {
  this.timeout(60_000);
  const learnerId = 'mailto:ada@example.com';
  const key = { learnerId, courseId: 'food-safety' };
  const now = new Date().toISOString();
  const statement = (n: number): Statement => ({
    id: crypto.randomUUID(),
    actor: { objectType: 'Agent', mbox: learnerId },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `urn:test:${n}` },
    timestamp: now,
  });

  it('keeps working offline and sends the queued writes exactly once when the server is back, across a reload and a dropped answer', async () => {
    const proxy = await faultProxy(endpoint);
    const token = await tokenFor({ sub: learnerId, tenant: freshTenant('net') });
    const database = `offline-net-${Date.now()}`;
    const open = () =>
      new OfflineFirstStorage({
        local: new DexieAdapter({ databaseName: database }),
        remote: new HttpStorageAdapter({ endpoint: proxy, token }),
        retryBaseMs: 50,
        retryMaxMs: 200,
      });
    const server = new HttpStorageAdapter({ endpoint, token });
    let storage = open();
    try {
      await setFaults(proxy, { down: true });
      await storage.updateProgress(key, () => ({ ...key, registration: 'r', lessons: {}, timeSpentMs: 0, startedAt: now, updatedAt: now }));
      for (let i = 0; i < 5; i++) await storage.updateProgress(key, (p) => ({ ...p!, timeSpentMs: p!.timeSpentMs + 1 }));
      await storage.updateLessonState({ ...key, lessonId: 'video' }, () => ({ ...key, lessonId: 'video', position: 42, updatedAt: now }));
      await storage.enqueueStatements([statement(1), statement(2)]);
      await storage.enqueueStatements([statement(3)]);
      expect((await storage.getProgress(key))!.timeSpentMs).to.equal(5);
      expect(await storage.pending()).to.be.greaterThan(0);
      expect(await server.getProgress(key)).to.equal(undefined);

      // The tab goes away offline; a new one opens on the same IndexedDB.
      await storage.close();
      storage = open();
      // Back online, but the answer to the first write is lost after the server stored it.
      await captureResponses(proxy);
      await setFaults(proxy, { down: false, dropAfterStore: 1 });
      for (let i = 0; i < 50 && (await storage.pending()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await storage.pending()).to.equal(0);
      // The queue went up as batches (the first one's answer lost, so sent again), not write by write.
      const writes = (await capturedResponses(proxy)).filter((r) => r.method !== 'GET');
      expect(writes.map((r) => new URL(r.url).pathname)).to.deep.equal(['/v1/batch']);
      expect(JSON.parse(writes[0].body).results.map((r: { status: number }) => r.status)).to.deep.equal([200, 200, 204, 204]);
      expect((await server.getProgress(key))!.timeSpentMs).to.equal(5);
      expect((await server.getLessonState({ ...key, lessonId: 'video' }))!.position).to.equal(42);
      const queued = await call(endpoint, token, 'GET', 'v1/outbox?limit=100');
      expect(queued.body.items.map((e: { statement: Statement }) => e.statement.object)).to.deep.equal(
        [1, 2, 3].map((n) => ({ objectType: 'Activity', id: `urn:test:${n}` })),
      );
    } finally {
      await storage.close();
      await Dexie.delete(database);
    }
  });
});
