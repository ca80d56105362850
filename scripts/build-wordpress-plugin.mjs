/**
 * Builds the WordPress plugin zip, `dist/wordpress/lms-kit.zip`: the plugin folder
 * (`integrations/wordpress/lms-kit/`) with the CDN bundle of `@lms-kit/elements` (`packages/elements/cdn/`,
 * made by `npm run build`) in `assets/lms-kit/`, so the site serves everything itself with no build step.
 * `node scripts/build-wordpress-plugin.mjs` prints the zip's size.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN = join(ROOT, 'integrations/wordpress/lms-kit');
const CDN = join(ROOT, 'packages/elements/cdn');
export const PLUGIN_ZIP = join(ROOT, 'dist/wordpress/lms-kit.zip');

/** Adds the files under `base` to `into`, named `<prefix>/<path under base>`. */
const add = (base, into, prefix, folder = base) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) add(base, into, prefix, full);
    else into[`${prefix}/${relative(base, full).split(sep).join('/')}`] = readFileSync(full);
  }
};

/** Zips the plugin; answers the zip's path and size. */
export function buildWordPressPlugin() {
  if (!existsSync(join(CDN, 'lms-kit.js')) || !existsSync(join(CDN, 'lms-kit-sw.js')))
    throw new Error('packages/elements/cdn/ has no lms-kit.js or lms-kit-sw.js: run `npm run build` first.');
  const files = {};
  add(PLUGIN, files, 'lms-kit');
  add(CDN, files, 'lms-kit/assets/lms-kit');
  // Fixed dates: the same sources give the same zip.
  const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  mkdirSync(dirname(PLUGIN_ZIP), { recursive: true });
  writeFileSync(PLUGIN_ZIP, zip);
  return { path: PLUGIN_ZIP, bytes: zip.byteLength, files: Object.keys(files).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, bytes, files } = buildWordPressPlugin();
  console.log(`${relative(ROOT, path)}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`);
}
