import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * `@learninglocker/xapi-validation` loads its rules with `require(variable)`, which no bundler can
 * follow: give the one module that does it a static table of every file beside it.
 */
const staticDynamicRequires = {
  name: 'static-dynamic-requires',
  setup(esbuild) {
    esbuild.onLoad({ filter: /xapi-validation[\\/]dist[\\/]factory\.js$/ }, ({ path }) => {
      const dir = dirname(path);
      const files = [];
      const walk = (folder) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const full = join(folder, entry.name);
          if (entry.isDirectory()) {
            if (entry.name !== 'tests') walk(full);
          } else if (entry.name.endsWith('.js') && !entry.name.endsWith('.test.js'))
            files.push(`./${relative(dir, full).replace(/\\/g, '/').replace(/\.js$/, '')}`);
        }
      };
      walk(dir);
      const table = files.map((file) => `${JSON.stringify(file)}: () => require(${JSON.stringify(file)})`).join(',\n');
      const source = readFileSync(path, 'utf8').replace(
        'return ruleAccessor(require(file))',
        'return ruleAccessor(__requireTable[file]())',
      );
      return { contents: `var __requireTable = {\n${table}\n};\n${source}`, loader: 'js' };
    });
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
