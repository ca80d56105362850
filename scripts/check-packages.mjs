/**
 * What a registry user would meet, checked on the packed tarballs (run after `npm run build`):
 * `publint --strict` and `@arethetypeswrong/cli` with the ESM-only profile (LMS Kit ships no
 * CommonJS: `require()` of it is not supported, `import` and bundlers are).
 */
import { execFileSync } from 'node:child_process';
import { packAll } from './pack.mjs';

// Files served or copied as they are, not modules to import with types: the CDN build and the service worker.
const NOT_MODULES = ['lms-kit-sw.js', 'cdn/*', 'jsx-react', 'jsx-preact', 'vue'];

let failed = 0;
const run = (label, command, args) => {
  try {
    execFileSync(command, args, { stdio: 'pipe', encoding: 'utf8' });
    console.log(`ok    ${label}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
};

for (const { name, tarball } of packAll('.packed')) {
  run(`publint --strict ${name}`, 'npx', ['publint', '--strict', '--level', 'suggestion', tarball]);
  run(`attw (esm-only) ${name}`, 'npx', [
    'attw',
    '--profile',
    'esm-only',
    '--format',
    'ascii',
    '--exclude-entrypoints',
    ...NOT_MODULES,
    '--',
    tarball,
  ]);
}
if (failed) {
  console.log(`${failed} package check(s) failed`);
  process.exit(1);
}
