/**
 * Runs the ADL CATAPULT LMS test suite (cmi5) against LMS Kit's LMS side in Debian's Chromium.
 *
 * The suite is read from the fixtures' catapult-lts folder ($LMS_KIT_FIXTURES, by default ../shared/fixtures;
 * or $CATAPULT_LTS for the suite alone) and prepared in a
 * temporary folder (its own npm dependencies, its test packages built with webpack), never copied
 * into the project. LMS Kit's side: a page of ours and LMS Kit's service worker, bundled here and
 * served on loopback, and a real LRS (xapi-statements) on loopback the statements are synced to.
 * Prints one line per group ("package import: 21/21 passed") and exits non-zero on any failure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { startLrs } from '../server/lrs.mjs';
import { fixturesDir, fixturesMissingLine } from '../server/fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const source = resolve(process.env.CATAPULT_LTS ?? join(fixturesDir(), 'catapult-lts'));
if (!existsSync(join(source, '__tests__'))) {
  console.log(
    process.env.CATAPULT_LTS
      ? `CATAPULT cmi5 LMS test suite skipped: not found at ${source} (CATAPULT_LTS).`
      : fixturesMissingLine('CATAPULT cmi5 LMS test suite'),
  );
  process.exit(0);
}

const step = (message) => console.log(`[catapult] ${message}`);
const run = (command, args, options) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });

/** The suite with its dependencies and built packages, prepared once per version of the suite. */
function prepareSuite() {
  const version = createHash('sha256')
    .update(readFileSync(join(source, 'package-lock.json')))
    .update(readFileSync(join(source, 'pkg/webpack.config.js')))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `lms-kit-catapult-${version}`);
  if (existsSync(join(dir, '.prepared'))) return dir;
  step(`preparing the suite in ${dir}`);
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (path) => !/[\\/](node_modules|var|pkg[\\/]dist)$/.test(path) });
  // CI's copy of the fixtures is read-only; the suite writes its builds and reports beside its files.
  run('chmod', ['-R', 'u+w', dir]);
  const env = { ...process.env, PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env });
  // webpack 5.45 hashes with MD4, which OpenSSL 3 only offers through its legacy provider.
  run('npx', ['webpack'], { cwd: join(dir, 'pkg'), env: { ...env, NODE_OPTIONS: '--openssl-legacy-provider' } });
  writeFileSync(join(dir, '.prepared'), new Date().toISOString());
  return dir;
}

/** Bundles our LMS page and LMS Kit's service worker from source into a folder to serve. */
async function buildLms() {
  const webRoot = join(tmpdir(), `lms-kit-catapult-web-${process.pid}`);
  mkdirSync(webRoot, { recursive: true });
  const plugins = () => [
    nodeResolve({ exportConditions: ['source', 'production'], browser: true }),
    commonjs({ ignoreDynamicRequires: false }),
    esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.base.json') }),
  ];
  const entries = {
    'lms-page.js': join(here, 'lms-page.ts'),
    'lms-kit-sw.js': join(root, 'packages/elements/src/service-worker/lms-kit-sw.ts'),
  };
  for (const [file, input] of Object.entries(entries)) {
    const bundle = await rollup({ input, plugins: plugins(), onwarn: () => {} });
    await bundle.write({ file: join(webRoot, file), format: 'iife', inlineDynamicImports: true });
    await bundle.close();
  }
  cpSync(join(here, 'lms.html'), join(webRoot, 'index.html'));
  return webRoot;
}

const suite = prepareSuite();
step('bundling the LMS page and the service worker');
const webRoot = await buildLms();
const server = await startStaticServer({ root: webRoot });
const lrs = await startLrs();
const origin = `http://127.0.0.1:${server.address().port}`;
const lrsEndpoint = lrs.endpoint.replace(/\/$/, '');

const puppeteerConfig = join(webRoot, 'jest-puppeteer.config.json');
writeFileSync(puppeteerConfig, JSON.stringify({ launch: { executablePath: await findChromium(), headless: true, args: chromiumArgs } }));
const results = join(webRoot, 'results.json');
step(`running the suite (LMS ${origin}, LRS ${lrsEndpoint})`);
// Asynchronously: this process also serves the LMS page while the suite runs.
const jest = spawn(
  'npx',
  ['jest', '--ci', '--runInBand', '--testTimeout=60000', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  {
    cwd: suite,
    stdio: process.env.CATAPULT_VERBOSE ? 'inherit' : ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      CATAPULT_LMS: join(here, 'lms-kit.cjs'),
      CATAPULT_LTS_DIR: suite,
      JEST_PUPPETEER_CONFIG: puppeteerConfig,
      LMS_KIT_LMS_URL: `${origin}/?lrs=${encodeURIComponent(lrs.endpoint)}&sw=/lms-kit-sw.js`,
      LMS_KIT_LRS_ENDPOINT: lrsEndpoint,
    },
  },
);
const status = await new Promise((resolvePromise) => jest.on('exit', (code) => resolvePromise(code ?? 1)));
server.close();
await lrs.stop();

let failed = status !== 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  const groups = { 'package.js': 'package import', 'runtime.js': 'runtime AU' };
  for (const file of report.testResults) {
    const name = groups[file.name.split(/[\\/]/).pop()] ?? file.name;
    const tests = file.assertionResults;
    const passed = tests.filter((test) => test.status === 'passed').length;
    const skipped = tests.filter((test) => test.status === 'pending').length;
    console.log(`CATAPULT ${name}: ${passed}/${tests.length - skipped} passed${skipped ? ` (${skipped} skipped)` : ''}`);
    totals.passed += passed;
    totals.skipped += skipped;
    totals.failed += tests.length - skipped - passed;
    for (const test of tests.filter((item) => item.status === 'failed'))
      console.log(`  ✗ ${test.fullName}\n    ${test.failureMessages.join('\n').split('\n').slice(0, 4).join('\n    ')}`);
    if (file.message && tests.length === 0) console.log(file.message);
  }
} else failed = true;
if (failed && totals.failed === 0) totals.failed = 1;
rmSync(webRoot, { recursive: true, force: true });
addToSummary(totals);
process.exit(failed ? 1 : 0);

/** Adds these counts to the browser tests' test-results/summary.json, whose "N passed, N failed, N skipped" CI reports. */
function addToSummary({ passed, failed: failures, skipped }) {
  const file = join(root, 'test-results/summary.json');
  if (!existsSync(file)) return;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(
    file,
    JSON.stringify({
      ...summary,
      passed: summary.passed + passed,
      failed: summary.failed + failures,
      skipped: (summary.skipped ?? 0) + skipped,
    }),
  );
}
