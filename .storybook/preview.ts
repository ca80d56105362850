import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { publicControlsOnly } from './public-controls.mjs';
import '@lms-kit/elements/all';
import { html } from 'lit';
import { textDirection } from '@lms-kit/elements';
import { setStoryLocale, setStoryTheme, type StoryTheme } from '../stories/support.js';

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
  // Interface language of every story, from the toolbar: the providers of the stories take it, and the
  // story sits in a page of that `lang` and `dir`. "Pseudo" is accented, longer, bracketed English.
  globalTypes: {
    locale: {
      description: 'Interface language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ar', title: 'العربية' },
          { value: 'he', title: 'עברית' },
          { value: 'ja', title: '日本語' },
          { value: 'zh-CN', title: '简体中文' },
          { value: 'en-XA', title: 'Pseudo-locale' },
        ],
      },
    },
    // Colour theme of every story: the providers of the stories take it (`theme`), and the story sits on
    // a page of that theme (preview-head.html); "Bakery brand" is the demo's tokens over the light theme.
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
          { value: 'bakery', title: 'Bakery brand' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    (story, context) => {
      const locale = String(context.globals.locale ?? 'en');
      const theme = String(context.globals.theme ?? 'light') as StoryTheme;
      setStoryLocale(locale);
      setStoryTheme(theme);
      return html`<div class="story-page" data-theme=${theme} lang=${locale} dir=${textDirection(locale)}>${story()}</div>`;
    },
  ],
};

export default preview;
