/**
 * Prints the min+gzip size of the single-file build: what a page downloads up front (the entry
 * `dist/lms-kit.js` and the chunks it imports statically) and each chunk loaded on demand.
 * Fails when the up-front part is over budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** What a page downloads before the elements work; everything else loads on demand. */
const ENTRY_BUDGET_KIB = 20;

const chunks = JSON.parse(readFileSync('dist/bundle-manifest.json', 'utf8'));
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
const sizeOf = (fileName) => {
  const source = readFileSync(`dist/${fileName}`);
  return { min: source.length, gz: gzipSync(source, { level: 9 }).length };
};

/** The entry and everything it imports statically: all of it loads before the elements work. */
function upFront(entry) {
  const seen = new Set();
  const visit = (fileName) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    byName.get(fileName)?.imports.forEach(visit);
  };
  visit(entry);
  return [...seen];
}

const kib = (bytes) => (bytes / 1024).toFixed(2).padStart(8);
const entry = chunks.find((chunk) => chunk.isEntry).fileName;
const initial = upFront(entry);
const lazy = chunks.map((c) => c.fileName).filter((name) => !initial.includes(name));

console.log('chunk                                          min KiB  min+gz KiB');
const total = { min: 0, gz: 0 };
for (const name of initial) {
  const size = sizeOf(name);
  total.min += size.min;
  total.gz += size.gz;
  console.log(`${name.padEnd(44)} ${kib(size.min)}   ${kib(size.gz)}   (loaded up front)`);
}
console.log(`${'= lms-kit.js entry, up front'.padEnd(44)} ${kib(total.min)}   ${kib(total.gz)}   budget ${ENTRY_BUDGET_KIB} KiB`);
for (const name of lazy.sort()) {
  const size = sizeOf(name);
  console.log(`${name.padEnd(44)} ${kib(size.min)}   ${kib(size.gz)}   (on demand)`);
}
if (total.gz / 1024 > ENTRY_BUDGET_KIB) {
  console.error(
    `\nOVER BUDGET: the entry loads ${(total.gz / 1024).toFixed(2)} KiB min+gz up front (budget ${ENTRY_BUDGET_KIB} KiB). Move what only some pages need behind a dynamic import.`,
  );
  process.exit(1);
}
