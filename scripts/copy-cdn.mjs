/**
 * Copies the one-file build (`dist/lms-kit.js`, its chunks and `lms-kit-sw.js`) into
 * `packages/elements/cdn/`, so the published package serves it from jsDelivr or unpkg and bundler
 * apps can copy the service worker from it. Source maps stay behind: they name sources the
 * package does not ship.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FROM = 'dist';
const TO = 'packages/elements/cdn';

rmSync(TO, { recursive: true, force: true });
mkdirSync(TO, { recursive: true });
const copy = (relative) => {
  const text = readFileSync(join(FROM, relative), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  mkdirSync(join(TO, relative, '..'), { recursive: true });
  writeFileSync(join(TO, relative), text);
};
for (const name of readdirSync(FROM, { recursive: true })) {
  if (typeof name === 'string' && name.endsWith('.js')) copy(name);
}
cpSync('LICENSE', join(TO, 'LICENSE'));
