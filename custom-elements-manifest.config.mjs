/** Builds packages/elements/custom-elements.json (read by Storybook and editors) from the JSDoc of the elements. */
export default {
  globs: ['packages/elements/src/components/**/*.ts', 'packages/elements/src/lessons/*.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: 'packages/elements',
  litelement: true,
};
