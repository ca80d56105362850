import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { publicControlsOnly } from './public-controls.mjs';
import '@lms-kit/elements/all';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page for every element, from custom-elements.json (public API only).
  tags: ['autodocs'],
  // Controls only for the properties a page may set (custom-elements.json); see public-controls.mjs.
  argTypesEnhancers: [publicControlsOnly(manifest)],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
