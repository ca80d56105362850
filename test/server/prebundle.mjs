import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { withStaticRequireTable } from '../../scripts/static-requires.mjs';

/** The validator's `require(variable)` made static, as in the production build. */
const staticDynamicRequires = {
  name: 'static-dynamic-requires',
  setup(esbuild) {
    esbuild.onLoad({ filter: /xapi-validation[\\/]dist[\\/]factory\.js$/ }, ({ path }) => ({
      contents: withStaticRequireTable(readFileSync(path, 'utf8'), path),
      loader: 'js',
    }));
  },
};

/**
 * Serves CommonJS packages whose require graphs the dev server's per-file transform cannot follow
 * (circular requires, `__extends` of a required class) as one ESM file bundled by esbuild.
 */
export function prebundlePlugin(packages) {
  const cache = new Map();
  const fileOf = (name) => `${name.replace(/[^a-z0-9]+/gi, '_')}.js`;
  const urlOf = (name) => `/__prebundled/${fileOf(name)}`;
  return {
    name: 'lms-kit-prebundle',
    resolveImport({ source }) {
      return packages.includes(source) ? urlOf(source) : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith('/__prebundled/')) return undefined;
      const name = packages.find((candidate) => context.path === urlOf(candidate));
      if (!name) return undefined;
      if (!cache.has(name)) {
        cache.set(
          name,
          build({
            stdin: {
              contents: `import * as m from '${name}'; export default (m.default ?? m); export * from '${name}';`,
              resolveDir: process.cwd(),
            },
            bundle: true,
            format: 'esm',
            platform: 'browser',
            write: false,
            logLevel: 'silent',
            plugins: [staticDynamicRequires],
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await cache.get(name), type: 'js' };
    },
  };
}
