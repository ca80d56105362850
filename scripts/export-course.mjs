/**
 * Exports a course folder as SCORM 1.2, SCORM 2004 4th edition and cmi5 zips, with the one-file build
 * (`packages/elements/cdn`, made by `npm run build`) inside as the runtime, and prints their sizes.
 *   node scripts/export-course.mjs demo/course/food-safety.json [out-dir]
 * Every file of the course's folder goes into the package (lesson HTML may embed images the course JSON
 * does not name).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportCoursePackage } from '../packages/scorm/dist/export/index.js';

const [coursePath, out = 'dist/exports'] = process.argv.slice(2);
if (!coursePath) {
  console.error('usage: node scripts/export-course.mjs <course.json> [out-dir]');
  process.exit(2);
}
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
const folder = dirname(coursePath);
const files = Object.fromEntries(
  walk(folder)
    .filter((path) => path !== coursePath)
    .map((path) => [relative(folder, path), readFileSync(path)]),
);
const runtimeDir = 'packages/elements/cdn';
const runtimeFiles = Object.fromEntries(
  walk(runtimeDir)
    .filter((path) => path.endsWith('.js') && !path.endsWith('lms-kit-sw.js'))
    .map((path) => [`lms-kit/${relative(runtimeDir, path)}`, readFileSync(path)]),
);
const course = JSON.parse(readFileSync(coursePath, 'utf8'));
mkdirSync(out, { recursive: true });
for (const format of ['scorm12', 'scorm2004', 'cmi5']) {
  const started = performance.now();
  const {
    zip,
    fileName,
    files: entries,
  } = await exportCoursePackage(course, {
    format,
    files,
    runtime: { entry: 'lms-kit/lms-kit.js', files: runtimeFiles },
  });
  writeFileSync(join(out, fileName), zip);
  const ms = Math.round(performance.now() - started);
  console.log(`${fileName}: ${(zip.length / 1024).toFixed(1)} KiB, ${entries.length} files, made in ${ms} ms`);
}
