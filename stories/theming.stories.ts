import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import * as badges from './badges.stories.js';
import * as catalog from './catalog.stories.js';
import * as certificate from './certificate.stories.js';
import * as certificateStatus from './certificate-status.stories.js';
import * as certificateVerify from './certificate-verify.stories.js';
import * as coursePlayer from './course-player.stories.js';
import * as grading from './grading.stories.js';
import * as leaderboard from './leaderboard.stories.js';
import * as lessonViews from './lesson-views.stories.js';
import * as myLearning from './my-learning.stories.js';
import * as notifications from './notifications.stories.js';
import * as progress from './progress.stories.js';
import * as quiz from './quiz.stories.js';
import * as report from './report.stories.js';
import * as sync from './sync.stories.js';
import { setStoryTheme, type StoryTheme } from './support.js';

const meta: Meta = {
  title: 'Theming',
  parameters: {
    docs: {
      description: {
        component: [
          'Every element in one of its main states, under each theme and under a brand of its own. A page picks the theme on',
          '`<lms-provider theme="light | dark | high-contrast | auto">` (`auto` follows the system: dark, or high contrast when it asks',
          'for more contrast); Windows high contrast (forced colours) works in any theme. A brand is tokens: `--lms-color-accent`,',
          '`--lms-color-*`, `--lms-spacing`, `--lms-radius`, `--lms-font-family`, `--lms-focus-ring` set on any ancestor; they win over',
          'the theme. The list of tokens with their default per theme is in the elements README (Themes and design tokens).',
          'The toolbar’s Theme menu applies the same to every other story.',
        ].join(' '),
      },
    },
  },
};
export default meta;

type Shown = { name: string; story: StoryObj };

/** One story per element, in the state a learner or an instructor meets most. */
const SHOWN: Shown[] = [
  { name: 'lms-course-player', story: coursePlayer.InProgress as StoryObj },
  { name: 'lms-progress', story: progress.InProgress },
  { name: 'lms-quiz', story: quiz.InProgressTimed as StoryObj },
  { name: 'lms-quiz (passed)', story: quiz.Passed as StoryObj },
  { name: 'lms-certificate', story: certificate.Valid },
  { name: 'lms-certificate-status', story: certificateStatus.RenewSoon },
  { name: 'lms-certificate-verify', story: certificateVerify.Valid },
  { name: 'lms-badges', story: badges.HygieneDone },
  { name: 'lms-leaderboard', story: leaderboard.RankedUnderPseudonym },
  { name: 'lms-catalog', story: catalog.Data },
  { name: 'lms-my-learning', story: myLearning.Data },
  { name: 'lms-notifications', story: notifications.DueAndExpiring },
  { name: 'lms-report', story: report.LocalLearnerCourse },
  { name: 'lms-grading', story: grading.SelfStudyWithAnEssay },
  { name: 'lms-sync-status', story: sync.RecordsWaitingToSync },
  { name: 'lms-text-lesson', story: lessonViews.Text },
  { name: 'lms-document-lesson', story: lessonViews.DocumentLink },
];

type Loaded = Record<string, unknown>[];

/** Runs the shown stories' own loaders (storage with progress, a certificate…). */
async function loadAll(context: StoryContext): Promise<{ shown: Loaded }> {
  const shown: Loaded = [];
  for (const { story } of SHOWN) {
    const loaders = [story.loaders ?? []].flat();
    const loaded: Record<string, unknown> = {};
    for (const loader of loaders) Object.assign(loaded, await loader(context));
    shown.push(loaded);
  }
  return { shown };
}

function gallery(theme: StoryTheme, context: StoryContext): TemplateResult {
  // The shown stories' providers read the theme while rendering: it is this story's, whatever the toolbar says.
  setStoryTheme(theme);
  const loaded = (context.loaded as { shown: Loaded }).shown;
  const provider = theme === 'bakery' ? 'light' : theme;
  return html`<div class="story-page" data-theme=${theme}>
    <lms-provider storage-type="memory" theme=${provider}>
      <div style="display: grid; gap: 2rem; max-inline-size: 60rem">
        ${SHOWN.map(
          ({ name, story }, index) =>
            html`<section aria-label=${name}>
              <h2 style="font: 600 0.875rem/1.2 monospace; margin: 0 0 0.5rem">${name}</h2>
              ${story.render!({ ...(story.args ?? {}) }, { ...context, loaded: loaded[index] } as StoryContext)}
            </section>`,
        )}
      </div>
    </lms-provider>
  </div>`;
}

const themed = (theme: StoryTheme): StoryObj => ({
  loaders: [loadAll],
  render: (_args, context) => gallery(theme, context),
});

export const Light = themed('light');
export const Dark = themed('dark');
export const HighContrast = themed('high-contrast');
/** The demo bakery's brand: its tokens over the light theme (a white label). */
export const BakeryBrand = themed('bakery');
