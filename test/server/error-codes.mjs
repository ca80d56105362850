import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CODE = /['"`]([a-z][a-z0-9]*\/[a-z][a-z0-9-]*)['"`]/g;
/** Where an error code can be written: an `LmsError` (or the server's `HttpError`, whose code the client receives), a helper that makes one, or a `code` value (just before the literal). */
const ERROR_CONTEXT = /(LmsError|HttpError|toLmsError|isLmsError|failLoad|\bcode\b)/;
// A block comment starts a line or follows a space: `'/api/*'` in a string is not one.
const COMMENTS = /(?<=^|\s)\/\*[\s\S]*?\*\/|(?<![:'"`])\/\/.*$/gm;
// Media types and the like that share the `a/b` shape.
const NOT_CODES = /^(application|text|image|video|audio|font|multipart)\//;

/** Every error code written in the packages' sources, with the file it is in (read from disk: the browser cannot). */
export function sourceErrorCodes(root = 'packages') {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'test', 'vendor', 'cdn'].includes(entry.name)) walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const text = readFileSync(path, 'utf8').replace(COMMENTS, '');
        for (const match of text.matchAll(CODE)) {
          const before = text.slice(Math.max(0, match.index - 240), match.index);
          // Warnings (`manifest/ignored`, `sequencing/unsupported`) are not errors: they have codes of their own.
          const nearby = text.slice(Math.max(0, match.index - 160), match.index);
          if (ERROR_CONTEXT.test(before) && !NOT_CODES.test(match[1]) && !/warn/i.test(nearby)) found.push({ file: path, code: match[1] });
        }
      }
    }
  };
  walk(root);
  return found;
}
