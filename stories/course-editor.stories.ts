import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { LmsError, type Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCourseEditor } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-editor';
import { absoluteCourse, loadDemoCourse, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Course editor',
  component: 'lms-course-editor',
  parameters: {
    docs: {
      description: {
        component:
          'Builds a course without writing JSON: modules and lessons (Alt+Up/Down or drag to reorder, delete with undo), a form per lesson kind (Tiptap rich text, video with captions, document, embed, quiz, SCORM package), rules and certificate. Edits are validated at their field and autosaved as a draft; a live preview plays the course on memory storage.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Draft writes that never finish: the editor stays in its "Saving draft…" state. */
class StuckStorage extends MemoryAdapter {
  override async setValue(key: string, value: unknown): Promise<void> {
    if (key.startsWith('lms-kit/draft/')) return new Promise(() => undefined);
    return super.setValue(key, value);
  }
}

/** A storage that cannot be read: the editor shows its error state. */
class UnreadableStorage extends MemoryAdapter {
  override async getValue<T>(): Promise<T | undefined> {
    throw new LmsError('storage/failed', 'The browser refused to read the saved drafts.');
  }
}

const editor = (course?: Course) => html`<lms-course-editor course-id="story-course" .course=${course}></lms-course-editor>`;

/** Waits for the editor's draft, then makes one edit through it. */
async function edit(canvas: HTMLElement, change: (course: Course) => void): Promise<void> {
  const element = canvas.querySelector('lms-course-editor') as LmsCourseEditor;
  for (let i = 0; i < 100 && !element.draft; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  element.draft?.update(change);
}

export const Empty: Story = { render: () => withProvider(new MemoryAdapter(), editor()) };

export const EditingTheDemoCourse: Story = {
  loaders: [async () => ({ course: absoluteCourse(await loadDemoCourse()) })],
  render: (_args, { loaded }) => withProvider(new MemoryAdapter(), editor(loaded.course as Course)),
};

export const Invalid: Story = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      editor({
        schema: 1,
        id: 'story-course',
        title: 'Allergens',
        modules: [{ id: 'm1', title: 'Basics', lessons: [{ id: 'v1', kind: 'video', title: 'The fourteen allergens', src: '' }] }],
      }),
    ),
};

export const Saving: Story = {
  render: () => withProvider(new StuckStorage(), editor()),
  play: ({ canvasElement }) => edit(canvasElement, (course) => (course.title = 'Being saved')),
};

export const StorageError: Story = { render: () => withProvider(new UnreadableStorage(), editor()) };
