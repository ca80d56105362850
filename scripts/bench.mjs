/**
 * `npm run bench`: runs every benchmark in bench/ and prints its numbers.
 *   bench/*.bench.ts  run in Chromium: the module's default export is `async () => BenchResult[]`.
 *   bench/*.node.mjs  run in Node: same contract (for servers, networks, files).
 * `npm run bench -- quiz` runs only the files whose name contains "quiz".
 * Results also go to bench/results/latest.json.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench').filter((file) => file.includes(filter));
const browserBenches = files.filter((file) => file.endsWith('.bench.ts'));
const nodeBenches = files.filter((file) => file.endsWith('.node.mjs'));
const results = [];

if (browserBenches.length) {
  rmSync('bench/.out', { recursive: true, force: true });
  await build({
    entryPoints: browserBenches.map((file) => join('bench', file)),
    outdir: 'bench/.out',
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    conditions: ['source', 'production'],
    tsconfig: 'tsconfig.base.json',
    logLevel: 'error',
  });
  const server = await startStaticServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
  try {
    for (const file of browserBenches) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`${file}: ${error.message}`));
      await page.goto(`${origin}/bench/runner.html`);
      const module = `/bench/.out/${file.replace(/\.ts$/, '.js')}`;
      const out = await page.evaluate(async (path) => (await import(path)).default(), module);
      results.push(...out.map((r) => ({ file, ...r })));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

// Sizes of the quiz code a page downloads when it first shows a quiz, from the build in dist/.
if ('quiz.bench.ts'.includes(filter) || filter === '') results.push(...(await quizChunkSizes()));

// First-lesson JavaScript of the five consumer apps, from the last `npm run test:consumer`.
if ('consumer'.includes(filter) || filter === '') results.push(...(await consumerAppSizes()));

for (const file of nodeBenches) {
  const { default: run } = await import(pathToFileURL(resolve('bench', file)).href);
  results.push(...(await run()).map((r) => ({ file, ...r })));
}

console.log('\nbenchmark                                                   result');
for (const r of results) console.log(`${r.name.padEnd(58)} ${String(r.value).padStart(10)} ${r.unit}${r.note ? `   (${r.note})` : ''}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));

/** min and min+gzip of the chunks `<lms-quiz>` loads (its chunk and what it imports that the entry does not). */
async function quizChunkSizes() {
  const { existsSync, readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  if (!existsSync('dist/bundle-manifest.json')) {
    console.warn('dist/ is missing: run `npm run build` for the quiz element size.');
    return [];
  }
  const chunks = JSON.parse(readFileSync('dist/bundle-manifest.json', 'utf8'));
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry);
  const quiz = chunks.find((chunk) => /lms-quiz-[^/]*\.js$/.test(chunk.fileName) && !chunk.fileName.includes('lesson'));
  if (!quiz) return [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || name === entry.fileName) return;
    seen.add(name);
    byName.get(name)?.imports.forEach(visit);
  };
  visit(quiz.fileName);
  let min = 0;
  let gz = 0;
  const withoutPurify = [...seen].filter((name) => !name.includes('purify'));
  for (const name of withoutPurify) {
    const source = readFileSync(`dist/${name}`);
    min += source.length;
    gz += gzipSync(source, { level: 9 }).length;
  }
  const kib = (bytes) => Number((bytes / 1024).toFixed(2));
  return [
    {
      file: 'dist/',
      name: '<lms-quiz> code loaded on first use, min',
      value: kib(min),
      unit: 'KiB',
      note: `${withoutPurify.length} chunks beyond the entry`,
    },
    {
      file: 'dist/',
      name: '<lms-quiz> code loaded on first use, min+gz',
      value: kib(gz),
      unit: 'KiB',
      note: 'plus DOMPurify when not loaded yet (shared with text lessons)',
    },
  ];
}

/** What each consumer app (Vite + TS, React, Vue, webpack, CDN page) downloads until its first lesson shows, min+gzip. */
async function consumerAppSizes() {
  const { existsSync, readFileSync } = await import('node:fs');
  if (!existsSync('test-results/consumer.json')) {
    console.warn('No consumer app sizes: run `npm run build && npm run test:consumer` first.');
    return [];
  }
  const { results: apps } = JSON.parse(readFileSync('test-results/consumer.json', 'utf8'));
  return apps.map(({ app, jsGzip, jsFiles }) => ({
    file: 'test/consumer',
    name: `first-lesson JS, ${app} app, min+gz`,
    value: Number((jsGzip / 1024).toFixed(1)),
    unit: 'KiB',
    note: `${jsFiles} files, framework included`,
  }));
}
