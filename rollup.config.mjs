import { readFileSync, readdirSync, rmSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplateLiterals } from './scripts/minify-template-literals.mjs';

// Chunk names carry hashes: start from an empty dist/ so old chunks never linger.
rmSync('dist', { recursive: true, force: true });

/** Writes dist/bundle-manifest.json: each chunk's static and dynamic imports, for scripts/size.mjs. */
const bundleManifest = () => ({
  name: 'bundle-manifest',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle)
      .filter((item) => item.type === 'chunk')
      .map(({ fileName, isEntry, imports, dynamicImports }) => ({ fileName, isEntry, imports, dynamicImports }));
    this.emitFile({ type: 'asset', fileName: 'bundle-manifest.json', source: JSON.stringify(chunks, null, 2) });
  },
});

/**
 * Writes dist/lms-kit-offline.json, the chunks an offline copy of a course keeps, by what needs them:
 * `course` (playing any course), each lesson kind (its view, read from define/loaders.ts), `certificate`.
 * Each group has its modules' chunks and every chunk those import, at once or later. The offline code
 * finds the list through the path put in place of `__LMS_KIT_OFFLINE_CHUNKS__`, relative to its chunk.
 */
const offlineChunks = () => {
  const loaders = readFileSync('packages/elements/src/define/loaders.ts', 'utf8');
  const groups = {
    course: [
      'elements/src/course/validate-course.ts',
      'elements/src/course/package-kind.ts',
      'elements/src/course/course-outline-store.ts',
      'elements/src/components/course-player/offline-panel.ts',
      'runtime/src/course/index.ts',
      'storage/src/dexie/dexie-adapter.ts',
      'core/src/validate.ts',
      'elements/src/course/localize-course.ts',
    ],
    // Issuing, and showing the certificate earned (a page with `<lms-certificate>` may be taken offline too).
    certificate: ['elements/src/certificates/issue-on-completion.ts', 'elements/src/define/lms-certificate.ts'],
    sync: ['elements/src/sync/start-sync.ts'],
    package: ['elements/src/course/scorm-course.ts', 'elements/src/cmi5/load-cmi5-course.ts'],
  };
  for (const [, kind, view, rules] of loaders.matchAll(
    /registerLessonView\('([^']+)',\s*\{[^}]*?load: \(\) => import\('\.\/([^']+)\.js'\)(?:,\s*rules: \(\) => import\('\.\.\/([^']+)\.js'\))?/g,
  ))
    groups[kind] = [`elements/src/define/${view}.ts`, ...(rules ? [`elements/src/${rules}.ts`] : [])];
  const FILE = 'lms-kit-offline.json';
  return {
    name: 'offline-chunks',
    renderChunk(code, chunk) {
      if (!code.includes('__LMS_KIT_OFFLINE_CHUNKS__')) return null;
      const depth = chunk.fileName.split('/').length - 1;
      return { code: code.replaceAll('__LMS_KIT_OFFLINE_CHUNKS__', `${'../'.repeat(depth) || './'}${FILE}`), map: null };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry).fileName;
      const closure = (seeds) => {
        const files = new Set();
        const visit = (fileName) => {
          if (files.has(fileName) || fileName === entry || !bundle[fileName]) return;
          files.add(fileName);
          for (const next of [...bundle[fileName].imports, ...bundle[fileName].dynamicImports]) visit(next);
        };
        for (const chunk of chunks)
          if (chunk.moduleIds.some((id) => seeds.some((seed) => id.replaceAll('\\', '/').endsWith(`packages/${seed}`))))
            visit(chunk.fileName);
        return [...files].sort();
      };
      const list = { entry, groups: Object.fromEntries(Object.entries(groups).map(([name, seeds]) => [name, closure(seeds)])) };
      this.emitFile({ type: 'asset', fileName: FILE, source: JSON.stringify(list, null, 2) });
    },
  };
};

/** Copies a static file into the output folder, as it is. */
const copyFile = (from, fileName) => ({
  name: 'copy-file',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName, source: readFileSync(from, 'utf8') });
  },
});

const transpile = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true });
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

/** One ESM build per package: modules kept as they are (tree-shakeable), dependencies external. Types come from `tsc -b`. */
function packageBuild(name, entries) {
  return {
    input: Object.fromEntries(entries.map((entry) => [entry, `packages/${name}/src/${entry}.ts`])),
    external: isBare,
    plugins: [transpile()],
    output: {
      dir: `packages/${name}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `packages/${name}/src`,
      sourcemap: true,
    },
  };
}

const defines = readdirSync('packages/elements/src/define')
  .filter((file) => file.startsWith('lms-'))
  .map((file) => `define/${file.replace(/\.ts$/, '')}`);

export default [
  packageBuild('core', ['index', 'validate', 'xapi', 'quiz/index', 'authoring']),
  packageBuild('storage', ['index', 'dexie/index', 'memory-adapter', 'http/index', 'test-suite']),
  packageBuild('scorm', ['index', 'manifest/index', 'runtime/index', 'sw/index', 'lesson-kind', 'isolation/index', 'export/index']),
  packageBuild('certificates', ['index', 'pdf/index', 'qr']),
  packageBuild('xapi', ['index', 'validate', 'cmi5/index', 'cmi5/service-worker-route']),
  packageBuild('runtime', [
    'index',
    'course/index',
    'quiz/index',
    'package/index',
    'cmi5/index',
    'engagement/index',
    'report/index',
    'grading/index',
    'catalog/index',
    'offline/index',
    'offline/service-worker-route',
    'authoring/index',
  ]),
  packageBuild('elements', ['index', 'all', ...defines]),
  packageBuild('react', ['index', 'hooks/index']),
  // The single-file build for `<script type="module" src="…/lms-kit.js">`: everything bundled; what
  // only some pages need (Dexie, DOMPurify, lesson views) is split into chunks loaded on first use.
  {
    input: { 'lms-kit': 'packages/elements/src/all.ts' },
    // Lets shared code live in the entry itself instead of an extra chunk the entry must import.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production'], browser: true }),
      commonjs({ ignoreDynamicRequires: false }),
      // pdf-lib reads the metrics of the standard PDF fonts from JSON modules.
      json(),
      transpile(),
      minifyTemplateLiterals(),
      offlineChunks(),
      terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
      bundleManifest(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // English is every locale's fallback, so it always loads: its parts (one per group of elements) in one request.
      manualChunks: (id) => (/[\\/]i18n[\\/](messages-en-[\w-]+|locales[\\/]en)\.ts$/.test(id) ? 'messages-en' : undefined),
      sourcemap: true,
    },
  },
  // LMS Kit's service worker (SCORM package files, cmi5 files and LRS facade): one classic script,
  // nothing to import, served beside lms-kit.js or where `<meta name="lms-kit-service-worker">` says.
  {
    input: 'packages/elements/src/service-worker/lms-kit-sw.ts',
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production'], browser: true }),
      commonjs({ ignoreDynamicRequires: false }),
      transpile(),
      terser({ compress: { passes: 2 }, format: { comments: false } }),
    ],
    output: { file: 'dist/lms-kit-sw.js', format: 'iife', inlineDynamicImports: true, sourcemap: true },
  },
  // Isolated mode: the content host page, its script and its service worker, which a site serves from
  // its content origin (another origin than its pages); see packages/scorm/README.md.
  {
    input: 'packages/scorm/src/isolation/content-host.ts',
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production'], browser: true }),
      transpile(),
      terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
      copyFile('packages/scorm/src/isolation/lms-kit-content-host.html', 'lms-kit-content-host.html'),
    ],
    output: { file: 'dist/lms-kit-content-host.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
  },
  {
    input: 'packages/scorm/src/isolation/content-sw.ts',
    plugins: [
      nodeResolve({ exportConditions: ['source', 'production'], browser: true }),
      transpile(),
      terser({ compress: { passes: 2 }, format: { comments: false } }),
    ],
    output: { file: 'dist/lms-kit-content-sw.js', format: 'iife', inlineDynamicImports: true, sourcemap: true },
  },
];
