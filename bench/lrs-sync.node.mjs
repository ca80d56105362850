/**
 * 10,000 statements to a real LRS (xapi-statements on 127.0.0.1): drained from the outbox by LMS Kit's
 * LrsSync in batches, versus one POST per statement as a page calling `@xapi/xapi`'s sendStatement for
 * each learning event does. `LRS_BENCH_COUNT=2000 npm run bench -- lrs` for a shorter run.
 */
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import XAPI from '@xapi/xapi';
import { startLrs, statementsOf } from '../test/server/lrs.mjs';

const COUNT = Number(process.env.LRS_BENCH_COUNT ?? 10_000);

/** LrsSync and the memory adapter, from the sources, for Node (fetch, AbortSignal.timeout and crypto are global). */
async function loadSync() {
  mkdirSync('bench/.out', { recursive: true });
  const entry = `export { LrsSync } from '@lms-kit/xapi'; export { MemoryAdapter } from '@lms-kit/storage/memory'; export { buildStatement, Verbs } from '@lms-kit/core';`;
  await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['source'],
    tsconfig: 'tsconfig.base.json',
    outfile: 'bench/.out/lrs-sync.mjs',
    logLevel: 'error',
  });
  return import(new URL('./.out/lrs-sync.mjs', import.meta.url).href);
}

function makeStatements({ buildStatement, Verbs }, registration) {
  return Array.from({ length: COUNT }, (_, index) =>
    buildStatement({
      actor: { objectType: 'Agent', mbox: 'mailto:bench@example.com' },
      verb: Verbs.experienced,
      object: { objectType: 'Activity', id: `https://lms-kit.test/bench/activities/${index}` },
      context: { registration },
    }),
  );
}

export default async function () {
  const lib = await loadSync();
  const lrs = await startLrs();
  try {
    const auth = `Basic ${Buffer.from('test:test').toString('base64')}`;

    // LMS Kit: the outbox drained by LrsSync (batches of 250, in order, with its bookkeeping).
    const batchedRegistration = crypto.randomUUID();
    const storage = new lib.MemoryAdapter();
    await storage.enqueueStatements(makeStatements(lib, batchedRegistration));
    const sync = new lib.LrsSync(storage, { endpoint: lrs.endpoint, username: 'test', password: 'test' }, { intervalMs: 0 });
    let start = performance.now();
    await sync.syncNow();
    const batchedMs = performance.now() - start;
    if ((await storage.countOutbox()) !== 0) throw new Error('the outbox was not drained');
    const batchedStored = (await statementsOf(lrs, batchedRegistration)).length;

    // Naive: one request per statement, each awaited, with @xapi/xapi.
    const naiveRegistration = crypto.randomUUID();
    const xapi = new XAPI({ endpoint: lrs.endpoint, auth, version: '1.0.3' });
    const naive = makeStatements(lib, naiveRegistration);
    start = performance.now();
    for (const statement of naive) await xapi.sendStatement({ statement });
    const naiveMs = performance.now() - start;
    const naiveStored = (await statementsOf(lrs, naiveRegistration)).length;

    if (batchedStored !== COUNT || naiveStored !== COUNT) throw new Error(`LRS holds ${batchedStored} and ${naiveStored} of ${COUNT}`);
    const round = (value) => Number(value.toFixed(0));
    return [
      {
        name: `LRS sync: ${COUNT} statements, LrsSync batches of 250`,
        value: round(batchedMs),
        unit: 'ms',
        note: `${round((COUNT / batchedMs) * 1000)} statements/s`,
      },
      {
        name: `LRS sync: ${COUNT} statements, one POST each (@xapi/xapi)`,
        value: round(naiveMs),
        unit: 'ms',
        note: `${round((COUNT / naiveMs) * 1000)} statements/s`,
      },
      { name: 'LRS sync: batched speed-up', value: Number((naiveMs / batchedMs).toFixed(1)), unit: '×', note: 'goal ≥ 20×' },
    ];
  } finally {
    await lrs.stop();
  }
}
