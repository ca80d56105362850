/**
 * Renders every story of stories/ in the test browser and checks it with axe: each state a user
 * meets is shown by a story, so this is the accessibility check of every element in every state.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as coursePlayer from '../stories/course-player.stories.js';
import * as progress from '../stories/progress.stories.js';
import * as provider from '../stories/provider.stories.js';
import * as lessonViews from '../stories/lesson-views.stories.js';
import * as quiz from '../stories/quiz.stories.js';
import * as scorm from '../stories/scorm.stories.js';
import * as certificate from '../stories/certificate.stories.js';
import * as certificateVerify from '../stories/certificate-verify.stories.js';
import * as sync from '../stories/sync.stories.js';
import * as cmi5Lesson from '../stories/cmi5-lesson.stories.js';
import * as certificateStatus from '../stories/certificate-status.stories.js';
import * as quizLesson from '../stories/quiz-lesson.stories.js';
import * as courseVersions from '../stories/course-versions.stories.js';
import * as discussion from '../stories/discussion.stories.js';

interface StoryLike {
  loaders?: Array<() => Promise<Record<string, unknown>>>;
  render?: (args: unknown, context: { loaded: Record<string, unknown> }) => TemplateResult;
}

const files: Record<string, Record<string, unknown>> = {
  coursePlayer,
  progress,
  provider,
  lessonViews,
  quiz,
  scorm,
  certificate,
  certificateVerify,
  sync,
  cmi5Lesson,
  certificateStatus,
  quizLesson,
  courseVersions,
  discussion,
};

/** Lit elements inside `root` (crossing shadow roots) have finished rendering and loading. */
async function settled(root: Element): Promise<void> {
  const all = (node: ParentNode): Element[] =>
    [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  await waitUntil(() => !all(root).some((el) => el.getAttribute('aria-busy') === 'true'), 'still loading', { timeout: 5000 });
  await Promise.all(all(root).map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 150));
}

for (const [file, stories] of Object.entries(files)) {
  describe(`stories: ${file}`, () => {
    for (const [name, story] of Object.entries(stories)) {
      if (name === 'default' || typeof story !== 'object' || !(story as StoryLike | null)?.render) continue;
      it(`${name} renders and has no axe violations`, async () => {
        const { loaders = [], render } = story as StoryLike;
        const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load()))));
        const container = await fixture(html`<div>${render?.({}, { loaded })}</div>`);
        await settled(container);
        expect(container.firstElementChild).to.not.equal(null);
        await expect(container).to.be.accessible();
      });
    }
  });
}
