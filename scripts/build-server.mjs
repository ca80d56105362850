/** Builds `@lms-kit/server` for Node (dist/cli.js, dist/index.js): LMS Kit's own packages bundled from source, the rest external. */
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../packages/server/', import.meta.url));

const externalDependencies = {
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@lms-kit/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServer() {
  // Old chunks out (type declarations from `tsc -b` stay).
  for (const file of (existsSync(`${dir}dist`) ? readdirSync(`${dir}dist`, { withFileTypes: true }) : []).filter(
    (f) => f.isFile() && f.name.endsWith('.js'),
  ))
    rmSync(`${dir}dist/${file.name}`);
  await build({
    absWorkingDir: dir,
    entryPoints: ['src/cli.ts', 'src/index.ts'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    plugins: [externalDependencies],
    // dist/cli.js is the package's `bin`: it runs as a command.
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  return `${dir}dist/cli.js`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
