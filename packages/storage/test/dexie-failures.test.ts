import { expect } from '@open-wc/testing';
import { isLmsError, type CourseProgress } from '@lms-kit/core';
import { DexieAdapter, applySchema, latestSchemaVersion, schemaVersions } from '@lms-kit/storage/dexie';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';

const key = { learnerId: 'mailto:ada@example.com', courseId: 'c1' };
const progress = (timeSpentMs: number): CourseProgress => ({
  ...key,
  registration: 'r',
  lessons: {},
  timeSpentMs,
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function failure(work: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await work;
  } catch (error) {
    expect(isLmsError(error), String(error)).to.equal(true);
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('DexieAdapter failures', () => {
  let name: string;
  beforeEach(() => {
    name = `failures-${Date.now()}-${Math.random()}`;
  });
  afterEach(async () => {
    await Dexie.delete(name);
  });

  it('turns a real QuotaExceededError into storage/quota-exceeded and keeps what was stored', async () => {
    // A fresh profile whose quota (512 KiB) is set before it first stores anything.
    const tab = await openTab('/test/pages/storage-tab.html', { isolated: true, quotaSize: 512 * 1024 });
    try {
      await waitInTab(tab, 'window.ready');
      const outcome = await evalInTab<{ error?: { code: string; message: string }; kept?: number; big?: string }>(
        tab,
        `(async () => {
          const key = ${JSON.stringify(key)};
          const adapter = new window.lms.DexieAdapter({ databaseName: 'quota' });
          await adapter.updateProgress(key, () => (${JSON.stringify(progress(1))}));
          let error;
          try {
            await adapter.setValue('big', 'x'.repeat(2000000));
          } catch (e) {
            error = { code: e.code, message: e.message };
          }
          return { error, kept: (await adapter.getProgress(key))?.timeSpentMs, big: await adapter.getValue('big') };
        })()`,
      );
      expect(outcome.error?.code).to.equal('storage/quota-exceeded');
      expect(outcome.error?.message).to.contain('Browser storage is full');
      expect(outcome.kept).to.equal(1);
      expect(outcome.big).to.equal(undefined);
    } finally {
      await closeTab(tab);
    }
  });

  it('reports storage/upgrade-blocked when another tab holds an older version open', async () => {
    // An older build of the site, open in another tab, that ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('legacy');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const adapter = new DexieAdapter({ databaseName: name, blockedTimeoutMs: 300 });
    const error = await failure(adapter.getProgress(key));
    expect(error.code).to.equal('storage/upgrade-blocked');
    old.close();
    // Once the other tab closes, the next call opens and upgrades.
    expect(await adapter.getProgress(key)).to.equal(undefined);
    await adapter.close();
  });

  it('opens a database left by a newer version of the site without losing its data', async () => {
    const newer = new Dexie(name);
    newer.version(latestSchemaVersion + 5).stores({ progress: '[learnerId+courseId]', future: 'id' });
    await newer.table('future').put({ id: 'kept' });
    await newer.table('progress').put(progress(7));
    newer.close();
    const adapter = new DexieAdapter({ databaseName: name });
    expect((await adapter.getProgress(key))?.timeSpentMs).to.equal(7);
    await adapter.setValue('k', 1);
    await adapter.close();
    const reopened = new Dexie(name);
    await reopened.open();
    expect(await reopened.table('future').get('kept')).to.deep.equal({ id: 'kept' });
    reopened.close();
  });

  it('upgrades an older database step by step, running each migration once and keeping the data', async () => {
    const v1 = new Dexie(name);
    applySchema(v1, schemaVersions);
    await v1.table('progress').put(progress(3));
    v1.close();
    // The mechanism a future schema change uses: append a version with an upgrade function.
    const next = latestSchemaVersion + 1;
    const upgraded = new Dexie(name);
    let runs = 0;
    applySchema(upgraded, [
      ...schemaVersions,
      {
        version: next,
        stores: { progress: '[learnerId+courseId], learnerId, updatedAt' },
        upgrade: async (transaction) => {
          runs++;
          await transaction
            .table('progress')
            .toCollection()
            .modify((row: CourseProgress & { migrated?: boolean }) => {
              row.migrated = true;
            });
        },
      },
    ]);
    await upgraded.open();
    expect(upgraded.verno).to.equal(next);
    const row = (await upgraded.table('progress').get([key.learnerId, key.courseId])) as CourseProgress & { migrated?: boolean };
    expect(row.timeSpentMs).to.equal(3);
    expect(row.migrated).to.equal(true);
    expect(await upgraded.table('progress').where('updatedAt').equals(row.updatedAt).count()).to.equal(1);
    upgraded.close();
    const again = new Dexie(name);
    applySchema(again, [
      ...schemaVersions,
      { version: next, stores: { progress: '[learnerId+courseId], learnerId, updatedAt' }, upgrade: () => void runs++ },
    ]);
    await again.open();
    again.close();
    expect(runs, 'a migration runs once').to.equal(1);
  });

  it('reports storage/unavailable where the browser refuses IndexedDB (opaque origin)', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    const answer = new Promise<{ code: string; message: string }>((resolve) => {
      window.addEventListener('message', function listener(event) {
        if (event.source !== frame.contentWindow) return;
        window.removeEventListener('message', listener);
        resolve(event.data);
      });
    });
    frame.src = '/test/pages/opaque-storage.html';
    document.body.append(frame);
    const { code, message } = await answer;
    frame.remove();
    expect(code).to.equal('storage/unavailable');
    expect(message).to.contain('does not allow this page to keep data');
  });
});
