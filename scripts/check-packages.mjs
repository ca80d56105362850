/**
 * What a registry user would meet: the metadata every package shares (one repository URL, homepage,
 * bugs, LICENSE, engines), then, on the packed tarballs (run after `npm run build`), `publint --strict`
 * and `@arethetypeswrong/cli` with the ESM-only profile (LMS Kit ships no CommonJS: `require()` of it
 * is not supported, `import` and bundlers are).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PUBLISHED, packAll } from './pack.mjs';

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

// One repository, spelled the same in every package (the root package.json's).
const root = JSON.parse(readFileSync('package.json', 'utf8'));
const repository = root.repository.url;
const site = repository.replace(/^git\+/, '').replace(/\.git$/, '');
for (const { dir, json } of PUBLISHED) {
  const problems = [
    json.repository?.url !== repository && `repository.url is not ${repository}`,
    json.repository?.directory !== dir && `repository.directory is not ${dir}`,
    json.homepage !== `${site}/tree/main/${dir}#readme` && `homepage is not ${site}/tree/main/${dir}#readme`,
    json.bugs?.url !== root.bugs.url && `bugs.url is not ${root.bugs.url}`,
    !existsSync(`${dir}/LICENSE`) && 'no LICENSE file',
    !json.engines?.node && 'no engines.node',
  ].filter(Boolean);
  if (problems.length) failed += 1;
  console.log(problems.length ? `FAIL  metadata ${json.name}: ${problems.join('; ')}` : `ok    metadata ${json.name}`);
}

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
