import type { StorybookConfig } from '@storybook/web-components-vite';
import { xapiValidationRequires } from '../scripts/static-requires.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  staticDirs: [
    { from: '../demo', to: '/demo' },
    // SCORM packages written for the tests (sequencing), shown by the SCORM stories.
    { from: '../test/scorm', to: '/test/scorm' },
  ],
  async viteFinal(viteConfig) {
    // Read the packages' TypeScript sources directly (the "source" export condition).
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', 'module', 'browser', 'development', 'import', 'default'] };
    // The statement validator loads its rules with require(variable): give the bundler a static table.
    viteConfig.plugins = [...(viteConfig.plugins ?? []), { ...xapiValidationRequires(), enforce: 'pre' as const }];
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@learninglocker/xapi-validation'],
    };
    return viteConfig;
  },
};

export default config;
