import { existsSync } from 'node:fs';

/**
 * The Chromium the tests drive: $CHROME_PATH, Debian's /usr/bin/chromium, or one playwright
 * installed in its cache. Playwright cannot download browsers on every machine, so none is fetched here.
 */
export async function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    const { chromium } = await import('playwright');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright without its browser cache: nothing to add
  }
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  console.error(
    [
      'No Chromium found for the browser tests. Install one of:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  any system:     npx playwright install chromium',
      'or point CHROME_PATH at an existing Chromium or Chrome executable.',
    ].join('\n'),
  );
  process.exit(1);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
