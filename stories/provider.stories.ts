import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '@lms-kit/storage';
import { storyLocale, storyTheme } from './support.js';

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'lms-provider',
  parameters: {
    docs: {
      description: {
        component:
          'Gives the elements inside it their storage, learner and locale. Without one, elements use IndexedDB and an anonymous learner local to the browser. Here: a named learner, memory storage and the interface language of the toolbar (its `locale`); switch it to see every element re-render.',
      },
    },
  },
};
export default meta;

export const NamedLearnerWithMemoryStorage: StoryObj = {
  render: () =>
    html`<lms-provider
      learner-name="Jamie Rivera"
      learner-email="jamie@example.com"
      locale=${storyLocale()}
      theme=${storyTheme()}
      .storage=${new MemoryAdapter()}
    >
      <lms-course-player src="/demo/course/food-safety.json"></lms-course-player>
    </lms-provider>`,
};
