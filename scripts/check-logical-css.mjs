/**
 * Fails when element styles use physical left/right properties or values: in right-to-left locales
 * they would not mirror. Use the logical ones (`margin-inline-start`, `inset-inline-end`,
 * `text-align: start`, `border-start-start-radius`…). Reads the `css` templates, `cssomStyle({…})`
 * objects and `style=` attributes of packages/elements/src.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = 'packages/elements/src';
const PHYSICAL = [
  /(?<![\w-])(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?\s*:/,
  /(?<![\w-])(?:left|right)\s*:/,
  /(?<![\w-])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
  /(?<![\w-])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
  /['"](?:margin|padding|border)-(?:left|right)['"]\s*:/,
  /['"](?:left|right)['"]\s*:/,
];

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|css)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** The parts of a source file that are CSS: css`…` templates, cssomStyle({…}) objects, style="…" attributes. */
function styleBlocks(source, file) {
  if (file.endsWith('.css')) return [{ text: source, offset: 0 }];
  const blocks = [];
  for (const pattern of [/\bcss`([^`]*)`/g, /cssomStyle\(\s*(\{[^)]*\})\s*\)/g, /\bstyle="([^"]*)"/g]) {
    for (const match of source.matchAll(pattern)) blocks.push({ text: match[1], offset: match.index + match[0].indexOf(match[1]) });
  }
  return blocks;
}

const problems = [];
let blockCount = 0;
for (const file of files(SRC)) {
  const source = readFileSync(file, 'utf8');
  for (const { text, offset } of styleBlocks(source, file)) {
    blockCount += 1;
    text.split('\n').forEach((line, index) => {
      if (/^\s*(\/\*|\*)/.test(line)) return;
      if (PHYSICAL.some((pattern) => pattern.test(line))) {
        const lineNumber = source.slice(0, offset).split('\n').length + index;
        problems.push(`${relative('.', file)}:${lineNumber}: ${line.trim()}`);
      }
    });
  }
}
if (problems.length) {
  console.error(
    `Physical left/right CSS in element styles (use logical properties, they mirror in right-to-left):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`element styles: logical properties only (${blockCount} style blocks)`);
