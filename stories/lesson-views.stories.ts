import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@lms-kit/elements/define/lms-text-lesson';
import '@lms-kit/elements/define/lms-video-lesson';
import '@lms-kit/elements/define/lms-document-lesson';
import '@lms-kit/elements/define/lms-embed-lesson';

const meta: Meta = {
  title: 'Elements/Lesson views',
  parameters: {
    docs: {
      description: {
        component:
          'The views `<lms-course-player>` shows for each lesson kind. They load on first use and report results with `lms-lesson-report`; new kinds register with `registerLessonView()`.',
      },
    },
  },
};
export default meta;

const base = '/demo/course/';

export const Text: StoryObj = {
  render: () =>
    html`<lms-text-lesson
      .baseUrl=${new URL(base, location.href).href}
      .lesson=${{ id: 't', kind: 'text', title: 'Welcome', src: 'lessons/welcome.html' }}
    ></lms-text-lesson>`,
};

export const TextWithHostileHtml: StoryObj = {
  render: () =>
    html`<lms-text-lesson
      .lesson=${{
        id: 't',
        kind: 'text',
        title: 'Sanitized',
        html: '<p>Scripts, event handlers and javascript: links are removed.</p><script>alert(1)</script><img src="x" alt="" onerror="alert(2)"><a href="javascript:alert(3)">a link with its href removed</a>',
      }}
    ></lms-text-lesson>`,
};

export const Video: StoryObj = {
  render: () =>
    html`<lms-video-lesson
      .baseUrl=${new URL(base, location.href).href}
      .lesson=${{
        id: 'v',
        kind: 'video',
        title: 'Handwashing in five steps',
        src: 'media/handwashing.webm',
        captions: [{ src: 'media/handwashing.en.vtt', srclang: 'en', label: 'English' }],
      }}
    ></lms-video-lesson>`,
};

export const VideoThatFails: StoryObj = {
  render: () =>
    html`<lms-video-lesson
      .lesson=${{ id: 'v', kind: 'video', title: 'Missing video', src: '/demo/course/media/missing.webm' }}
    ></lms-video-lesson>`,
};

export const DocumentInline: StoryObj = {
  render: () =>
    html`<lms-document-lesson
      .baseUrl=${new URL(base, location.href).href}
      .lesson=${{ id: 'd', kind: 'document', title: 'Allergen chart', src: 'media/allergen-chart.pdf' }}
    ></lms-document-lesson>`,
};

export const DocumentLink: StoryObj = {
  render: () =>
    html`<lms-document-lesson
      .baseUrl=${new URL(base, location.href).href}
      .lesson=${{ id: 'd', kind: 'document', title: 'Allergen chart', src: 'media/allergen-chart.pdf', display: 'link' }}
    ></lms-document-lesson>`,
};

export const Embed: StoryObj = {
  render: () =>
    html`<lms-embed-lesson
      .baseUrl=${new URL(base, location.href).href}
      .lesson=${{ id: 'e', kind: 'embed', title: 'Fridge check', src: 'fridge-check.html', completion: 'message', height: 420 }}
    ></lms-embed-lesson>`,
};
