/** Builds `@lms-kit/server` for Node (dist/cli.js, dist/index.js); its dependencies stay external. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../packages/server/', import.meta.url));

export async function buildServer() {
  await build({
    absWorkingDir: dir,
    entryPoints: ['src/cli.ts', 'src/index.ts'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return `${dir}dist/cli.js`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
