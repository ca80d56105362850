/**
 * Opens every story and docs page of the static Storybook (`npm run build-storybook` first) in
 * Chromium, and fails on a page error or a file the build does not have. Stories of error states
 * ask for files that do not exist on purpose (`missing.json`, `no-such-package`, the hostile HTML's `x`): those 404s are expected.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const EXPECTED_MISSING = /missing|no-such|broken|\/x$/;
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const entries = Object.values(index.entries);
const server = await startStaticServer({ root: 'storybook-static' });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
const failures = [];
try {
  for (const entry of entries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(origin) && !EXPECTED_MISSING.test(response.url()))
        problems.push(`${response.status()} ${response.url().slice(origin.length)}`);
    });
    try {
      await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`, { waitUntil: 'load' });
      // A story renders into #storybook-root, a docs page into #storybook-docs (the other stays empty).
      await page.waitForFunction(
        () => [...document.querySelectorAll('#storybook-root, #storybook-docs')].some((root) => root.childElementCount),
        null,
        {
          timeout: 15_000,
        },
      );
      await page.waitForTimeout(150);
    } catch (error) {
      problems.push(error.message.split('\n')[0]);
    }
    await context.close();
    if (problems.length) failures.push(`${entry.id}\n${problems.map((problem) => `    ${problem}`).join('\n')}`);
  }
} finally {
  await browser.close();
  server.close();
}
const stories = entries.filter((entry) => entry.type === 'story').length;
console.log(`Storybook: ${stories} stories and ${entries.length - stories} docs pages opened, ${failures.length} with problems`);
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
