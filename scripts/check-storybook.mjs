/**
 * Opens every story and docs page of the static Storybook (`npm run build-storybook` first) in
 * Chromium, and fails on a page error or a file the build does not have. Stories of error states
 * ask for files that do not exist on purpose (`missing.json`, `no-such-package`, the hostile HTML's `x`): those 404s are expected.
 * It also reads the controls each story offers and fails on one that is not a settable public property
 * of the story's element in custom-elements.json (no private or read-only state); it prints the count per element.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { declarationOf, settableProperties } from '../.storybook/public-controls.mjs';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
/** Control names by element, over all its stories. */
const controlsByElement = new Map();

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
      if (entry.type === 'story') problems.push(...(await checkControls(page, entry.id)));
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
console.log(
  `Controls per element: ${[...controlsByElement]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, names]) => `${tag} ${names.size}${names.size ? ` (${[...names].join(', ')})` : ''}`)
    .join('; ')}`,
);
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}

/** The story's controls as Storybook prepared them; a problem for each that is not a settable public property. */
async function checkControls(page, storyId) {
  const { component, controls } = await page.evaluate(async (id) => {
    const story = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id });
    const active = Object.entries(story.argTypes ?? {}).filter(([, argType]) => argType.control && !argType.control.disable);
    return { component: typeof story.component === 'string' ? story.component : undefined, controls: active.map(([name]) => name) };
  }, storyId);
  const settable = settableProperties(declarationOf(manifest, component));
  const names = controlsByElement.get(component ?? '(no element)') ?? new Set();
  controlsByElement.set(component ?? '(no element)', names);
  for (const name of controls) names.add(name);
  return controls
    .filter((name) => !settable.has(name))
    .map((name) => `control "${name}" is not a settable public property of <${component ?? 'no element'}> in custom-elements.json`);
}
