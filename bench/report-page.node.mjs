/**
 * `<lms-report>` in Chromium over `HttpStorageAdapter` against the server on a real PostgreSQL holding
 * 10,000 learners × 50 lessons (seeded as server.node.mjs seeds it): first data render, a scroll through
 * the virtualized table and CSV export, each against the same render from data already in the page.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import pg from 'pg';
import { chromium } from 'playwright';
import { buildServer } from '../scripts/build-server.mjs';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { signToken, spawnServer } from '../test/server/lms-server.mjs';
import { startPostgres } from '../test/server/postgres.mjs';
import { REPORT_LEARNERS, seedReportCourse } from './server.node.mjs';

const OUT = 'bench/.out-report';

export default async function run() {
  rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: ['bench/report-page.ts'],
    outdir: OUT,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    conditions: ['source', 'production'],
    tsconfig: 'tsconfig.base.json',
    logLevel: 'error',
  });
  const postgres = await startPostgres();
  const cleanups = [() => postgres.stop()];
  try {
    const url = await postgres.database('bench_report_page');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const server = await spawnServer(await buildServer(), { DATABASE_URL: url, LMS_DB_POOL: '10' });
    cleanups.push(() => server.stop());
    const tenant = 'bench-report-page';
    await seedReportCourse(db, tenant);
    await db.end();
    const token = await signToken({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });

    const pages = await startStaticServer();
    cleanups.push(() => pages.close());
    const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`report-page: ${error.message}`));
    await page.goto(`http://127.0.0.1:${pages.address().port}/bench/runner.html`);
    return await page.evaluate(
      async ([module, endpoint, key, learners]) => (await import(module)).default(endpoint, key, 'big-course', learners),
      [`/${OUT}/report-page.js`, server.url, token, REPORT_LEARNERS],
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
