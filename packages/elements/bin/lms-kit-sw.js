#!/usr/bin/env node
/**
 * Copies LMS Kit's service worker into a folder the site serves as it is (`public/` in Vite, Next or
 * Create React App; `static/` in SvelteKit): `npx lms-kit-sw public/`. SCORM packages and cmi5
 * courses need it on the site's own origin; the elements look for it at `/lms-kit-sw.js` unless
 * `<meta name="lms-kit-service-worker" content="…">` says otherwise.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.argv[2];
if (!folder || folder === '--help' || folder === '-h') {
  console.log('Usage: lms-kit-sw <folder>   copies lms-kit-sw.js into <folder> (for example public/)');
  process.exit(folder ? 0 : 1);
}
const source = fileURLToPath(new URL('../cdn/lms-kit-sw.js', import.meta.url));
mkdirSync(resolve(folder), { recursive: true });
const target = join(resolve(folder), 'lms-kit-sw.js');
copyFileSync(source, target);
console.log(`Copied lms-kit-sw.js to ${target}`);
