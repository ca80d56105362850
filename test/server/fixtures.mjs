import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the third-party course packages are (never copied into the project): `$LMS_KIT_FIXTURES`,
 * or `../shared/fixtures` beside the clone.
 */
export function fixturesDir() {
  return resolve(root, process.env.LMS_KIT_FIXTURES ?? '../shared/fixtures');
}

/** True when the fixtures folder is there (its README marks it as the right folder). */
export function fixturesFound() {
  return existsSync(resolve(fixturesDir(), 'README.md'));
}

/** The one line a run prints when it skips what needs the fixtures. */
export function fixturesMissingLine(what) {
  return `${what} skipped: third-party fixtures not found at ${fixturesDir()} (put them there or set LMS_KIT_FIXTURES=/path/to/fixtures).`;
}
