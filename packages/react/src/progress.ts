import { createComponent } from '@lit/react';
import * as React from 'react';
import { LmsProgress as LmsProgressElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-progress';

/** `<lms-progress>`: Overall and per-module progress of a course. */
export const LmsProgress = createComponent({
  tagName: 'lms-progress',
  elementClass: LmsProgressElement,
  react: React,
  events: {},
});
