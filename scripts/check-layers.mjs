/**
 * Fails when a module of @lms-kit/elements imports (statically or lazily) from a layer above its own:
 * element classes never reach the `define/` registrations, which only the entry points import, and
 * shared code never reaches into the elements. Layers, bottom up, by folder (a file at the root of
 * `src/` is an entry point unless listed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = 'packages/elements/src';
const LAYERS = [
  ['i18n', 'styles', 'events', 'context', 'autoload.ts'],
  ['controllers', 'lessons', 'quiz', 'course', 'cmi5', 'certificates', 'sync', 'offline'],
  ['components'],
  ['define', 'tag-map.ts'],
  ['index.ts', 'all.ts', 'service-worker'],
];

const layerOf = (file) => {
  const top = relative(SRC, file).split('/')[0];
  const index = LAYERS.findIndex((names) => names.includes(top));
  if (index < 0) throw new Error(`${relative(SRC, file)}: no layer is given for "${top}" in scripts/check-layers.mjs`);
  return index;
};

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(?\s*['"](\.[^'"]+)['"]/g;
const problems = [];
for (const file of files(SRC)) {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(IMPORT)) {
    const target = resolve(dirname(file), (match[1] ?? match[2]).replace(/\.js$/, '.ts'));
    if (layerOf(target) > layerOf(file)) problems.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
  }
}
if (problems.length) {
  console.error(`Imports from a layer above (see scripts/check-layers.mjs):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('elements import graph: no module imports from a layer above it');
