import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  staticDirs: [
    { from: '../demo', to: '/demo' },
    // SCORM packages written for the tests (sequencing), shown by the SCORM stories.
    { from: '../test/scorm', to: '/test/scorm' },
    // Quiz files (GIFT) shown by the quiz stories.
    { from: '../test/pages/quizzes', to: '/test/pages/quizzes' },
    // The built service worker (npm run build), for the SCORM and cmi5 stories: see preview-head.html.
    { from: '../packages/elements/cdn', to: '/lms-kit' },
  ],
  async viteFinal(viteConfig) {
    // Read the packages' TypeScript sources directly (the "source" export condition).
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', 'module', 'browser', 'development', 'import', 'default'] };
    return viteConfig;
  },
};

export default config;
