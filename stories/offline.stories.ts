import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, html } from 'lit';
import { LmsError } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-course-player';
import { playerStyles } from '../packages/elements/src/components/course-player/lms-course-player.styles.js';
import { renderOfflinePanel, type CourseOffline } from '../packages/elements/src/components/course-player/offline-panel.js';
import { translate as translateIn } from '../packages/elements/src/i18n/localize.js';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Course player/Offline',
  component: 'lms-course-player',
  parameters: {
    docs: {
      description: {
        component:
          '`<lms-course-player offline>`: "Make available offline" keeps the course, its files and the code its lessons need on the device (Cache Storage, served by LMS Kit’s service worker). The states below are those of the panel above the outline.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The real player with `offline`: the button downloads the demo course into this browser. */
export const MakeAvailableOffline: Story = {
  render: () =>
    withProvider(new MemoryAdapter(), html`<lms-course-player src="/demo/course/food-safety.json" offline></lms-course-player>`),
};

/** Shows one state of the panel with the player's own styles (the states come and go too fast to catch in the real player). */
class OfflinePanelState extends LitElement {
  static override styles = playerStyles;
  static override properties = { state: { attribute: false } };
  state?: Partial<CourseOffline>;
  protected override render() {
    return html`<div part="base">${renderOfflinePanel(this.state as CourseOffline, (id, params) => translate(id, params), 'en')}</div>`;
  }
}
customElements.define('story-offline-panel-state', OfflinePanelState);

// The panel's English strings, through the same localizer the player uses.
const translate = (id: Parameters<typeof translateIn>[1], params?: Parameters<typeof translateIn>[2]) => translateIn('en', id, params);

const panel = (state: Partial<CourseOffline>) => html`<story-offline-panel-state .state=${state}></story-offline-panel-state>`;
const progress = { phase: 'downloading' as const, filesDone: 17, filesTotal: 44, bytesDone: 121_000, bytesTotal: 314_490 };

/** Downloading: files and bytes, and Cancel. */
export const Downloading: Story = { render: () => panel({ status: 'downloading', progress }) };

/** A video does not fit: keep the smaller rendition the course lists, or skip it. */
export const VideoTooLarge: Story = {
  render: () =>
    panel({
      status: 'choosing',
      choice: {
        lessonId: 'handwashing',
        title: 'Handwashing in five steps',
        url: '/demo/course/media/handwashing.webm',
        bytes: 240_000_000,
        needed: 250_000_000,
        available: 90_000_000,
        alternatives: [{ url: '/demo/course/media/handwashing-360p.webm', label: '360p', bytes: 38_000_000 }],
        answer: () => undefined,
      },
    }),
};

/** Stopped half-way (a reload, a closed tab, Cancel): Resume fetches only what is missing. */
export const Interrupted: Story = { render: () => panel({ status: 'interrupted' }) };

/** Kept on this device, with its size. */
export const Available: Story = {
  render: () =>
    panel({
      status: 'available',
      copy: {
        courseUrl: '',
        courseId: 'food-safety-basics',
        title: 'Food safety basics',
        bytes: 314_490,
        files: 44,
        status: 'available',
        updating: false,
      },
    }),
};

/** A new version of the course downloading in the background, beside the copy in use. */
export const Updating: Story = { render: () => panel({ status: 'available', updating: true, progress }) };

/** Not enough room on the device (`offline/quota`): the copy kept before is untouched. */
export const NoRoom: Story = {
  render: () =>
    panel({ status: 'error', error: new LmsError('offline/quota', 'Not enough room on this device to keep the course offline.') }),
};
