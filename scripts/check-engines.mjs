/**
 * Keeps the `engines` fields true, from package-lock.json: each published package's Node range must fit
 * in the range of everything it installs, and the repository's own range (README: what a contributor
 * needs) in the range of every dev tool, save the few listed below that are documented in the README.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const semver = createRequire(import.meta.url)('semver');
const { packages } = JSON.parse(readFileSync('package-lock.json', 'utf8'));

/** Dev tools whose `engines` is stale or stricter than they need, with why they are kept (see README). */
const KNOWN_DEV_EXCEPTIONS = {
  // The test LRS: its last release (2019) still declares Node 6–8 and runs on Node 20.
  'xapi-statements': '6 - 8',
};

/** The lock's key for `name` as Node resolves it from the package at `from`. */
function resolveFrom(from, name) {
  for (let dir = from; ;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

/** Every installed package a package pulls in (dependencies and optional ones, not dev or peers). */
function closure(root, { dev = false } = {}) {
  const seen = new Set();
  const visit = (key, withDev) => {
    if (seen.has(key)) return;
    seen.add(key);
    const real = packages[key].link ? packages[key].resolved : key;
    const info = packages[real];
    const names = Object.keys({ ...info.dependencies, ...info.optionalDependencies, ...(withDev ? info.devDependencies : {}) });
    for (const name of names) {
      const found = resolveFrom(real, name);
      if (found) visit(found, false);
    }
  };
  visit(root, dev);
  seen.delete(root);
  return [...seen].map((key) => ({
    key,
    name: key.slice(key.lastIndexOf('node_modules/') + 13),
    info: packages[packages[key].link ? packages[key].resolved : key],
  }));
}

const problems = [];
const check = (owner, range, deps, exceptions = {}) => {
  if (!range) return problems.push(`${owner}: no engines.node`);
  for (const { name, info } of deps) {
    const needs = info.engines?.node;
    if (!needs || semver.subset(range, needs)) continue;
    if (exceptions[name] === needs) continue;
    problems.push(`${owner} says node ${range}, but ${name}@${info.version} needs ${needs}`);
  }
};

for (const [key, info] of Object.entries(packages)) {
  if (!key.startsWith('packages/') || info.private) continue;
  check(info.name ?? key, info.engines?.node, closure(key));
}
check('the repository (package.json)', packages[''].engines?.node, closure('', { dev: true }), KNOWN_DEV_EXCEPTIONS);

if (problems.length) {
  console.log(`engines: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
