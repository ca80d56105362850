/**
 * Packs every published package with `npm pack` into one folder (default `.packed/`), as a release
 * or an app installing from tarballs gets them. Run after `npm run build`. Prints the tarball paths.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** The workspaces that are published (not `private`). */
export const PUBLISHED = readdirSync('packages')
  .map((name) => ({ dir: `packages/${name}`, json: JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')) }))
  .filter(({ json }) => !json.private);

export function packAll(destination = '.packed') {
  const out = resolve(destination);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  return PUBLISHED.map(({ dir, json }) => {
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }));
    return { name: json.name, tarball: resolve(out, filename) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, tarball } of packAll(process.argv[2])) console.log(`${name}\t${tarball}`);
}
