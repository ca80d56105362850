import type { StorybookConfig } from '@storybook/web-components-vite';

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
    return viteConfig;
  },
};

export default config;
