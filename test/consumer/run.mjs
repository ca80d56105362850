/**
 * The consumer test: what a developer adopting LMS Kit meets. The packages are packed with
 * `npm pack` (run `npm run build` first) and installed from the tarballs, with no workspace link,
 * into five fresh apps: Vite + TypeScript, React 19, Vue 3, webpack 5 and a page that loads the CDN
 * build from another origin. Each app is built with its own tools, served on 127.0.0.1, and plays
 * the demo's native course and SCORM package in Chromium: statements must reach the outbox with no
 * `lms-error`, no page error and no missing file. Prints the JavaScript each app loads for the
 * first lesson (min+gzip) and writes it to test-results/consumer.json for `npm run bench`.
 *
 *   node test/consumer/run.mjs [app…]      LMS_KIT_CONSUMER_DIR=<dir> keeps the apps there (reused when present)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { packAll } from '../../scripts/pack.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const APPS = ['vite-ts', 'react', 'vue', 'webpack', 'cdn'];
const only = process.argv.slice(2);
const apps = only.length ? APPS.filter((app) => only.includes(app)) : APPS;
const COURSES = {
  native: { src: '/course/food-safety.json', firstLesson: 'lms-text-lesson' },
  scorm: { src: '/scorm/allergen-check.zip', firstLesson: 'lms-scorm-lesson' },
};

if (!existsSync(join(ROOT, 'packages/elements/dist/index.js')) || !existsSync(join(ROOT, 'packages/elements/cdn/lms-kit.js'))) {
  console.error('The packages are not built: run `npm run build` first.');
  process.exit(1);
}

const work = process.env.LMS_KIT_CONSUMER_DIR
  ? resolve(process.env.LMS_KIT_CONSUMER_DIR)
  : mkdtempSync(join(tmpdir(), 'lms-kit-consumer-'));
mkdirSync(work, { recursive: true });
const step = (message) => console.log(`[consumer] ${message}`);
const sh = (command, args, cwd, env = {}) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });

// 1. Tarballs, as a registry would serve them.
step(`packing into ${work}/tarballs`);
// The browser apps take every package but the Node server (checked by publint/attw in check:packages).
const tarballs = packAll(join(work, 'tarballs')).filter(({ name }) => name !== '@lms-kit/server');
const dependencies = Object.fromEntries(tarballs.map(({ name, tarball }) => [name, `file:${tarball}`]));

// 2. Apps: one npm workspace so that one install (one cache) serves all five; each app lists the tarballs itself.
for (const app of APPS) {
  const target = join(work, app);
  cpSync(join(ROOT, 'test/consumer/apps', app), target, { recursive: true });
  const json = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  json.dependencies = dependencies;
  writeFileSync(join(target, 'package.json'), JSON.stringify(json, null, 2));
  cpSync(join(ROOT, 'demo/course'), join(target, 'public/course'), { recursive: true });
  mkdirSync(join(target, 'public/scorm'), { recursive: true });
  cpSync(join(ROOT, 'demo/scorm/allergen-check.zip'), join(target, 'public/scorm/allergen-check.zip'));
}
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'lms-kit-consumers', private: true, workspaces: APPS }, null, 2));
// New tarballs every run: the previous run's lock and copies would keep the old ones.
rmSync(join(work, 'package-lock.json'), { force: true });
rmSync(join(work, 'node_modules/@lms-kit'), { recursive: true, force: true });
step('npm install (registry: vite, react, vue, webpack; LMS Kit from the tarballs)');
let started = Date.now();
sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], work);
step(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const linked = readdirSync(join(work, 'node_modules/@lms-kit')).filter((name) =>
  existsSync(join(work, 'node_modules/@lms-kit', name, 'src')),
);
if (linked.length !== tarballs.length)
  throw new Error(`expected ${tarballs.length} @lms-kit packages from tarballs, found ${linked.join(', ')}`);

// 3. Build every app with its own tools.
for (const app of apps) {
  started = Date.now();
  try {
    sh('npm', ['run', 'build', '--silent'], join(work, app));
  } catch (error) {
    console.error(`${app}: build failed\n${error.stdout}\n${error.stderr}`);
    process.exitCode = 1;
  }
  step(`${app} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// 4. Play the courses in Chromium.
const cdn = await startStaticServer({ root: join(work, 'node_modules/@lms-kit/elements/cdn'), cors: true });
const cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;
const cdnPage = readFileSync(join(work, 'cdn/index.html'), 'utf8').replaceAll('CDN_ORIGIN', cdnOrigin);
writeFileSync(join(work, 'cdn/public/index.html'), cdnPage);

const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
const results = [];
let failures = 0;
try {
  for (const app of apps) {
    const server = await startStaticServer({
      root: join(work, app, app.startsWith('vite') || ['react', 'vue'].includes(app) ? 'dist' : 'public'),
    });
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      for (const [kind, course] of Object.entries(COURSES)) {
        const outcome = await play(origin, course);
        const ok = outcome.statements > 0 && outcome.problems.length === 0;
        if (!ok) failures += 1;
        const js =
          kind === 'native' ? ` · first-lesson JS ${(outcome.jsGzip / 1024).toFixed(1)} KiB min+gz (${outcome.jsFiles} files)` : '';
        console.log(`${ok ? 'ok  ' : 'FAIL'} ${app.padEnd(8)} ${kind.padEnd(6)} ${outcome.statements} statements queued${js}`);
        for (const problem of outcome.problems) console.log(`       ${problem}`);
        if (kind === 'native') results.push({ app, jsGzip: outcome.jsGzip, jsMin: outcome.jsMin, jsFiles: outcome.jsFiles, ok });
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  cdn.close();
}

mkdirSync(join(ROOT, 'test-results'), { recursive: true });
// A run of some apps keeps the others' last numbers.
const resultsFile = join(ROOT, 'test-results/consumer.json');
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).results : [];
const merged = [...previous.filter((old) => !apps.includes(old.app)), ...results].sort((a, b) => APPS.indexOf(a.app) - APPS.indexOf(b.app));
writeFileSync(resultsFile, JSON.stringify({ date: new Date().toISOString(), results: merged }, null, 2));
console.log(`consumer apps: ${apps.length * 2 - failures} passed, ${failures} failed`);
if (failures) process.exitCode = 1;

/** Opens the app on `course` in a fresh profile; returns the statements queued, the JS loaded and what went wrong. */
async function play(origin, course) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const scripts = new Map();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', async (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    const type = response.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(response.url())) {
      const body = await response.body().catch(() => undefined);
      if (body) scripts.set(response.url(), body);
    }
  });
  await page.addInitScript(() => {
    window.__lmsErrors = [];
    addEventListener('lms-error', (event) => window.__lmsErrors.push(`${event.detail.error.code}: ${event.detail.error.message}`), true);
  });
  let statements = 0;
  try {
    await page.goto(`${origin}/?src=${encodeURIComponent(course.src)}`);
    await page.locator(course.firstLesson).first().waitFor({ state: 'attached', timeout: 30_000 });
    const jsMin = [...scripts.values()].reduce((sum, body) => sum + body.length, 0);
    const jsGzip = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const jsFiles = scripts.size;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      statements = await page.evaluate(() => window.lmsKitOutbox?.() ?? 0);
      if (statements > 0) break;
      await page.waitForTimeout(250);
    }
    if (statements === 0) problems.push('no statement reached the outbox in 30 s');
    // A moment for late errors (a statement refused by the validator, a failed save).
    await page.waitForTimeout(500);
    problems.push(...(await page.evaluate(() => window.__lmsErrors)).map((error) => `lms-error ${error}`));
    return { statements, problems, jsMin, jsGzip, jsFiles };
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
    problems.push(...(await page.evaluate(() => window.__lmsErrors ?? []).catch(() => [])).map((e) => `lms-error ${e}`));
    return { statements, problems, jsMin: 0, jsGzip: 0, jsFiles: 0 };
  } finally {
    await context.close();
  }
}
