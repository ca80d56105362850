import { fileURLToPath } from 'node:url';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { lmsCommandsPlugin } from './test/server/commands.mjs';
import { lrsPlugin } from './test/server/lrs.mjs';
import { framesPlugin } from './test/server/frames.mjs';
import { serviceWorkerScopeMiddleware } from './test/server/service-worker.mjs';
import { cmi5FixturesMiddleware } from './test/server/cmi5-fixtures.mjs';
import { prebundlePlugin } from './test/server/prebundle.mjs';
import { reactPlugin } from './test/server/react.mjs';
import { sharedFilesMiddleware } from './test/server/shared-files.mjs';
import { zipFolderMiddleware } from './test/server/zip-folder.mjs';
import { uploadsMiddleware } from './test/server/uploads.mjs';
import { webhookMiddleware } from './test/server/webhook.mjs';
import { strictCspMiddleware } from './test/server/csp.mjs';
import { corsMiddleware } from './test/server/cors.mjs';
import { certificateServerMiddleware } from './test/server/certificate-server.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { offlineCoursesMiddleware } from './test/server/offline-courses.mjs';
import { offlinePackagesMiddleware } from './test/server/offline-packages.mjs';
import { lmsServerPlugin } from './test/server/lms-server.mjs';
import { wordpressPlugin } from './test/server/wordpress.mjs';
import { xsdPlugin } from './test/server/xsd.mjs';

const commonjs = fromRollup(rollupCommonjs);
const executablePath = await findChromium();

/** Test files run one at a time in Chromium: 2-core machines stay responsive and timing-free. */
export default {
  files: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
  middleware: [
    corsMiddleware(),
    sharedFilesMiddleware(),
    zipFolderMiddleware(),
    uploadsMiddleware(),
    webhookMiddleware(),
    strictCspMiddleware(),
    certificateServerMiddleware(),
    serviceWorkerScopeMiddleware(),
    cmi5FixturesMiddleware(),
    offlineCoursesMiddleware(),
    offlinePackagesMiddleware(),
  ],
  nodeResolve: { exportConditions: ['source', 'development'] },
  concurrency: 1,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, args: chromiumArgs } })],
  plugins: [
    reactPlugin(),
    prebundlePlugin(['@learninglocker/xapi-validation', 'pdf-lib', '@pdf-lib/fontkit']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    commonjs({
      include: ['**/node_modules/dexie/**', '**/node_modules/axe-core/**'],
      strictRequires: false,
    }),
    lmsCommandsPlugin(),
    lrsPlugin(),
    framesPlugin(),
    lmsServerPlugin(),
    wordpressPlugin(),
    xsdPlugin(),
  ],
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  reporters: [defaultReporter(), summaryReporter()],
};
