/**
 * Fails when element styles use a raw colour (`#hex`, `rgb()`, `hsl()`…, a named colour) instead of a
 * token (`var(--_accent)`…): raw colours do not follow the themes, a site's brand or forced colours.
 * The palettes are defined in the files of TOKEN_DEFINITIONS only. System colours (`Canvas`,
 * `LinkText`…), `transparent` and `currentColor` are allowed. Reads the `css` templates,
 * `cssomStyle({…})` objects, `style=` attributes and SVG `fill`/`stroke` attributes of packages/elements/src.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import colorNames from 'color-name';

const SRC = 'packages/elements/src';
const TOKEN_DEFINITIONS = {
  'packages/elements/src/styles/shared.styles.ts': 'the light palette and the frame and media colours',
  'packages/elements/src/styles/themes.styles.ts': 'the dark and high-contrast palettes',
  // A QR code scans only dark on light, whatever the theme.
  'packages/elements/src/components/certificate/certificate-template.ts': 'the QR code',
};
const FUNCTION = /(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;
const NAMED = new RegExp(`(?<![\\w.#-])(?:${Object.keys(colorNames).join('|')})(?![\\w-])`, 'i');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|css)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** The values of the CSS declarations (`property: value`) and SVG colour attributes of a line. */
function colourValues(line) {
  const values = [...line.matchAll(/(?:^|[;{\s'"])[a-z-]+['"]?\s*:\s*([^;{}]+)/gi)].map((match) => match[1]);
  for (const match of line.matchAll(/\b(?:fill|stroke|stop-color|color)=["']([^"']*)["']/gi)) values.push(match[1]);
  return values;
}

function styleBlocks(source, file) {
  if (file.endsWith('.css')) return [{ text: source, offset: 0 }];
  const blocks = [];
  for (const pattern of [/\b(?:css|svg)`([^`]*)`/g, /cssomStyle\(\s*(\{[^)]*\})\s*\)/g, /\bstyle="([^"]*)"/g]) {
    for (const match of source.matchAll(pattern)) blocks.push({ text: match[1], offset: match.index + match[0].indexOf(match[1]) });
  }
  return blocks;
}

const problems = [];
let blockCount = 0;
for (const file of files(SRC)) {
  if (relative('.', file) in TOKEN_DEFINITIONS) continue;
  const source = readFileSync(file, 'utf8');
  for (const { text, offset } of styleBlocks(source, file)) {
    blockCount += 1;
    text.split('\n').forEach((line, index) => {
      if (/^\s*(\/\*|\*)/.test(line)) return;
      if (colourValues(line).some((value) => FUNCTION.test(value) || HEX.test(value) || NAMED.test(value))) {
        const lineNumber = source.slice(0, offset).split('\n').length + index;
        problems.push(`${relative('.', file)}:${lineNumber}: ${line.trim()}`);
      }
    });
  }
}
if (problems.length) {
  console.error(
    `Raw colours in element styles (use the tokens, var(--_accent)…, defined in ${Object.keys(TOKEN_DEFINITIONS)[0]}):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`element styles: colours from tokens only (${blockCount} style blocks)`);
